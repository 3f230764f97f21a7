import Foundation
import TestSupport
import Testing

@testable import DeckBuilding
@testable import Flashcards

/// The third round of deck-building fast paths against the code they replaced (kept below as
/// the reference), on seeded random text and bytes.
struct PipelineFastPathTests {
    /// Texts of printable ASCII with runs of spaces, tabs, Unicode spaces and multi-byte
    /// characters at every offset, so each eight-byte window and the bytes after it are tried.
    static let spacedTexts: [String] = {
        var rng = SeededGenerator(seed: 31)
        let pieces = [
            " ", "  ", "\t", "\n", "a", "bc", "word", "k", "ookie", "Cookie", "ooki", "é", "\u{A0}", "\u{3000}",
            "\u{2028}", "\u{85}", "\u{1680}", "\u{200A}", "\u{7F}", "\u{01}", "日本", "🙂", "e\u{301}",
        ]
        return (0..<6000).map { _ in
            (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
        }
    }()

    @Test func needsCollapseMatchesTheByteLoop() {
        for text in Self.spacedTexts + TrickyTextSamples.all {
            var copy = text
            let fast = copy.withUTF8 { FastText.needsCollapse($0) }
            let slow = copy.withUTF8 { Reference.needsCollapse($0) }
            #expect(fast == slow, "\(text.debugDescription)")
            #expect(TextNormalizer.collapseWhitespace(text) == text || fast, "\(text.debugDescription)")
        }
    }

    @Test func containsMatchesTheWordScan() {
        let needles: [StaticString] = ["ookie", "k", "Cookie", "e", " a", "日本", "zz"]
        for text in Self.spacedTexts + TrickyTextSamples.all {
            for needle in needles {
                #expect(
                    FastText.contains(needle, in: text) == Reference.contains(needle, in: text),
                    "\(needle) in \(text.debugDescription)")
            }
        }
        // The needle at the very start and end, and longer than the text.
        #expect(FastText.contains("ookie", in: "ookie"))
        #expect(FastText.contains("ookie", in: "a cookie"))
        #expect(!FastText.contains("ookie", in: "ooki"))
        #expect(!FastText.contains("ookie", in: "kookiE"))
        #expect(FastText.contains("", in: ""))
    }

    /// Plain text is sanitized before it is read, so its cards need no second sanitizing pass:
    /// the cards `cards(from:)` now returns as they are equal those `CardMaker.inert` returns.
    @Test func plainTextCardsNeedNoSecondSanitizingPass() throws {
        var rng = SeededGenerator(seed: 32)
        let pieces =
            FastPathTests.asciiPieces + FastPathTests.otherPieces + TrickyText.pieces + [
                "\n\nHeading Words\n\n", "\n\nWhat is it?\nIt is a thing.\n\n", "\n\n\u{1B}[31mRed Heading\n\n",
                "\n\nFAQ\n\nQ: Why\u{9B}2J?\nA: Because\u{07}.\n\n", "\n- item \u{1B}]0;t\u{07}one\n",
            ]
        var built = 0
        for index in 0..<1500 {
            let text =
                "Title \(index)\n\n"
                + (0..<Int.random(in: 1...80, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
            let source = ArticleSource(name: "a\(index).txt", bytes: Array(text.utf8), format: .text)
            guard let made = try? DeckBuilder().cards(from: source) else { continue }
            built += 1
            #expect(made.cards == made.cards.map(CardMaker.inert), "\(text.debugDescription)")
            for card in made.cards {
                for field in [card.front, card.back, card.context ?? ""] + card.section + card.aliases {
                    #expect(!DeckBuilder.controls(in: field).terminal, "\(field.debugDescription)")
                }
            }
        }
        #expect(built > 300)
    }

    /// Common words left out before sorting give the signature of the sorted set.
    @Test func signaturesOfUnsortedWordsMatchSignaturesOfSets() {
        var rng = SeededGenerator(seed: 34)
        for round in 0..<200 {
            // Few distinct words (many repeats and common ones) up to many (mostly distinct).
            let range = UInt64([8, 64, 1000, 1 << 40][round % 4])
            let extra = Similarity.functionWords.prefix(Int.random(in: 0...20, using: &rng))
            let paragraphs = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                (0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt64.random(in: 0...range, using: &rng) }
                    + extra
            }
            let similarity = Similarity(paragraphWords: paragraphs)
            for words in paragraphs + [paragraphs.flatMap { $0 }, [], Array(Similarity.functionWords)] {
                let shuffled = words.shuffled(using: &rng)
                #expect(similarity.signature(ofWords: shuffled) == similarity.signature(Similarity.set(words)))
            }
        }
        for words in FastPathTests.texts(seed: 35, count: 200, ascii: false, maxPieces: 60).map(Similarity.hashes) {
            let similarity = Similarity(paragraphWords: [words, words, words])
            #expect(similarity.signature(ofWords: words) == similarity.signature(Similarity.set(words)))
        }
    }

    @Test func asciiWordBytesMatchTheRangeTests() {
        for c in UInt8(0)..<0x80 {
            let expected: UInt8 =
                (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) ? c : (0x41...0x5A).contains(c) ? c + 32 : 0
            #expect(FastText.asciiWordByte(c) == expected)
        }
    }

    /// A block `mayBeFurniture` rules out has a match key that is no end marker, boilerplate
    /// or social line, so skipping `matchKey` for it changes nothing.
    @Test func blocksRuledOutAsFurnitureHaveNoFurnitureKey() {
        let filter = NoiseFilter(title: nil)
        let furniture = Array(NoiseFilter.endMarkers.union(NoiseFilter.boilerplate).union(NoiseFilter.socialNames))
        var rng = SeededGenerator(seed: 36)
        var texts = Self.spacedTexts + TrickyTextSamples.all + furniture
        for _ in 0..<3000 {
            // Furniture with punctuation, controls and capitals around it.
            let key = furniture.randomElement(using: &rng) ?? ""
            let around = ["", " ", "“", "*", "\u{01}", "1 ", "X", "- ", "é", "(", "#"]
            texts.append(
                (around.randomElement(using: &rng) ?? "") + key.capitalized + (around.randomElement(using: &rng) ?? ""))
        }
        var ruledOut = 0
        for text in texts where !filter.mayBeFurniture(text) {
            ruledOut += 1
            let key = TextNormalizer.matchKey(text)
            #expect(!NoiseFilter.endMarkers.contains(key), "\(text.debugDescription)")
            #expect(!NoiseFilter.boilerplate.contains(key), "\(text.debugDescription)")
            #expect(!filter.isSocialLine(key), "\(text.debugDescription)")
        }
        #expect(ruledOut > 1000)
        for key in furniture { #expect(filter.mayBeFurniture(key)) }
    }

    @Test func slugsMatchSplittingAndJoining() {
        var texts = Self.spacedTexts + TrickyTextSamples.all
        texts += (0..<40).map { String(repeating: "word ", count: $0) + String(repeating: "x", count: $0 * 3) }
        for text in texts {
            #expect(DeckName.slugify(text) == Reference.slugify(text), "\(text.debugDescription)")
        }
    }

    @Test func stemsMatchSplittingThePath() {
        var rng = SeededGenerator(seed: 37)
        let pieces = ["/", "a", "b.txt", ".", "..", "x.md", ".hidden", "é", "/\u{301}", "n.a.me", " ", "日本.html"]
        var paths = ["", "/", "//", "a", "a/", "/a.txt", "a/b/", ".txt", "a/.txt"]
        for _ in 0..<3000 {
            paths.append(
                (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        for path in paths {
            #expect(DeckBuilder.stem(path) == Reference.stem(path), "\(path.debugDescription)")
        }
    }

    @Test func hexMatchesFormatting() {
        var rng = SeededGenerator(seed: 38)
        for count in [0, 1, 6, 32, 100] {
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(ContentDigest.hex(bytes) == bytes.map { String(format: "%02x", $0) }.joined())
        }
    }

    @Test func lineEndsMatchTheByteLoop() {
        var rng = SeededGenerator(seed: 39)
        let alphabet: [UInt8] = [0x0A, 0x0D, 0x20, 0x61, 0x7F, 0x80, 0xC3, 0xA9, 0xE2, 0xFF]
        for _ in 0..<5000 {
            let bytes = (0..<Int.random(in: 0...70, using: &rng)).map { _ in
                Int.random(in: 0...5, using: &rng) == 0
                    ? alphabet.randomElement(using: &rng) ?? 0 : UInt8.random(in: 0x20...0x7E, using: &rng)
            }
            bytes.withUnsafeBufferPointer { b in
                for start in 0...b.count {
                    var z = start
                    var ascii = true
                    while z < b.count && b[z] != 0x0A {
                        if b[z] >= 0x80 { ascii = false }
                        z += 1
                    }
                    let fast = PlainTextReader.lineEnd(b, from: start)
                    #expect(fast.end == z && fast.ascii == ascii, "\(bytes) from \(start)")
                }
            }
        }
    }

    @Test func noteCountsMatchFiltering() throws {
        let result = try Fixture.build("rhetorical.txt")
        for kind in [BuildNote.Kind.skipped, .merged, .parent, .warning] {
            #expect(result.count(kind) == result.notes.filter { $0.kind == kind }.count)
        }
    }
}

/// TrickyText's seeded strings: quotes, dashes, combining marks, emoji, controls.
private enum TrickyTextSamples {
    static let all: [String] = {
        var tricky = TrickyText(seed: 33)
        return (0..<3000).map { _ in tricky.text(maxPieces: 16) }
    }()
}

/// The implementations the fast paths replaced.
private enum Reference {
    /// `DeckName.slugify` by splitting the key into words and joining them.
    static func slugify(_ text: String) -> String {
        let key = TextNormalizer.matchKey(text)
        let words = key.split(separator: " ").prefix(12)
        var slug = words.joined(separator: "-")
        if slug.utf8.count > 80 { slug = String(slug.prefix(80)) }
        return slug
    }

    /// `DeckBuilder.stem` by splitting the path at every `/`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `FastText.needsCollapse` byte by byte.
    static func needsCollapse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c == 0x20 {
                if i == 0 || i + 1 == n || FastText.whitespaceLength(bytes, i + 1) > 0 { return true }
            } else if c < 0x20 || c >= 0xC2 {
                if FastText.whitespaceLength(bytes, i) > 0 { return true }
            }
            i += 1
        }
        return false
    }

    /// `FastText.contains` as a search for the needle's last byte, eight bytes at a time.
    static func contains(_ needle: StaticString, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            needle.withUTF8Buffer { needle in
                guard let last = needle.last else { return true }
                let back = needle.count - 1
                var i = back
                while i < b.count {
                    if i + 8 <= b.count, !FastText.hasByte(in: FastText.word(b, i), equalTo: last) {
                        i += 8
                        continue
                    }
                    if b[i] == last, needle.indices.allSatisfy({ b[i - back + $0] == needle[$0] }) { return true }
                    i += 1
                }
                return false
            }
        }
    }
}
