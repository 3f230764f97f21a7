import Flashcards
import Foundation

/// Removes what is not the article: site boilerplate, social links, cookie notices, SEO
/// keyword lines, and everything after an end-of-article marker such as "Leave a Comment".
/// The same rules run on every format, after the format's own reader.
struct NoiseFilter {
    /// Short blocks that are site furniture, by their normalized text, in the languages of the
    /// sites we read (English, Spanish, German, French).
    static let boilerplate: Set<String> = [
        "leave a comment", "leave a reply", "leave a comment cancel reply", "post comment", "comments",
        "share this", "share", "share on facebook", "share on twitter", "share on x", "tweet", "like this",
        "related posts", "related articles", "related", "you may also like", "you might also like",
        "read more", "read next", "click here", "subscribe", "subscribe to our newsletter", "follow us",
        "sign up for our newsletter", "previous post", "next post", "table of contents", "advertisement",
        "sponsored", "all rights reserved", "back to top", "print", "email",
        "deja un comentario", "compartir", "entradas relacionadas", "articulos relacionados", "comentarios",
        "hinterlasse einen kommentar", "kommentar hinterlassen", "teilen", "ahnliche beitrage", "kommentare",
        "laisser un commentaire", "partager", "articles similaires", "commentaires",
    ]

    /// Boilerplate that begins a short block, as lower-case text.
    static let boilerplatePrefixes = [
        "share this:", "posted in:", "posted in ", "filed under", "tags:", "copyright ©", "© ", "follow us on ",
        "like this:", "related posts:", "categories:",
    ]

    /// The ASCII prefixes as bytes.
    static let boilerplatePrefixBytes = boilerplatePrefixes.filter { $0.utf8.allSatisfy { $0 < 0x80 } }.map {
        Array($0.utf8)
    }

    /// Markers after which a page holds comments and links to other posts, not the article.
    static let endMarkers: Set<String> = [
        "leave a comment", "leave a reply", "leave a comment cancel reply", "related posts", "related articles",
        "you may also like", "you might also like", "comments", "deja un comentario", "entradas relacionadas",
        "articulos relacionados", "comentarios", "hinterlasse einen kommentar", "kommentare",
        "laisser un commentaire", "commentaires", "articles similaires",
    ]

    static let socialNames: Set<String> = [
        "facebook", "twitter", "x", "linkedin", "pinterest", "reddit", "whatsapp", "telegram", "email", "print",
        "instagram", "youtube", "tumblr", "pocket", "share", "tweet", "mastodon", "threads", "bluesky",
    ]

    static let longestSocialName = socialNames.map(\.utf8.count).max() ?? 0

    /// The first letters of `boilerplatePrefixes`, lower-case.
    static let boilerplateInitials = ByteSet("spftclr")

    let title: String?

    /// The blocks that are the article, and a note for each one left out.
    func apply(_ blocks: [Block]) -> (kept: [Block], notes: [BuildNote]) {
        var kept: [Block] = []
        var notes: [BuildNote] = []
        kept.reserveCapacity(blocks.count)
        var corpus: [UInt8]?  // built only when a keyword-line candidate needs it
        var foldedTitle: [UInt8]?
        for (index, block) in blocks.enumerated() {
            if block.kind == .sectionBreak || block.kind == .title {
                kept.append(block)
                continue
            }
            if case .faq = block.kind {
                kept.append(block)
                continue
            }
            let text = block.text
            // Furniture is short; only short blocks pay for full normalization.
            let key = text.utf8.count <= 120 && mayBeFurniture(text) ? TextNormalizer.matchKey(text) : ""
            // No set holds the empty key: most blocks skip hashing it and probing three sets.
            let furniture = !key.isEmpty
            if furniture, NoiseFilter.endMarkers.contains(key), index >= blocks.count / 2 {
                let rest = blocks.count - index - 1
                let tail = rest > 0 ? " and the \(rest) block\(rest == 1 ? "" : "s") after it" : ""
                notes.append(
                    BuildNote(.skipped, line: block.line, "site boilerplate \(quote(text))\(tail) (end of the article)")
                )
                break
            }
            if (furniture && NoiseFilter.boilerplate.contains(key)) || isBoilerplateLead(text) {
                notes.append(BuildNote(.skipped, line: block.line, "site boilerplate \(quote(text))"))
                continue
            }
            if furniture, isSocialLine(key) {
                notes.append(BuildNote(.skipped, line: block.line, "social links \(quote(text))"))
                continue
            }
            if isCookieNotice(text) {
                notes.append(BuildNote(.skipped, line: block.line, "cookie notice \(quote(text))"))
                continue
            }
            if isKeywordCandidate(text) {
                let phrase = [0x20] + Similarity.fold(text) + [0x20]
                // Most keyword lines repeat the title, which is cheap to search; else all the text.
                if foldedTitle == nil, let title { foldedTitle = [0x20] + Similarity.fold(title) + [0x20] }
                let inTitle = foldedTitle.map { FastText.occurrences(of: phrase, in: $0) } ?? 0
                if inTitle == 0, corpus == nil { corpus = makeCorpus(blocks) }
                if inTitle > 0 || FastText.occurrences(of: phrase, in: corpus ?? []) >= 2 {
                    notes.append(
                        BuildNote(
                            .skipped, line: block.line, "SEO keyword line \(quote(text)) (repeats the title or text)"))
                    continue
                }
            }
            kept.append(block)
        }
        return (kept, notes)
    }

    /// The first letters and digits of every end marker, boilerplate text and social name.
    static let keyInitials: ByteSet = {
        var initials = ByteSet("")
        for key in endMarkers.union(boilerplate).union(socialNames) {
            // Only ASCII text skips `matchKey`, and its key is ASCII: other initials never match it.
            if let first = key.utf8.first, first < 0x80 { initials.insert(first) }
        }
        return initials
    }()

    /// The hashes (`Similarity.hash`) of the first word of every end marker, boilerplate text
    /// and social name: a social line's key starts with a social name too.
    static let keyFirstWords: [UInt64] = {
        // A 1,024-bit filter: a word it lets through by a collision only costs a `matchKey`.
        var bits = [UInt64](repeating: 0, count: 16)
        for word in furnitureFirstWords {
            let h = Similarity.hash(word) >> 54
            bits[Int(h >> 6)] |= 1 << (h & 63)
        }
        return bits
    }()

    /// The length in bytes of the longest first word in `keyFirstWords`.
    static let longestKeyFirstWord = furnitureFirstWords.map(\.count).max() ?? 0

    private static var furnitureFirstWords: [[UInt8]] {
        endMarkers.union(boilerplate).union(socialNames).map { Array($0.utf8.prefix(while: { $0 != 0x20 })) }
    }

    /// False when the text's match key can be none of the keys in `endMarkers`, `boilerplate`
    /// or `socialNames`: ASCII text whose key has no first word, or a first word that begins
    /// none of them. Such a block skips `matchKey`.
    ///
    /// For ASCII text the key's first word is the first run of letters and digits, lower-cased,
    /// with the controls `matchKey` drops (not tab or line breaks, which separate) left out; text
    /// with any other byte before that word ends may fold differently and is let through.
    func mayBeFurniture(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8(NoiseFilter.mayBeFurniture)
    }

    private static func mayBeFurniture(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        for c in bytes {
            if c >= 0x80 { return true }
            let lower = FastText.asciiWordByte(c)
            if lower != 0 {
                // The first letter alone rules out most text.
                if length == 0, !NoiseFilter.keyInitials.contains(lower) { return false }
                length += 1
                if length > NoiseFilter.longestKeyFirstWord { return false }
                hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01B3
            } else if c < 0x09 || (c > 0x0D && c < 0x20) || c == 0x7F {
                continue  // dropped by `matchKey`, inside a word or not
            } else if length > 0 {
                break
            }
        }
        let h = hash >> 54
        return length > 0 && NoiseFilter.keyFirstWords[Int(h >> 6)] & (1 << (h & 63)) != 0
    }

    func isBoilerplateLead(_ text: String) -> Bool {
        guard text.utf8.count <= 160, let first = text.utf8.first else { return false }
        // Every prefix starts with one of these letters (either case) or `©` (C2 A9).
        if first < 0x80, !NoiseFilter.boilerplateInitials.contains(first | 0x20) { return false }
        // No prefix is longer than 14 characters: when the first 17 bytes (or all) are ASCII,
        // the first 16 characters are those bytes, whatever follows.
        var copy = text
        let onBytes: Bool? = copy.withUTF8 { b in
            guard b.prefix(17).allSatisfy({ $0 < 0x80 }) else { return nil }
            // One byte per character: compare the prefixes' bytes with the text's, lower-cased.
            return NoiseFilter.boilerplatePrefixBytes.contains { prefix in
                prefix.count <= b.count
                    && prefix.indices.allSatisfy {
                        let c = b[$0]
                        return ((0x41...0x5A).contains(c) ? c | 0x20 : c) == prefix[$0]
                    }
            }
        }
        if let onBytes { return onBytes }
        let lower = text.prefix(16).lowercased()
        return NoiseFilter.boilerplatePrefixes.contains { lower.hasPrefix($0) }
    }

    func isSocialLine(_ key: String) -> Bool {
        if key.isEmpty { return false }
        if FastText.isASCII(key) {
            // One byte per character: the first word is the bytes before the first space, and
            // no social name is longer than `longestSocialName`.
            let end = key.utf8.firstIndex(of: 0x20) ?? key.endIndex
            guard key.utf8.distance(from: key.startIndex, to: end) <= NoiseFilter.longestSocialName,
                NoiseFilter.socialNames.contains(String(key[..<end]))
            else { return false }
        } else {
            guard let firstWord = key.split(separator: " ", maxSplits: 1).first,
                NoiseFilter.socialNames.contains(String(firstWord))
            else { return false }
        }
        let words = key.split(separator: " ")
        guard !words.isEmpty, words.count <= 10 else { return false }
        return words.allSatisfy { NoiseFilter.socialNames.contains(String($0)) } && (words.count >= 2 || key != "x")
    }

    private func isCookieNotice(_ text: String) -> Bool {
        guard text.utf8.count <= 600, FastText.contains("ookie", in: text) else {
            return false
        }
        let lower = text.lowercased()
        return ["accept", "consent", "we use", "this site uses", "this website uses", "usamos", "utilizamos"]
            .contains { lower.contains($0) }
    }

    /// A short line in lower case with no sentence punctuation: how SEO tools stamp a keyword.
    func isKeywordCandidate(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        // A capital A–Z is upper-case and alphabetic, so it rules the line out on either path
        // below; most blocks start with one.
        for c in text.utf8 where c &- 0x41 < 26 { return false }
        if FastText.isASCII(text) {
            // One byte per character: the same tests on bytes.
            guard let last = text.utf8.last, !NoiseFilter.keywordEnds.contains(last) else { return false }
            var words = 0
            var inWord = false
            var sawLetter = false
            for c in text.utf8 {
                if c == 0x20 {
                    inWord = false
                    continue
                }
                if !inWord { words += 1 }
                inWord = true
                if (0x41...0x5A).contains(c) { return false }
                if (0x61...0x7A).contains(c) { sawLetter = true }
            }
            return (2...10).contains(words) && sawLetter
        }
        guard let last = text.last, !".!?;:。！？".contains(last) else { return false }
        let words = text.split(separator: " ").count
        guard (2...10).contains(words) else { return false }
        var sawLetter = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isUppercase { return false }
            sawLetter = true
        }
        return sawLetter
    }

    /// The ASCII marks that end a sentence, so no keyword line.
    static let keywordEnds = ByteSet(".!?;:")

    /// The title and all block text, folded, with spaces at both ends so phrases match on word
    /// boundaries. The keyword line itself is in it once, so a repeat counts twice.
    private func makeCorpus(_ blocks: [Block]) -> [UInt8] {
        var corpus: [UInt8] = [0x20]
        func add(_ text: String) {
            corpus += Similarity.fold(text)
            corpus += [0x20, 0x7C, 0x20]  // " | ": no phrase runs from one block into the next
        }
        if let title { add(title) }
        for block in blocks where block.kind != .title || title == nil {
            add(block.text)
            if case .term(let explanation) = block.kind { add(explanation) }
            if case .faq(let answer) = block.kind { answer.forEach(add) }
        }
        return corpus
    }

    private func quote(_ text: String) -> String {
        let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "“\(short)”"
    }
}
