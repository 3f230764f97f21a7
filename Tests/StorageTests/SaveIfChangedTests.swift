import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Storage

/// `DeckStore.saveIfChanged` and `AtomicFile.holds`: a file is left alone only when it already
/// holds exactly the bytes `save` would write.
struct SaveIfChangedTests {
    @Test func anUnchangedDeckIsNotRewritten() throws {
        let fixture = try Fixture(cards: 50)
        let store = DeckStore(home: fixture.home)
        let url = store.url(for: fixture.name)
        let before = try Data(contentsOf: url)
        let inode = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int)
        #expect(try store.saveIfChanged(store.load(fixture.name), as: fixture.name) == false)
        #expect(try Data(contentsOf: url) == before)
        // The atomic write renames a new file in, so an untouched file keeps its inode.
        #expect(try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int == inode)
    }

    @Test func aChangedDeckIsWrittenAsSaveWritesIt() throws {
        let fixture = try Fixture(cards: 50)
        let store = DeckStore(home: fixture.home)
        let url = store.url(for: fixture.name)
        var deck = try store.load(fixture.name)
        // Same length, one byte different: only the comparison can tell.
        deck.cards[7].back = "Answer X."
        #expect(try store.saveIfChanged(deck, as: fixture.name))
        let written = try Data(contentsOf: url)
        try store.save(deck, as: fixture.name)
        #expect(try Data(contentsOf: url) == written)
        #expect(try store.load(fixture.name) == deck)
        // A deck file that is missing, or that only differs in length, is written too.
        deck.cards.append(Fixture.card(99))
        #expect(try store.saveIfChanged(deck, as: fixture.name))
        #expect(try store.load(fixture.name) == deck)
        try FileManager.default.removeItem(at: url)
        #expect(try store.saveIfChanged(deck, as: fixture.name))
        #expect(try store.load(fixture.name) == deck)
    }

    @Test func holdsComparesEveryPiece() throws {
        let dir = TemporaryDirectory("recall-holds")
        let url = dir.url.appendingPathComponent("file")
        // Larger than the 1 MB read size, so pieces cross read boundaries.
        var bytes = [UInt8](repeating: 0x61, count: (3 << 20) + 17)
        for i in stride(from: 0, to: bytes.count, by: 4099) { bytes[i] = UInt8(truncatingIfNeeded: i >> 12) }
        try Data(bytes).write(to: url)
        let cuts = [0, 5, 1 << 20, (1 << 20) + 1, 2_500_000, bytes.count]
        let parts = zip(cuts, cuts.dropFirst()).map { Array(bytes[$0..<$1]) }
        #expect(AtomicFile.holds(parts: parts, at: url))
        #expect(AtomicFile.holds(parts: [bytes], at: url))
        for position in [0, (1 << 20) - 1, 1 << 20, bytes.count - 1] {
            var other = bytes
            other[position] ^= 1
            #expect(!AtomicFile.holds(parts: [other], at: url))
        }
        #expect(!AtomicFile.holds(parts: [Array(bytes.dropLast())], at: url))
        #expect(!AtomicFile.holds(parts: [bytes], at: dir.url.appendingPathComponent("missing")))
    }
}
