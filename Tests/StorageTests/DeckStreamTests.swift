import Flashcards
import Foundation
import Glibc
import TestSupport
import Testing

@testable import Storage

/// The streamed deck writer (`DeckWriter.write(_:to:flushAt:)`, through one reused buffer)
/// against the whole-text encoder it replaced for saving (`DeckWriter.encode`, itself held to
/// `JSONEncoder` by `DeckCodingTests`): the same bytes, whatever the buffer size.
struct DeckStreamTests {
    /// The deck as streamed into a file through a buffer of `flushAt` bytes.
    static func streamed(_ deck: Deck, flushAt: Int, in temp: TemporaryDirectory) throws -> [UInt8] {
        let path = temp.path + "/streamed.json"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        #expect(fd >= 0)
        #expect(DeckWriter.write(deck, to: fd, flushAt: flushAt))
        close(fd)
        return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func streamedDecksAreByteForByteTheEncodedOnes() throws {
        let temp = TemporaryDirectory()
        var tricky = TrickyText(seed: 53)
        for round in 0..<400 {
            let deck = DeckCodingTests.deck(&tricky)
            let flushAt = [1, 7, 64, 333, 4096, 64 * 1024][round % 6]
            let streamed = try Self.streamed(deck, flushAt: flushAt, in: temp)
            let encoded = DeckWriter.encode(deck)
            #expect(streamed == encoded, "flush at \(flushAt): \(String(decoding: streamed, as: UTF8.self))")
            if streamed != encoded { return }
        }
    }

    /// A deck big enough to flush many times, with a card larger than the buffer, as
    /// `write(_:to:)` writes it (`DeckCodingTests` holds `save` of a large deck to `JSONEncoder`).
    @Test func largeDecksStreamAsTheyEncode() throws {
        let temp = TemporaryDirectory()
        var tricky = TrickyText(seed: 54)
        var cards = tricky.cards(12_000)
        cards[5].context = String(repeating: "A long paragraph \"quoted\"\n\t/é ", count: 20_000)
        let deck = Deck(title: "Big", source: DeckSource(path: "a.md", sha256: "00"), cards: cards)
        #expect(!DeckWriter.encodesInParallel(deck))
        let encoded = DeckWriter.encode(deck)
        #expect(try Self.streamed(deck, flushAt: 64 * 1024, in: temp) == encoded)
        let file = temp.url.appendingPathComponent("out.json")
        try DeckStore.write(deck, to: file)
        #expect(Array(try Data(contentsOf: file)) == encoded)
    }

    @Test func aFailedWriteIsReported() throws {
        var tricky = TrickyText(seed: 55)
        let deck = Deck(title: "T", source: nil, cards: tricky.cards(50))
        #expect(!DeckWriter.write(deck, to: -1))
        #expect(throws: StorageError.self) { try DeckStore.write(deck, to: URL(fileURLWithPath: "/dev/full")) }
        #expect(throws: StorageError.self) {
            try DeckStore.write(deck, to: URL(fileURLWithPath: "/nonexistent-dir/x/deck.json"))
        }
    }
}
