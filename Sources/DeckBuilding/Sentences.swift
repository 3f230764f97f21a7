/// Splits running text into sentences, well enough to take "the point in a sentence or two".
enum Sentences {
    /// Abbreviations that end in a period without ending a sentence (lower-case, no period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
        "eg", "ie", "no", "fig", "approx", "dept", "sra", "dra", "z.b", "bzw", "ca", "usw",
    ]

    /// The length in bytes of the longest abbreviation.
    static let longestAbbreviation = abbreviations.map(\.utf8.count).max() ?? 0

    /// The sentences of `text`, at most `limit` of them (the last one holding the rest).
    /// Works on UTF-8 bytes: every mark it looks for is ASCII or a fixed byte sequence.
    /// - Parameters:
    ///   - keepRest: false leaves out the last piece when `limit` pieces are reached (the rest
    ///     of the text), for callers that only look at the ones before it.
    ///   - asciiFastPath: false tests every word for an abbreviation through a string, for
    ///     comparing the two paths.
    static func split(_ text: String, limit: Int = .max, keepRest: Bool = true, asciiFastPath: Bool = true)
        -> [String]
    {
        var text = text
        return text.withUTF8 { b in
            var sentences: [String] = []
            scan(b, limit: limit, keepRest: keepRest, asciiFastPath: asciiFastPath) { a, z in
                sentences.append(String(decoding: UnsafeBufferPointer(rebasing: b[a..<z]), as: UTF8.self))
            }
            return sentences
        }
    }

    /// What `split` finds, as byte ranges of `b` (`piece` gets the start and end of each
    /// sentence, trimmed), so callers that keep only some of the text copy only that.
    @inline(__always)
    private static func scan(
        _ b: UnsafeBufferPointer<UInt8>, limit: Int, keepRest: Bool, asciiFastPath: Bool,
        piece: (Int, Int) -> Void
    ) {
        var count = 0
        var start = 0
        var i = 0
        func cut(_ from: Int, _ to: Int) {
            var a = from
            while a < to, FastText.whitespaceLength(b, a) > 0 { a += FastText.whitespaceLength(b, a) }
            var z = to
            while z > a, b[z - 1] == 0x20 || (0x09...0x0D).contains(b[z - 1]) { z -= 1 }
            if z > a {
                piece(a, z)
                count += 1
            }
        }
        while i < b.count, count < limit - 1 {
            // Eight bytes at a time past ASCII without a sentence mark: most of the text.
            if i + 8 <= b.count, markFree(FastText.word(b, i)) {
                i += 8
                continue
            }
            if let wide = wideMark(b, i) {
                cut(start, i + wide)
                start = i + wide
                i = start
                continue
            }
            let c = b[i]
            if c == 0x2E || c == 0x21 || c == 0x3F {  // . ! ?
                var end = i + 1
                while end < b.count, let q = closingQuote(b, end) { end += q }
                if end >= b.count
                    || (FastText.whitespaceLength(b, end) > 0
                        && endsSentence(b, dot: i, next: end, asciiFastPath: asciiFastPath))
                {
                    cut(start, end)
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        if start < b.count, keepRest || count < limit - 1 { cut(start, b.count) }
    }

    /// Whether eight bytes hold neither `.`, `!`, `?` nor a byte of a multi-byte character
    /// (a full-width mark is one).
    @inline(__always)
    private static func markFree(_ w: UInt64) -> Bool {
        w & FastText.highBits == 0 && !FastText.hasByte(in: w, equalTo: 0x2E)
            && !FastText.hasByte(in: w, equalTo: 0x21) && !FastText.hasByte(in: w, equalTo: 0x3F)
    }

    /// The length of a full-width sentence mark at `i` (。！？), or nil.
    private static func wideMark(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        guard i + 2 < b.count, b[i] == 0xE3 || b[i] == 0xEF else { return nil }
        let tail = (b[i], b[i + 1], b[i + 2])
        if tail == (0xE3, 0x80, 0x82) || tail == (0xEF, 0xBC, 0x81) || tail == (0xEF, 0xBC, 0x9F) { return 3 }
        return nil
    }

    /// The length of a closing quote or parenthesis at `i` (" ) ” ’ »), or nil.
    private static func closingQuote(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int? {
        if b[i] == 0x22 || b[i] == 0x29 { return 1 }
        if i + 1 < b.count, b[i] == 0xC2, b[i + 1] == 0xBB { return 2 }
        if i + 2 < b.count, b[i] == 0xE2, b[i + 1] == 0x80, b[i + 2] == 0x9D || b[i + 2] == 0x99 { return 3 }
        return nil
    }

    /// Whether the mark at `dot` ends a sentence: not after an abbreviation or an initial, and
    /// followed by something that can start one.
    private static func endsSentence(_ b: UnsafeBufferPointer<UInt8>, dot: Int, next: Int, asciiFastPath: Bool)
        -> Bool
    {
        var j = next
        while j < b.count, FastText.whitespaceLength(b, j) > 0 { j += FastText.whitespaceLength(b, j) }
        guard j < b.count else { return true }
        if (0x61...0x7A).contains(b[j]) { return false }
        if b[j] >= 0xC0 {
            let rest = String(decoding: UnsafeBufferPointer(rebasing: b[j..<min(j + 4, b.count)]), as: UTF8.self)
            if let first = rest.unicodeScalars.first, first.properties.isLowercase { return false }
        }
        guard b[dot] == 0x2E else { return true }
        var k = dot
        while k > 0, b[k - 1] != 0x20, !(0x09...0x0D).contains(b[k - 1]) { k -= 1 }
        if asciiFastPath, !b[k..<dot].contains(where: { $0 >= 0x80 }) {
            // An ASCII word: one byte per character. A word longer than every abbreviation can
            // only be an initial; a shorter one is compared with the abbreviations as one
            // lower-cased integer, without a `String` of it.
            if dot - k <= longestAbbreviation, packedAbbreviations.contains(packedLowercase(b, k, dot)) {
                return false
            }
            // The initial test on the word's last dot-separated part.
            var end = dot
            while end > k, b[end - 1] == 0x2E { end -= 1 }
            var start = end
            while start > k, b[start - 1] != 0x2E { start -= 1 }
            let c = end - start == 1 ? b[start] | 0x20 : 0
            return !(0x61...0x7A).contains(c)
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[k..<dot]), as: UTF8.self).lowercased()
        if abbreviations.contains(word) { return false }
        // An initial ("J. Smith", "U.S. officials"): one letter before the period.
        if let lastPart = word.split(separator: ".").last, lastPart.count == 1, lastPart.first?.isLetter == true {
            return false
        }
        return true
    }

    /// The first sentence, and the second too when the first is short: a card's back.
    ///
    /// Found as byte ranges of the paragraph: the paragraph itself is returned when the gist is
    /// all of it, and otherwise one `String` is made, of the gist's bytes only.
    static func gist(of paragraph: String) -> String {
        var text = paragraph
        return text.withUTF8 { b -> String? in
            var first: Range<Int>?
            var second: Range<Int>?
            scan(b, limit: 3, keepRest: false, asciiFastPath: true) { a, z in
                if first == nil { first = a..<z } else if second == nil { second = a..<z }
            }
            guard let first else { return nil }
            let firstCount = characterCount(b, first)
            guard firstCount < 100, let second, firstCount + characterCount(b, second) < 320 else {
                return first.count == b.count ? nil : string(b, first)
            }
            // `first + " " + second`: when one space parts them in the paragraph, that is a
            // range of it.
            if second.lowerBound == first.upperBound + 1, b[first.upperBound] == 0x20 {
                let both = first.lowerBound..<second.upperBound
                return both.count == b.count ? nil : string(b, both)
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(first.count + 1 + second.count)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[first]))
            bytes.append(0x20)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[second]))
            return String(decoding: bytes, as: UTF8.self)
        } ?? paragraph
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[range]), as: UTF8.self)
    }

    /// `FastText.characterCount` of the text in `range`.
    private static func characterCount(_ b: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        for c in b[range] where c >= 0x80 || c == 0x0D { return string(b, range).count }
        return range.count
    }

    /// The lower-cased ASCII bytes of `b[from..<to]` (at most eight) packed into an integer,
    /// first byte lowest: the abbreviations' form for comparing a short word with them.
    @inline(__always)
    private static func packedLowercase(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> UInt64 {
        var packed: UInt64 = 0
        for k in stride(from: to - 1, through: from, by: -1) {
            let c = b[k]
            packed = packed << 8 | UInt64((0x41...0x5A).contains(c) ? c | 0x20 : c)
        }
        return packed
    }

    /// Every abbreviation packed as `packedLowercase` packs a word.
    private static let packedAbbreviations: [UInt64] = abbreviations.map { word in
        var bytes = Array(word.utf8)
        return bytes.withUnsafeMutableBufferPointer { packedLowercase(UnsafeBufferPointer($0), 0, $0.count) }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
