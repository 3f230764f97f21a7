import Foundation
import TestSupport
import Testing

@testable import DeckBuilding
@testable import Flashcards

/// The sixth round of fast paths, on the card side, against the code they replaced
/// (`ReferenceCardMaker`, and the string paths kept beside the fast ones).
struct CardFastPathTests {
    /// Words for random articles: plain, capitalised, abbreviations and initials, non-ASCII
    /// letters and marks, curly quotes (as in the key-point questions), controls and odd spaces.
    static let vocabulary = [
        "the", "market", "growth", "policy", "alliance", "security", "Economic", "Regional", "trade", "energy",
        "cooperation", "stability", "Mr.", "Dr.", "e.g.", "i.e.", "U.S.", "J.", "approx.", "etc.", "Inc.", "vs.",
        "Approximately.", "end.", "done!", "why?", "café", "Straße", "İstanbul", "ÉTÉ", "niño", "日本語", "。", "？",
        "“quoted”", "‘single’", "»", "(aside)", "\"said.\"", "e\u{301}", "🙂", "—", "–", "\u{A0}", "x.Y.", "...",
        "Ω.", "a", "an", "of", "is", "z.B.", "usw.", "Sra.", "¿Qué?", "\t", "42", "3.5", "1.", "Q.",
    ]

    /// A random article in the plain-text shape the reader understands: a title, headings
    /// with paragraphs and lists, restated sections (so some merge), FAQ pairs and noise.
    static func article(_ rng: inout SeededGenerator) -> String {
        func words(_ count: ClosedRange<Int>) -> String {
            (0..<Int.random(in: count, using: &rng)).map { _ in vocabulary.randomElement(using: &rng) ?? "" }
                .joined(separator: Bool.random(using: &rng) ? " " : "  ")
        }
        func paragraph() -> String {
            (0..<Int.random(in: 1...5, using: &rng)).map { _ in
                let sentence = words(3...30)
                return sentence.prefix(1).uppercased() + sentence.dropFirst() + [".", "!", "?", "", "。"].randomElement(
                    using: &rng)!
            }.joined(separator: " ")
        }
        var lines = [words(2...6).capitalized, "", words(2...4).lowercased(), ""]
        var said: [String] = []
        for _ in 0..<Int.random(in: 0...9, using: &rng) {
            lines += [words(1...4).capitalized, ""]
            if Bool.random(using: &rng) { lines += [words(1...3).capitalized, ""] }
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let text =
                    if let earlier = said.randomElement(using: &rng), Int.random(in: 0..<3, using: &rng) == 0 {
                        earlier + (Bool.random(using: &rng) ? ", indeed." : "")
                    } else { paragraph() }
                said.append(text)
                lines += [text, ""]
            }
            if Int.random(in: 0..<4, using: &rng) == 0 {
                lines += (0..<Int.random(in: 1...3, using: &rng)).map { _ in "- " + words(1...6) } + [""]
            }
        }
        if Bool.random(using: &rng) { lines += [paragraph(), ""] }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            lines += [words(2...8).capitalized + "?", "", paragraph(), ""]
            if Bool.random(using: &rng) { lines += [paragraph(), ""] }
        }
        lines += ["Share this:", "Leave a Comment"]
        return lines.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n")
    }

    static let articles: [String] = {
        var rng = SeededGenerator(seed: 61)
        return (0..<400).map { _ in article(&rng) }
    }()

    static let tricky: [String] = {
        var tricky = TrickyText(seed: 65)
        return (0..<3000).map { _ in tricky.text(maxPieces: 16) }
    }()

    static func read(_ name: String, _ bytes: [UInt8]) -> Article? {
        try? DeckBuilder().read(ArticleSource(name: name, bytes: bytes))
    }

    @Test func cardsEqualTheReferenceCardMaker() throws {
        let fixtures = ["qa.txt", "same-words.txt", "rhetorical.txt", "cafe-es.txt", "kimchi.md", "sourdough.html"]
        var sources = try fixtures.map { ($0, try Fixture.bytes($0)) }
        sources += Self.articles.enumerated().map { ("a\($0.offset).txt", Array($0.element.utf8)) }
        sources += FastPathTests.texts(seed: 62, count: 200, ascii: false, maxPieces: 400).enumerated().map {
            ("t\($0.offset).txt", Array($0.element.utf8))
        }
        var merged = 0
        var cards = 0
        let table = SimilarityTable()
        for (name, bytes) in sources {
            guard let article = Self.read(name, bytes) else { continue }
            let fast = CardMaker().cards(for: article, table: table)
            let reference = ReferenceCardMaker().cards(for: article)
            #expect(fast.cards == reference.cards, "\(name)")
            #expect(fast.notes == reference.notes, "\(name)")
            merged += fast.notes.filter { $0.kind == .merged }.count
            cards += fast.cards.count
        }
        // The random articles exercise merging and make cards of every kind of paragraph.
        #expect(merged > 50)
        #expect(cards > 2000)
    }

    @Test func gistEqualsTheSentenceStrings() {
        var texts = FastPathTests.samples + Self.tricky
        for article in Self.articles.prefix(100) { texts += article.components(separatedBy: "\n\n") }
        for text in texts {
            for t in [text, FastText.collapse(text)] {
                let reference: String = ReferenceCardMaker.gist(of: t)
                #expect(Sentences.gist(of: t) == reference, "\(t.debugDescription)")
            }
        }
    }

    @Test func splitFindsAbbreviationsAsTheStringPathDoes() {
        var rng = SeededGenerator(seed: 63)
        let abbreviations = Sentences.abbreviations.flatMap { [$0, $0.uppercased(), $0.capitalized] }
        let pieces = abbreviations + [".", " ", "  ", "x", "Next", "next", "é", "É", "\t", "\"", ")", "”", "?", "!"]
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...24, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }
                .joined()
            #expect(Sentences.split(text) == Sentences.split(text, asciiFastPath: false), "\(text.debugDescription)")
        }
    }

    @Test func matchKeysAppendAfterExistingBytes() {
        for text in FastPathTests.samples + Self.tricky {
            var bytes: [UInt8] = [1, 2, 3]
            let appended = TextNormalizer.appendASCIIMatchKey(text, to: &bytes)
            let key = TextNormalizer.asciiMatchKey(text)
            #expect(appended == (key != nil))
            let expected: [UInt8] = [1, 2, 3] + Array((key ?? "").utf8)
            #expect(bytes == expected, "\(text.debugDescription)")
        }
    }

    @Test func keyPointQuestionsKeepTheirIDs() {
        let headings = ["Economic Cooperation", "Café & Co.", "日本語", "“Quoted” — dash", "", "A\u{A0}B", "e\u{301}"]
        for heading in headings {
            for parent in headings {
                let front = "What is the key point of “\(heading)” in “\(parent)”?"
                for kind in [CardKind.keypoint, .faq, .term, .basic] {
                    #expect(
                        CardID.derived(kind: kind, question: front)
                            == CardID.derivedReference(kind: kind, question: front))
                }
            }
        }
    }

    @Test func wordHashesAppendedForEachTextEqualHashesOfTheJoinedText() {
        var rng = SeededGenerator(seed: 64)
        let texts = FastPathTests.samples
        for _ in 0..<2000 {
            let parts = (0..<Int.random(in: 0...4, using: &rng)).map { _ in texts.randomElement(using: &rng) ?? "" }
            var appended: [UInt64] = [7]
            for part in parts { FastText.appendWordHashes(in: part, minimumLength: 3, to: &appended) }
            #expect(appended == [7] + Similarity.hashes(parts.joined(separator: " ")), "\(parts)")
        }
    }
}
