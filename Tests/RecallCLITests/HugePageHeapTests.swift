import DeckBuilding
import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

@testable import recall

/// A build large enough to put its heap on huge pages (`HugePageHeap`) writes the deck the
/// library builds from the same articles, and the heap it leaves behaves as any other.
struct HugePageHeapTests {
    /// A plain-text article of about 6 KB: a title, sections of key points, a FAQ.
    static func article(_ k: Int, rng: inout SeededGenerator) -> String {
        let words = ["ledger", "quorum", "latency", "replica", "shard", "commit", "vector", "clock", "gossip", "lease"]
        func sentence() -> String {
            let n = Int.random(in: 6...14, using: &rng)
            let body = (0..<n).map { _ in words.randomElement(using: &rng) ?? "x" }.joined(separator: " ")
            return body.prefix(1).uppercased() + body.dropFirst() + "."
        }
        var text = "Notes on topic \(k)\n\n"
        for s in 0..<6 {
            text += "Section \(s) of \(k)\n\n"
            for _ in 0..<5 { text += "- " + sentence() + " " + sentence() + "\n" }
            text += "\n" + (0..<4).map { _ in sentence() }.joined(separator: " ") + "\n\n"
        }
        text += "FAQ\n\nQ: What is item \(k)?\nA: " + sentence() + "\n"
        return text
    }

    @Test func largeBuildWritesTheLibrarysDeck() throws {
        let temp = TemporaryDirectory()
        let directory = temp.path + "/articles"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var rng = SeededGenerator(seed: 7)
        var sources: [ArticleSource] = []
        var total = 0
        for k in 0..<260 {
            let path = directory + "/article-\(1000 + k).txt"
            let bytes = Array(Self.article(k, rng: &rng).utf8)
            total += bytes.count
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            sources.append(ArticleSource(name: path, recordedPath: path, bytes: bytes))
        }
        // Enough bytes for the build to reserve huge pages.
        #expect(total * 7 >= 8 << 20)
        let expected = temp.path + "/expected.json"
        try DeckStore.write(DeckBuilder().build(sources, title: "big").deck, to: URL(fileURLWithPath: expected))
        let library = (try? String(contentsOfFile: expected, encoding: .utf8)) ?? ""
        // The directory, and its files named one by one.
        for (k, arguments) in [[directory], sources.map(\.name)].enumerated() {
            let file = temp.path + "/built\(k).json"
            let run = try RecallProcess.run(
                ["build"] + arguments + ["--deck", "big", "--output", file, "--home", temp.path + "/home"])
            #expect(run.status == 0, "\(run.stderr)")
            let built = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
            let difference = zip(built.split(separator: "\n"), library.split(separator: "\n")).first { $0 != $1 }
            #expect(built == library, "first difference: \(String(describing: difference))")
        }
    }

    @Test func reservedHeapHoldsWhatIsWritten() {
        HugePageHeap.reserve(16 << 20)
        // More than `mallopt` takes as an `Int32` is capped, not a crash.
        HugePageHeap.reserve(Int.max / 2)
        // Blocks across the advised room, written and read back, then freed and made again.
        for _ in 0..<2 {
            let blocks = (0..<64).map { k in [UInt64](repeating: UInt64(k) &* 0x9E37_79B9, count: 40_000) }
            for (k, block) in blocks.enumerated() {
                #expect(block.allSatisfy { $0 == UInt64(k) &* 0x9E37_79B9 })
            }
        }
    }
}
