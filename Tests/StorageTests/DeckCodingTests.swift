import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Storage

/// `DeckWriter` and the one-pass decode against Foundation: the same bytes, the same decks, the
/// same errors.
struct DeckCodingTests {
    /// Every control character (NUL included), the escapes, `/`, DEL and non-ASCII text.
    static let extraPieces: [String] =
        (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["/", "</", "\\/", "\u{7F}", "\"\\\"", "\u{10FFFF}", ""]

    static func text(_ tricky: inout TrickyText) -> String {
        (0..<tricky.int(0...6)).map { _ in
            tricky.int(0...2) == 0
                ? (extraPieces.randomElement(using: &tricky.random) ?? "") : tricky.text(maxPieces: 2)
        }.joined()
    }

    static func source(_ tricky: inout TrickyText, depth: Int) -> DeckSource {
        let files: [DeckSource]? =
            switch tricky.int(0...3) {
            case 0 where depth < 2: (0..<tricky.int(1...3)).map { _ in source(&tricky, depth: depth + 1) }
            case 1: []
            default: nil
            }
        return DeckSource(path: text(&tricky), sha256: text(&tricky), files: files)
    }

    static func deck(_ tricky: inout TrickyText) -> Deck {
        let cards = (0..<tricky.int(0...5)).map { i in
            var card = tricky.card(index: i)
            if tricky.int(0...1) == 0 { card.front = text(&tricky) }
            if tricky.int(0...1) == 0 { card.back = text(&tricky) }
            if tricky.int(0...2) == 0 { card.context = text(&tricky) }
            if tricky.int(0...2) == 0 { card.section = (0..<tricky.int(0...2)).map { _ in text(&tricky) } }
            card.aliases = tricky.int(0...2) == 0 ? (0..<tricky.int(1...3)).map { _ in text(&tricky) } : []
            if tricky.int(0...4) == 0 { card.kind = CardKind(rawValue: text(&tricky)) }
            return card
        }
        let format = [Deck.currentFormat, Deck.currentFormat, 0, -3, 1_000_000].randomElement(using: &tricky.random)
        return Deck(
            title: text(&tricky), source: tricky.int(0...2) == 0 ? nil : source(&tricky, depth: 0), cards: cards,
            format: format ?? 1)
    }

    static func foundationEncode(_ deck: Deck) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(deck)) + [0x0A]
    }

    /// The decode as it was before: a header pass for the format, then the whole deck.
    static func twoPassDecode(_ data: Data, path: String) -> Result<Deck, StorageError> {
        struct Header: Decodable { var format: Int? }
        do {
            let header = try JSONDecoder().decode(Header.self, from: data)
            if let f = header.format, f > Deck.currentFormat {
                return .failure(.newerFormat(path: path, found: f, supported: Deck.currentFormat))
            }
            return .success(try JSONDecoder().decode(Deck.self, from: data))
        } catch {
            return .failure(.corrupt(path: path, line: nil, detail: "not a recall deck (\(DeckStore.describe(error)))"))
        }
    }

    /// What `DeckStore.load` does with the bytes.
    static func load(_ bytes: [UInt8]) -> Result<Deck, StorageError> {
        if let deck = DeckStore.decodeFast(bytes) { return .success(deck) }
        return Result { () throws(StorageError) in try DeckStore.decode(Data(bytes), path: "d.json") }
    }

    @Test func encodesByteForByteAsJSONEncoder() throws {
        var tricky = TrickyText(seed: 29)
        for _ in 0..<400 {
            let deck = Self.deck(&tricky)
            let ours = Array(DeckStore.encode(deck))
            let theirs = try Self.foundationEncode(deck)
            #expect(ours == theirs, "\(String(decoding: ours, as: UTF8.self))")
            if ours != theirs { return }
        }
    }

    /// Large decks are encoded in chunks on all cores; joined, and as saved, they are still
    /// exactly what `JSONEncoder` writes.
    @Test func largeDeckEncodedInChunksIsByteForByteJSONEncoder() throws {
        var tricky = TrickyText(seed: 37)
        let deck = Deck(title: "Big", source: DeckSource(path: "a.md", sha256: "00"), cards: tricky.cards(10_000))
        let theirs = try Self.foundationEncode(deck)
        #expect(Array(DeckStore.encode(deck)) == theirs)
        let dir = TemporaryDirectory()
        let store = DeckStore(home: DataHome(root: dir.url))
        let name = try DeckName("big")
        try store.save(deck, as: name)
        #expect(Array(try Data(contentsOf: store.url(for: name))) == theirs)
        #expect(try store.load(name) == deck)
    }

    /// A large deck is read in two halves split at an object boundary near the middle; when
    /// that boundary is not in the cards array (here: a long list of source files comes first),
    /// the deck is read in one pass, with the same result.
    @Test func largeDeckReadInHalvesOrInOnePassAsFoundationReadsIt() throws {
        var tricky = TrickyText(seed: 43)
        let files = (0..<30_000).map { DeckSource(path: "f\($0).md", sha256: "\($0)") }
        let deck = Deck(
            title: "Big", source: DeckSource(path: "all", sha256: "00", files: files), cards: tricky.cards(10_000))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let source = String(decoding: try encoder.encode(deck.source), as: UTF8.self)
        let cards = String(decoding: try encoder.encode(deck.cards), as: UTF8.self)
        var plain = deck
        plain.source = nil
        for (text, expected) in [
            (String(decoding: DeckStore.encode(plain), as: UTF8.self), plain),
            ("{\n\"source\" : \(source),\n\"cards\" : \(cards),\n\"format\" : 1,\n\"title\" : \"Big\"\n}\n", deck),
        ] {
            #expect(text.utf8.count > 2 << 20)
            let fast = DeckStore.decodeFast(Array(text.utf8))
            #expect(fast == expected)
            #expect(fast == (try JSONDecoder().decode(Deck.self, from: Data(text.utf8))))
        }
    }

    @Test func everyOptionalFieldPresentAndAbsent() throws {
        let bare = Card(id: CardID("a"), kind: .faq, front: "", back: "")
        let full = Card(
            id: CardID("b/c"), kind: .keypoint, front: "f\u{0}", back: "b\u{1F}", context: "c", section: ["s", ""],
            tags: ["t"], aliases: ["x", "y"])
        let sources: [DeckSource?] = [
            nil, DeckSource(path: "p", sha256: "00"), DeckSource(path: "p", sha256: "00", files: []),
            DeckSource(path: "p", sha256: "00", files: [DeckSource(path: "q", sha256: "11", files: [])]),
        ]
        for source in sources {
            for cards in [[], [bare], [bare, full], [full]] {
                let deck = Deck(title: "T", source: source, cards: cards)
                #expect(Array(DeckStore.encode(deck)) == (try Self.foundationEncode(deck)))
            }
        }
    }

    @Test func decodesGeneratedDecksAsFoundationDoes() throws {
        var tricky = TrickyText(seed: 31)
        for _ in 0..<300 {
            let deck = Self.deck(&tricky)
            let bytes = Array(DeckStore.encode(deck))
            let loaded = Self.load(bytes)
            #expect(loaded == Self.twoPassDecode(Data(bytes), path: "d.json"))
            if deck.format <= Deck.currentFormat {
                #expect(loaded == .success(deck))
                #expect(DeckStore.decodeFast(bytes) == deck)
            } else {
                #expect(
                    loaded == .failure(.newerFormat(path: "d.json", found: deck.format, supported: Deck.currentFormat)))
            }
        }
    }

    /// Damaged decks: the fast path either reads what Foundation reads or leaves it to Foundation,
    /// and the one-pass decode fails with the same message the two-pass one did.
    @Test func malformedDecksGetTheSameAnswer() throws {
        var tricky = TrickyText(seed: 37)
        var rng = SeededGenerator(seed: 41)
        let replacements = Array("\"{}[],:0-1 ntf\\".utf8) + [0x80, 0xFF, 0x0A]
        for round in 0..<600 {
            var deck = Self.deck(&tricky)
            deck.format = min(deck.format, Deck.currentFormat)
            var bytes = Array(DeckStore.encode(deck))
            let at = Int(rng.next() % UInt64(bytes.count))
            switch round % 6 {
            case 0: bytes.removeSubrange(at...)
            case 1: bytes.remove(at: at)
            case 2: bytes[at] = replacements[Int(rng.next() % UInt64(replacements.count))]
            case 3: bytes.insert(replacements[Int(rng.next() % UInt64(replacements.count))], at: at)
            case 4:
                let edits = [
                    ("\"format\" : 1", "\"format\" : 2"), ("\"format\" : 1", "\"format\" : \"1\""),
                    ("\"format\" : 1", "\"format\" : 1.5"), ("\"format\" : 1", "\"format\" : null"),
                    ("\"format\" : 1", "\"formats\" : 1"), ("\"title\"", "\"later\" : true, \"title\""),
                    ("\"id\"", "\"id\" : \"dup\", \"id\""), ("\"front\"", "\"fron\""),
                    ("\"tags\" : [", "\"tags\" : [1,"),
                    ("\"cards\" : [", "\"cards\" : {"), ("\"format\" : 1", "\"format\" : 2, \"cards\" : 7"),
                ]
                let (from, to) = edits[(round / 6) % edits.count]
                var text = String(decoding: bytes, as: UTF8.self)
                if let range = text.range(of: from) { text.replaceSubrange(range, with: to) }
                bytes = Array(text.utf8)
            default:
                let whole = [
                    "[]", "null", "1", "\"deck\"", "{}", "{\"format\":2}", "", "{\"format\":1,\"title\":\"t\"}",
                ]
                bytes = Array(whole[(round / 6) % whole.count].utf8)
            }
            let reference = Self.twoPassDecode(Data(bytes), path: "d.json")
            #expect(Self.load(bytes) == reference, "\(String(decoding: bytes, as: UTF8.self))")
            if let fast = DeckStore.decodeFast(bytes) { #expect(reference == .success(fast)) }
        }
    }
}
