import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// The deck reader's canonical check: it says a file is exactly `DeckWriter`'s encoding of the
/// deck it read only when encoding that deck gives those bytes back, and `saveIfChanged` with
/// the loaded deck then leaves the file without encoding it.
struct CanonicalDeckTests {
    static func read(_ bytes: [UInt8]) -> (deck: Deck, canonical: Bool)? {
        bytes.withUnsafeBufferPointer { DeckStore.decodeFast($0) }
    }

    @Test func recallsOwnEncodingIsCanonical() {
        var tricky = TrickyText(seed: 53)
        for _ in 0..<400 {
            var deck = DeckCodingTests.deck(&tricky)
            deck.format = min(deck.format, Deck.currentFormat)
            let bytes = Array(DeckStore.encode(deck))
            let read = Self.read(bytes)
            #expect(read?.deck == deck)
            #expect(read?.canonical == true, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    /// Read in two halves: both halves' cards count.
    @Test func largeDeckReadInHalves() {
        var tricky = TrickyText(seed: 59)
        let deck = Deck(title: "Big", source: DeckSource(path: "a.md", sha256: "00"), cards: tricky.cards(10_000))
        let bytes = Array(DeckStore.encode(deck))
        #expect(bytes.count > 2 << 20)
        #expect(Self.read(bytes)?.canonical == true)
        // One more space in a card near the start, then near the end (the second half's).
        let lines = bytes.indices.dropLast().filter { bytes[$0] == 0x0A && bytes[$0 + 1] == 0x20 }
        for at in [lines[40], lines[lines.count - 40]] {
            var spaced = bytes
            spaced.insert(0x20, at: at + 1)
            let read = Self.read(spaced)
            #expect(read?.deck == deck)
            #expect(read?.canonical == false)
        }
    }

    /// Equal decks written differently: never canonical.
    @Test func otherLayoutsAndEscapesAreNotCanonical() throws {
        let card = Card(
            id: CardID("c1"), kind: .basic, front: "a/b A\n\u{1F}", back: "back", context: nil, section: ["s"],
            tags: [], aliases: [])
        let deck = Deck(title: "T", source: DeckSource(path: "p", sha256: "h", files: []), cards: [card, card])
        let text = String(decoding: DeckStore.encode(deck), as: UTF8.self)
        #expect(Self.read(Array(text.utf8))?.canonical == true)
        let edits: [(String, String)] = [
            ("a/b", "a\\/b"), ("A\\n", "\\u0041\\n"), ("A\\n", "A\\u000a"), ("\\u001f", "\\u001F"),
            ("\"back\" : \"back\",", "\"back\" : \"back\",\n      \"context\" : null,"),
            ("\"back\" : \"back\",", "\"aliases\" : [\n\n      ],\n      \"back\" : \"back\","),
            ("\"back\" : \"back\",", "\"back\"  : \"back\","), ("\"back\" : \"back\",", "\"back\" :\"back\","),
            ("\"id\" : \"c1\",", "\"id\" : \"c\\u0031\","), ("\"format\" : 1", "\"format\" : 1 "),
            ("\"format\" : 1", "\"format\" : -0"), ("\"title\" : \"T\"", "\"title\" : \"\\u0054\""),
            ("\"path\" : \"p\"", "\"path\" : \"\\u0070\""), ("\n}\n", "\n}"), ("\n}\n", "\n}\n\n"),
            ("\n", "\r\n"), ("{\n  \"cards\"", "{\n   \"cards\""), ("\n  ],\n  \"format\"", "\n  ]\n  ,\"format\""),
            ("}\n  ],", "}\n\n  ],"),
        ]
        for (from, to) in edits {
            let range = try #require(text.range(of: from), "\(from)")
            var edited = text
            edited.replaceSubrange(range, with: to)
            let read = Self.read(Array(edited.utf8))
            #expect(read?.deck != nil, "\(edited)")
            #expect(read?.canonical == false, "\(edited)")
        }
    }

    /// Damaged and re-spaced files: whenever the reader calls one canonical, encoding the deck
    /// it read gives the file's bytes.
    @Test func canonicalAlwaysMeansTheWriterGivesTheBytes() {
        var tricky = TrickyText(seed: 61)
        var rng = SeededGenerator(seed: 67)
        let replacements = Array("\"{}[],:0-1 ntfu\\/".utf8) + [0x80, 0xFF, 0x0A, 0x0D, 0x09]
        for round in 0..<3000 {
            var deck = DeckCodingTests.deck(&tricky)
            deck.format = min(deck.format, Deck.currentFormat)
            var bytes = Array(DeckStore.encode(deck))
            let at = Int(rng.next() % UInt64(bytes.count))
            let byte = replacements[Int(rng.next() % UInt64(replacements.count))]
            switch round % 3 {
            case 0: bytes.remove(at: at)
            case 1: bytes[at] = byte
            default: bytes.insert(byte, at: at)
            }
            guard let read = Self.read(bytes), read.canonical else { continue }
            #expect(Array(DeckStore.encode(read.deck)) == bytes, "\(String(decoding: bytes, as: UTF8.self))")
        }
    }

    static func stamp(_ url: URL) -> [Int] {
        var info = stat()
        _ = stat(url.path, &info)
        return [
            Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
        ]
    }

    @Test func anUnalteredLoadedDeckIsNeitherEncodedNorWritten() throws {
        let fixture = try Fixture(cards: 50)
        let store = DeckStore(home: fixture.home)
        let url = store.url(for: fixture.name)
        let bytes = try Data(contentsOf: url)
        let before = Self.stamp(url)
        let loaded = try store.loadNotingFile(fixture.name)
        #expect(loaded.canonicalFile != nil)
        #expect(try store.saveIfChanged(loaded.deck, as: fixture.name, loaded: loaded) == false)
        #expect(try Data(contentsOf: url) == bytes)
        #expect(Self.stamp(url) == before)

        // A one-character change, of the same length, is written as `save` writes it.
        var deck = loaded.deck
        deck.cards[7].back.append("!")
        deck.cards[7].back.removeFirst()
        #expect(!DeckStore.isUnaltered(deck, loaded.deck))
        #expect(try store.saveIfChanged(deck, as: fixture.name, loaded: loaded))
        let written = try Data(contentsOf: url)
        try store.save(deck, as: fixture.name)
        #expect(try Data(contentsOf: url) == written)
        #expect(try store.load(fixture.name) == deck)

        // A title in another normal form is equal as a String but written differently.
        var titled = loaded.deck
        titled.title = "Cafe\u{301}"
        var composed = titled
        composed.title = "Caf\u{E9}"
        #expect(titled == composed)
        #expect(!DeckStore.isUnaltered(composed, titled))
    }

    /// The file changed after it was read: compared and written as before.
    @Test func aFileChangedSinceLoadingIsComparedAgain() throws {
        let fixture = try Fixture(cards: 50)
        let store = DeckStore(home: fixture.home)
        let url = store.url(for: fixture.name)
        let loaded = try store.loadNotingFile(fixture.name)
        let original = try Data(contentsOf: url)
        var other = loaded.deck
        other.cards.removeLast()
        try store.save(other, as: fixture.name)
        #expect(try store.saveIfChanged(loaded.deck, as: fixture.name, loaded: loaded))
        #expect(try Data(contentsOf: url) == original)
    }

    /// An equal deck in another layout is rewritten in recall's, as `saveIfChanged` always did.
    @Test func aNonCanonicalEqualFileIsRewrittenCanonically() throws {
        let fixture = try Fixture(cards: 50)
        let store = DeckStore(home: fixture.home)
        let url = store.url(for: fixture.name)
        let canonical = try Data(contentsOf: url)
        let compact = try JSONEncoder().encode(try store.load(fixture.name))
        try compact.write(to: url)
        let loaded = try store.loadNotingFile(fixture.name)
        #expect(loaded.canonicalFile == nil)
        #expect(try store.saveIfChanged(loaded.deck, as: fixture.name, loaded: loaded))
        #expect(try Data(contentsOf: url) == canonical)
    }
}
