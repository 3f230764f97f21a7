import TestSupport
import Testing

@testable import DeckBuilding
@testable import Flashcards

/// The byte-level fast paths of deck building against the `Character`- and scalar-based code
/// they stand in for (kept here as the reference), on seeded random text: ASCII lines, as the
/// fast paths see most, and lines with combining marks, CR LF, Unicode spaces and controls.
struct FastPathTests {
    static let asciiPieces = [
        " ", "  ", "\t", "\n", "\n\n", "\n\n\n", "a", "Word", "word", "x", "Q:", "A:", "q.", "Answer:", "?", ".", ",",
        ";", ":", "!", "\"", ")", "*", "_", "- ", "* ", "+ ", "1. ", "12) ", "```", "~~~", "    ", "Share this:",
        "Posted in ", "tags:", "Leave a Comment", "facebook", "twitter x", "cookie", "We use cookies", "U.S.", "e.g.",
        "Mr.", "What is it?", "title words", "J. Smith", "approx.", "Approximately.", "x.Y.", "...", "A.B.C.", "Z", "0",
        "\r\n", "\r",
    ]
    static let otherPieces = [
        "é", "e\u{301}", " \u{301}", "?\u{301}", ".\u{301}", "`\u{301}", "¿", "？", "。", "…", "\u{A0}", "\u{3000}",
        "\u{2028}", "\u{85}", "\u{1B}[31m", "\u{9B}", "\u{7F}", "\u{01}", "Ω", "日本語", "🙂", "” ", "»", "\u{600}.",
        "İ", "Réponse:", "©️ ", "• ", "– ", "“", "”", "‘", "’", "—", "«", "¡",
    ]

    /// Seeded random texts: `count` of them, ASCII only or mixed.
    static func texts(seed: UInt64, count: Int, ascii: Bool, maxPieces: Int = 12) -> [String] {
        var rng = SeededGenerator(seed: seed)
        let pieces = ascii ? asciiPieces : asciiPieces + otherPieces
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...maxPieces, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
        }
    }

    static let samples =
        texts(seed: 1, count: 3000, ascii: true) + texts(seed: 2, count: 3000, ascii: false)
        + texts(seed: 3, count: 300, ascii: true, maxPieces: 80)

    @Test func collapseMatchesTheCopyingLoop() {
        for text in Self.samples {
            #expect(FastText.collapse(text) == Reference.collapse(text), "\(text.debugDescription)")
            let cookie = FastText.occurrences(of: Array("ookie".utf8), in: Array(text.utf8)) > 0
            #expect(FastText.contains("ookie", in: text) == cookie, "\(text.debugDescription)")
        }
    }

    @Test func wordHashesMatchHashingEachWord() {
        for text in Self.samples {
            var expected: [UInt64] = []
            FastText.forEachWord(in: text) { if $0.count >= 3 { expected.append(Similarity.hash($0)) } }
            #expect(FastText.wordHashes(in: text, minimumLength: 3) == expected, "\(text.debugDescription)")
            var words: [[UInt8]] = []
            FastText.forEachWord(in: text) { words.append(Array($0)) }
            #expect(words == Reference.words(text), "\(text.debugDescription)")
        }
    }

    @Test func lineRulesMatchTheCharacterRules() {
        for text in Self.samples {
            let line = FastText.collapse(text)
            for t in [text, line] {
                #expect(TextRules.isQuestionLine(t) == Reference.isQuestionLine(t), "\(t.debugDescription)")
                #expect(TextRules.looksLikeHeading(t) == Reference.looksLikeHeading(t), "\(t.debugDescription)")
                for prefixes in [TextRules.questionPrefixes, TextRules.answerPrefixes] {
                    #expect(TextRules.strip(prefixes: prefixes, from: t) == Reference.strip(prefixes, t))
                }
                #expect(PlainTextReader.bulletBody(t) == Reference.bulletBody(t), "\(t.debugDescription)")
                #expect(FastText.characterCount(t) == t.count, "\(t.debugDescription)")
                #expect(Sentences.split(t) == Sentences.split(t, asciiFastPath: false), "\(t.debugDescription)")
                let three = Sentences.split(t, limit: 3)
                #expect(Sentences.split(t, limit: 3, keepRest: false) == Array(three.prefix(2)))
            }
        }
    }

    @Test func noiseRulesMatchTheCharacterRules() {
        let filter = NoiseFilter(title: nil)
        for text in Self.samples {
            for t in [text, FastText.collapse(text)] {
                #expect(filter.isKeywordCandidate(t) == Reference.isKeywordCandidate(t), "\(t.debugDescription)")
                #expect(filter.isBoilerplateLead(t) == Reference.isBoilerplateLead(t), "\(t.debugDescription)")
                let key = TextNormalizer.matchKey(t)
                #expect(filter.isSocialLine(key) == Reference.isSocialLine(key), "\(key.debugDescription)")
            }
        }
    }

    @Test func asciiMatchKeyMatchesTheScalarLoop() {
        for text in Self.samples + TrickyTextSamples.all {
            #expect(TextNormalizer.asciiMatchKey(text) == Reference.asciiMatchKey(text), "\(text.debugDescription)")
        }
    }

    @Test func cardIDsMatchTheStringAndDataDerivation() {
        for text in Self.samples + TrickyTextSamples.all {
            for kind in [CardKind.basic, .faq, .keypoint, .term] {
                #expect(
                    CardID.derived(kind: kind, question: text) == CardID.derivedReference(kind: kind, question: text),
                    "\(text.debugDescription)")
            }
        }
    }

    @Test func controlScanMatchesTheScalarScan() {
        for text in Self.samples {
            let found = DeckBuilder.controls(in: text)
            #expect(found.terminal == text.unicodeScalars.contains(where: DeckBuilder.isTerminalControl))
            #expect(found.any == text.unicodeScalars.contains(where: TerminalSanitizer.isControl))
            // Text without any control is what sanitizing leaves unchanged.
            if !found.any { #expect(TerminalSanitizer.inert(text) == text) }
        }
    }

    @Test func byteChecksMatchByteByByteChecks() {
        var rng = SeededGenerator(seed: 8)
        let alphabet: [UInt8] =
            Array("ab \n.?".utf8) + [0x00, 0x1B, 0x7F, 0x0D, 0xC2, 0x9B, 0xA0, 0xE2, 0x80, 0xFF, 0xF0]
        for _ in 0..<20000 {
            let count = Int.random(in: 0...40, using: &rng)
            let bytes = (0..<count).map { _ in
                Bool.random(using: &rng)
                    ? UInt8.random(in: 0x20...0x7E, using: &rng) : alphabet.randomElement(using: &rng) ?? 0
            }
            #expect(ArticleDecoder.firstNUL(bytes) == bytes.firstIndex(of: 0))
            let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if let bad = ArticleDecoder.firstInvalidUTF8(bytes, from: start) {
                #expect(String(validating: bytes[start..<bad], as: UTF8.self) != nil)
                #expect(String(validating: bytes[start...], as: UTF8.self) == nil)
            } else {
                #expect(String(validating: bytes[start...], as: UTF8.self) != nil)
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let found = DeckBuilder.controls(in: text)
            #expect(found.terminal == text.unicodeScalars.contains(where: DeckBuilder.isTerminalControl))
            #expect(found.any == text.unicodeScalars.contains(where: TerminalSanitizer.isControl))
        }
    }

    @Test func plainTextBlocksAreTheSameWithoutTheASCIIPath() {
        let reader = PlainTextReader()
        for text in Self.texts(seed: 4, count: 1500, ascii: true, maxPieces: 60)
            + Self.texts(seed: 5, count: 1500, ascii: false, maxPieces: 60)
        {
            let clean = TerminalSanitizer.inert(text)
            let fast = reader.blocks(clean)
            let slow = reader.blocks(clean, asciiFastPath: false)
            #expect(fast.blocks == slow.blocks && fast.notes == slow.notes, "\(clean.debugDescription)")
        }
    }

    @Test func wordSetsMatchSortingAndCounting() {
        var rng = SeededGenerator(seed: 6)
        for size in [0, 1, 2, 5, 16, 17, 40, 300, 2000] {
            // Few distinct values too, so runs of equal words are sorted as well.
            for range in [UInt64(3), UInt64.max] {
                var words = (0..<size).map { _ in UInt64.random(in: 0...range, using: &rng) }
                let expected = words.sorted()
                Similarity.sort(&words)
                #expect(words == expected)
            }
        }
        let raw = Self.texts(seed: 7, count: 40, ascii: true, maxPieces: 60).map(Similarity.hashes)
        let paragraphs = raw.map(Similarity.set)
        // The common words: those in at least 30% of the paragraphs (3 at least), by sorting.
        let similarity = Similarity(paragraphWords: paragraphs)
        let limit = max(3, Int((0.3 * Double(paragraphs.count)).rounded(.up)))
        let all = paragraphs.flatMap { $0 }.sorted()
        var frequent: [UInt64] = []
        var i = 0
        while i < all.count {
            var j = i
            while j < all.count && all[j] == all[i] { j += 1 }
            if j - i >= limit { frequent.append(all[i]) }
            i = j
        }
        let everything = Similarity.set(all)
        let common = Similarity.set(frequent + Similarity.functionWords)
        #expect(similarity.signature(everything) == everything.filter { !common.contains($0) })
        // Words repeated within a paragraph count once, as in its set.
        #expect(Similarity(paragraphWords: raw).signature(everything) == similarity.signature(everything))
    }
}

extension FastPathTests {
    /// `TextRules.isQuestionLine` as it tested characters, for other suites' checks.
    static func referenceIsQuestionLine(_ text: String) -> Bool { Reference.isQuestionLine(text) }
    static func referenceIsBoilerplateLead(_ text: String) -> Bool { Reference.isBoilerplateLead(text) }
    static func referenceIsKeywordCandidate(_ text: String) -> Bool { Reference.isKeywordCandidate(text) }
}

/// TrickyText's seeded strings: quotes, dashes, combining marks, emoji, controls.
private enum TrickyTextSamples {
    static let all: [String] = {
        var tricky = TrickyText(seed: 9)
        return (0..<3000).map { _ in tricky.text(maxPieces: 12) }
    }()
}

/// The implementations the fast paths replaced, kept as the reference they must match.
private enum Reference {
    /// `TextNormalizer.asciiMatchKey` as it read scalars.
    static func asciiMatchKey(_ text: String) -> String? {
        let separators: Set<UInt32> = [
            0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0xAB, 0xBB, 0xBF, 0xA1,
        ]
        var out: [UInt8] = []
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            guard scalar.isASCII else {
                guard separators.contains(scalar.value) else { return nil }
                pendingSpace = true
                continue
            }
            let byte = UInt8(scalar.value)
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A:
                if pendingSpace && !out.isEmpty { out.append(0x20) }
                pendingSpace = false
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte)
            case 0x09...0x0D, 0x20...0x7E:
                pendingSpace = true
            default:
                break
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            var pending = false
            var i = 0
            while i < bytes.count {
                let w = FastText.whitespaceLength(bytes, i)
                if w > 0 {
                    pending = !out.isEmpty
                    i += w
                    continue
                }
                if pending {
                    out.append(0x20)
                    pending = false
                }
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Words as the scalar loop found them: letters and digits, lower-cased.
    static func words(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let c = UInt8(scalar.value)
                if (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) {
                    word.append(c)
                    continue
                }
                if (0x41...0x5A).contains(c) {
                    word.append(c + 32)
                    continue
                }
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                let lower =
                    scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
                word += Array(lower.utf8)
                continue
            }
            if !word.isEmpty { words.append(word) }
            word = []
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    static func isQuestionLine(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"”’»)*_ ".contains(last) { trimmed.removeLast() }
        guard let last = trimmed.last else { return false }
        guard last == "?" || last == "？" || trimmed.first == "¿" else { return false }
        return Sentences.split(String(trimmed), limit: 2).count == 1
    }

    static func strip(_ prefixes: [String], _ text: String) -> String? {
        let lower = text.prefix(12).lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{A0}" }
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    static func looksLikeHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 120, let last = text.last else { return false }
        if ".,;:!…。，；：！".contains(last) { return false }
        var words = 0
        for c in text.unicodeScalars where c == " " { words += 1 }
        return words < 16
    }

    static func bulletBody(_ line: String) -> String? {
        for bullet in ["- ", "* ", "• ", "– ", "+ "] where line.hasPrefix(bullet) {
            return String(line.dropFirst(bullet.count))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    static func isKeywordCandidate(_ text: String) -> Bool {
        guard text.utf8.count <= 120, let last = text.last, !".!?;:。！？".contains(last) else { return false }
        let words = text.split(separator: " ").count
        guard (2...10).contains(words) else { return false }
        var sawLetter = false
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.properties.isUppercase { return false }
            sawLetter = true
        }
        return sawLetter
    }

    static func isBoilerplateLead(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        let lower = text.prefix(16).lowercased()
        return NoiseFilter.boilerplatePrefixes.contains { lower.hasPrefix($0) }
    }

    static func isSocialLine(_ key: String) -> Bool {
        guard let firstWord = key.split(separator: " ", maxSplits: 1).first,
            NoiseFilter.socialNames.contains(String(firstWord))
        else { return false }
        let words = key.split(separator: " ")
        guard !words.isEmpty, words.count <= 10 else { return false }
        return words.allSatisfy { NoiseFilter.socialNames.contains(String($0)) } && (words.count >= 2 || key != "x")
    }
}
