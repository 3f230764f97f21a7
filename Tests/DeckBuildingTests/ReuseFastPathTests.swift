import Foundation
import TestSupport
import Testing

@testable import DeckBuilding
@testable import Flashcards

/// The fifth round of deck-building fast paths against what they replaced: one word table
/// reused by every article's near-duplicate detection, and file names split on their bytes.
struct ReuseFastPathTests {
    /// Random paragraphs of hashed words: few distinct words (many repeats) to many.
    static func paragraphs(_ rng: inout SeededGenerator, round: Int) -> [[Similarity.Word]] {
        let range = UInt64([8, 64, 1000, 1 << 40][round % 4])
        let extra = Similarity.functionWords.prefix(Int.random(in: 0...20, using: &rng))
        // Articles of every size in turn, so a table sized for a large one is cleared and
        // reused for small ones and grown again.
        let count = [0, 1, 40, 3, 200, 12][round % 6]
        return (0..<Int.random(in: 0...count, using: &rng)).map { _ in
            (0..<Int.random(in: 0...60, using: &rng)).map { _ in UInt64.random(in: 0...range, using: &rng) } + extra
        }
    }

    @Test func aReusedTableGivesTheSignaturesOfAFreshOne() {
        var rng = SeededGenerator(seed: 51)
        let table = SimilarityTable()
        for round in 0..<300 {
            let paragraphs = Self.paragraphs(&rng, round: round)
            let reused = Similarity(paragraphWords: paragraphs, table: table)
            let fresh = Similarity(paragraphWords: paragraphs)
            let probes = paragraphs + [paragraphs.flatMap { $0 }, [], Array(Similarity.functionWords), [1, 2, 3]]
            for words in probes {
                #expect(reused.signature(ofWords: words) == fresh.signature(ofWords: words), "round \(round)")
            }
        }
    }

    @Test func cardsWithOneTableForAllArticlesEqualCardsWithATableEach() throws {
        let texts = FastPathTests.texts(seed: 52, count: 60, ascii: false, maxPieces: 400)
        let fixtures = ["qa.txt", "same-words.txt", "rhetorical.txt", "cafe-es.txt", "kimchi.md", "sourdough.html"]
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        var sources = try fixtures.map {
            ArticleSource(name: $0, bytes: Array(try Data(contentsOf: directory.appendingPathComponent($0))))
        }
        sources += texts.enumerated().map { ArticleSource(name: "t\($0.offset).txt", bytes: Array($0.element.utf8)) }
        sources += sources
        let table = SimilarityTable()
        for source in sources {
            let fresh = Result { () throws(ArticleError) in try DeckBuilder().cards(from: source) }
            let reused = Result { () throws(ArticleError) in try DeckBuilder().cards(from: source, table: table) }
            switch (fresh, reused) {
            case (.success(let a), .success(let b)):
                #expect(a.cards == b.cards && a.notes == b.notes && a.title == b.title, "\(source.name)")
            case (.failure(let a), .failure(let b)): #expect(a == b)
            default: Issue.record("\(source.name): one failed, the other did not")
            }
        }
    }

    static let names: [String] = {
        var rng = SeededGenerator(seed: 53)
        let pieces = [
            "/", "a", "b.txt", ".", "..", "x.md", ".hidden", "é", "/\u{301}", "n.a.me", " ", "日本.html", "\r\n", "\r",
            "\u{600}", ".HTM", "Page.Markdown", "x.TXT", "y.xhtml", "z.text", "e\u{301}.md",
        ]
        var names = ["", "/", "//", "a", "a/", "/a.txt", "a/b/", ".txt", "a/.txt", "a.", "a.md.", "a.md/", "..md"]
        for _ in 0..<4000 {
            names.append(
                (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        return names
    }()

    @Test func formatsByNameMatchSplittingTheName() {
        let texts = ["plain words", "# A heading", "<html><p>x</p>", "  <div>y</div>", "", "é"]
        for name in Self.names {
            for text in texts {
                #expect(
                    ArticleFormat.detect(fileName: name, text: text) == Reference.detect(fileName: name, text: text),
                    "\(name.debugDescription) \(text.debugDescription)")
            }
        }
    }

    @Test func stemsMatchSplittingThePath() {
        for path in Self.names {
            #expect(DeckBuilder.stem(path) == Reference.stem(path), "\(path.debugDescription)")
        }
    }
}

private enum Reference {
    /// `ArticleFormat.detect` splitting the name by characters, as before.
    static func detect(fileName: String, text: String) -> ArticleFormat {
        let name = fileName.split(separator: "/").last ?? ""
        let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        switch ArticleFormat.extensions[ext] {
        case .markdown: return .markdown
        case .html: return .html
        case .text: return ArticleFormat.sniff(text) == .html ? .html : .text
        case nil: return ArticleFormat.sniff(text)
        }
    }

    /// `DeckBuilder.stem` by splitting the path at every `/`.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
