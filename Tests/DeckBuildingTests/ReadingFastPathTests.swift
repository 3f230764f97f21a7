import Foundation
import TestSupport
import Testing

@testable import DeckBuilding
@testable import Flashcards

/// The reading side's fast paths (plain-text reader, noise filter, line rules, decoder) against
/// the code they replaced, kept here as the reference, on seeded random and tricky text.
struct ReadingFastPathTests {
    static let texts =
        FastPathTests.samples + PipelineFastPathTests.spacedTexts + tricky
        + ["    \u{301}x", "\t\u{301}x", "    x", "\tx", "   x", "\t", "    ", " \t", "\u{A0}   x", "    \u{A0}"]

    static let tricky: [String] = {
        var tricky = TrickyText(seed: 60)
        return (0..<3000).map { _ in tricky.text(maxPieces: 12) }
    }()

    @Test func indentedLinesMatchCharacterPrefixes() {
        for text in Self.texts {
            let expected = text.hasPrefix("    " as String) || text.hasPrefix("\t" as String)
            #expect(PlainTextReader.isIndented(text) == expected, "\(text.debugDescription)")
        }
    }

    /// Random articles of lines: headings, paragraphs, hard-wrapped and indented lines, list
    /// items and their continuations, `Q:`/`A:` lines, fences, blank runs, CR LF, tabs, Unicode
    /// spaces, combining marks after the indentation and controls.
    static let articles: [String] = {
        var rng = SeededGenerator(seed: 63)
        let lines = [
            "Title Words", "A Heading", "Another heading here", "What is it?", "Q: Why? A: Because.", "A: It is.",
            "Q: How", "Some text, with a comma.", "Leave a Comment", "Share this:", "facebook twitter",
            "- item one", "* item two", "1. first", "12) twelfth", "• bullet", "- **Term**: explanation",
            "  continued item", "\tcontinued by tab", "    indented code", "\tx = 1", "    \u{301}mark", "```",
            "~~~", "  ```", "```swift", "", "", "", "  ", "\t", "\u{A0}", "word  word\t word ", " lead and trail ",
            "Café crème", "e\u{301}tude?", "¿Qué es?", "日本語の見出し", "x\u{01}y", "\u{2028}sep", "Mr. Smith went.",
            "line with CR\r", "keyword line here", "Approx. 5 things. Then more!",
        ]
        return (0..<1500).map { _ in
            (0..<Int.random(in: 1...60, using: &rng)).map { _ in lines.randomElement(using: &rng) ?? "" }
                .joined(separator: "\n")
        }
    }()

    /// The reader's blocks, notes and heading levels equal the reference reader's.
    @Test func plainTextBlocksMatchTheReferenceReader() throws {
        let fixtures = try ["qa.txt", "rhetorical.txt", "same-words.txt", "cafe-es.txt"].map {
            String(decoding: try Fixture.bytes($0), as: UTF8.self)
        }
        let texts =
            Self.articles + fixtures + FastPathTests.texts(seed: 64, count: 2000, ascii: true, maxPieces: 80)
            + FastPathTests.texts(seed: 65, count: 2000, ascii: false, maxPieces: 80) + Self.tricky
        let reader = PlainTextReader()
        let reference = ReferencePlainTextReader()
        for text in texts {
            let clean = TerminalSanitizer.inert(text)
            for asciiFastPath in [true, false] {
                let new = reader.blocks(clean, asciiFastPath: asciiFastPath)
                let old = reference.blocks(clean, asciiFastPath: asciiFastPath)
                #expect(new.blocks == old.blocks, "\(clean.debugDescription)")
                #expect(new.notes == old.notes, "\(clean.debugDescription)")
                #expect(reader.assignLevels(new.blocks) == reader.assignLevels(old.blocks))
            }
        }
    }

    /// One scan for decoding and controls gives `decode`'s text or error and the controls
    /// `DeckBuilder.controls(in:)` finds, on random bytes: ASCII, controls, CR, C1 controls,
    /// every kind of malformed sequence, NULs, byte order marks, blank and oversized input.
    @Test func decodingWithControlsMatchesDecodingThenScanning() {
        var rng = SeededGenerator(seed: 66)
        let pieces: [[UInt8]] = [
            Array("word ".utf8), Array("Some longer text. ".utf8), [0x0A], [0x0D, 0x0A], [0x0D], [0x09], [0x20], [0x00],
            [0x1B], [0x07], [0x7F], [0xC2, 0x85], [0xC2, 0x9B], [0xC2, 0xA0], [0xC3, 0xA9], [0xE2, 0x80, 0x9D],
            [0xF0, 0x9F, 0x99, 0x82], [0xC0, 0x80], [0xC1], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80],
            [0xF5], [0x80], [0xBF], [0xE2, 0x80], [0xF0, 0x9F], [0xFF], [0xFE], [0xEF, 0xBB, 0xBF],
        ]
        var inputs: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE, 0x41, 0x00], [0xFE, 0xFF], Array("  \n\r\n\t".utf8),
        ]
        for _ in 0..<20000 {
            var bytes: [UInt8] = Int.random(in: 0...9, using: &rng) == 0 ? [0xEF, 0xBB, 0xBF] : []
            // Mostly clean text, so that the scan's eight-byte steps meet each piece at every offset.
            let dirty = Int.random(in: 0...2, using: &rng) == 0
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                bytes +=
                    dirty || Int.random(in: 0...5, using: &rng) == 0
                    ? (pieces.randomElement(using: &rng) ?? []) : (pieces[Int.random(in: 0...1, using: &rng)])
            }
            inputs.append(bytes)
        }
        for bytes in inputs {
            let fast = Result { () throws(ArticleError) in
                try ArticleDecoder.decodeScanningControls(bytes, path: "a.txt", sizeLimit: 600)
            }
            let slow = Result { () throws(ArticleError) in
                let text = try ArticleDecoder.decode(bytes, path: "a.txt", sizeLimit: 600)
                let controls = DeckBuilder.controls(in: text)
                return (text, controls.terminal, controls.any)
            }
            switch (fast, slow) {
            case (.success(let f), .success(let s)):
                #expect(f.text == s.0 && f.terminal == s.1 && f.any == s.2, "\(bytes)")
            case (.failure(let f), .failure(let s)):
                #expect(f == s, "\(bytes)")
            default:
                Issue.record("one path failed and the other did not: \(bytes)")
            }
        }
    }

    /// Boilerplate leads and keyword lines with non-ASCII text at every offset after an ASCII
    /// start, capitals anywhere, and CR LF inside the first bytes.
    @Test func noiseLineRulesMatchTheCharacterRules() {
        var rng = SeededGenerator(seed: 67)
        let starts =
            NoiseFilter.boilerplatePrefixes + ["Share This:", "POSTED IN ", "tag", "sub", "keyword line", "a b"]
        let tails = ["é", "e\u{301}", "\u{301}", "日本", " word", "Word", "\r\n", ".", ":", "?", "x", " ", "©"]
        let filter = NoiseFilter(title: nil)
        for _ in 0..<8000 {
            var text = starts.randomElement(using: &rng) ?? ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { text += tails.randomElement(using: &rng) ?? "" }
            #expect(
                filter.isBoilerplateLead(text) == FastPathTests.referenceIsBoilerplateLead(text),
                "\(text.debugDescription)")
            #expect(
                filter.isKeywordCandidate(text) == FastPathTests.referenceIsKeywordCandidate(text),
                "\(text.debugDescription)")
        }
    }

    /// A line `scanLine` finds without tabs, breaks or double spaces needs collapsing only at
    /// its ends, and the line collapsed from its bytes is `FastText.collapse` of its text, on
    /// lines of spaces, tabs, controls and words at every offset around the eight-byte steps.
    @Test func scannedLinesCollapseAsText() {
        var rng = SeededGenerator(seed: 68)
        let pieces = [
            " ", "  ", "\t", "\r", "\u{0B}", "\u{0C}", "\u{01}", "\u{08}", "\u{0E}", "\u{1F}", "a", "word", "x.y", "é",
        ]
        for _ in 0..<20000 {
            let text = (0..<Int.random(in: 0...30, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
            var bytes = Array(("\n" + text + "\nafter").utf8)
            bytes.withUnsafeMutableBufferPointer { b in
                let all = UnsafeBufferPointer(b)
                let line = PlainTextReader.scanLine(all, from: 1)
                #expect(PlainTextReader.lineEnd(all, from: 1) == (line.end, line.ascii))
                #expect(line.end == 1 + text.utf8.count)
                #expect(line.ascii == text.utf8.allSatisfy { $0 < 0x80 })
                let raw = UnsafeBufferPointer(rebasing: all[1..<line.end])
                if !line.spaced {
                    #expect(
                        FastText.needsCollapse(raw) == (raw.first == 0x20 || raw.last == 0x20),
                        "\(text.debugDescription)")
                }
                if line.ascii {
                    #expect(
                        PlainTextReader.collapsed(raw, spaced: line.spaced) == FastText.collapse(text),
                        "\(text.debugDescription)")
                }
            }
        }
    }

    /// Question lines with marks before the last `?` (which need `Sentences.split`) and without.
    @Test func questionLinesMatchTheCharacterRule() {
        var rng = SeededGenerator(seed: 61)
        let pieces = [
            "What", " is", " it", "?", ".", "!", " ", "\"", ")", "*", "_", "U.S.", " Mr.", " e.g.", " a", "B", "?!",
            "? ", "” ", "’", "»", "¿", "？", "é", "\u{301}", "。", "\n", "\r\n",
        ]
        var texts = Self.texts
        for _ in 0..<6000 {
            texts.append(
                (0..<Int.random(in: 1...12, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        for text in texts {
            #expect(
                TextRules.isQuestionLine(text) == FastPathTests.referenceIsQuestionLine(text),
                "\(text.debugDescription)")
        }
    }

    /// A block `mayBeFurniture` rules out by its first word has a match key that is no end
    /// marker, boilerplate or social line, so skipping `matchKey` for it changes nothing; every
    /// furniture key, however it is cased, spaced or punctuated, is let through.
    @Test func blocksRuledOutByFirstWordHaveNoFurnitureKey() {
        let filter = NoiseFilter(title: nil)
        let furniture = Array(NoiseFilter.endMarkers.union(NoiseFilter.boilerplate).union(NoiseFilter.socialNames))
        var rng = SeededGenerator(seed: 62)
        let around = ["", " ", "\t", "\n", "“", "*", "\u{01}", "\u{7F}", "1 ", "X", "- ", "é", "(", "#", "s", "ing"]
        var texts = Self.texts
        for _ in 0..<6000 {
            var key = furniture.randomElement(using: &rng) ?? ""
            if Bool.random(using: &rng) { key = key.capitalized }
            if Int.random(in: 0...3, using: &rng) == 0, let cut = key.indices.randomElement(using: &rng) {
                // A control inside a word, which `matchKey` drops.
                key.insert("\u{01}", at: cut)
            }
            let text = (around.randomElement(using: &rng) ?? "") + key + (around.randomElement(using: &rng) ?? "")
            texts.append(text)
            texts.append(key + " " + (furniture.randomElement(using: &rng) ?? ""))
        }
        var ruledOut = 0
        var furnitureKeys = 0
        for text in texts {
            let key = TextNormalizer.matchKey(text)
            let isFurniture =
                NoiseFilter.endMarkers.contains(key) || NoiseFilter.boilerplate.contains(key)
                || filter.isSocialLine(key)
            if isFurniture { furnitureKeys += 1 }
            if !filter.mayBeFurniture(text) {
                ruledOut += 1
                #expect(!isFurniture, "\(text.debugDescription)")
            }
        }
        #expect(ruledOut > 3000)
        #expect(furnitureKeys > 3000)
        for key in furniture { #expect(filter.mayBeFurniture(key), "\(key)") }
    }
}
