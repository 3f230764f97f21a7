import Flashcards
import Foundation

/// A fast path for reading deck files: a 100,000-card deck takes about a second through
/// `JSONDecoder`, too slow for `recall due` to answer at once.
///
/// It reads only the exact shape `DeckStore.encode` writes (any key order and spacing), and
/// tells whether the bytes are exactly what `DeckWriter` writes (checked as the cards are read:
/// their layout as fixed text, so no encoding is needed to know it); on
/// anything else (an unknown or repeated key, a newer format, a syntax error) it gives up and
/// the caller decodes with Foundation, which also words the error. So it can never accept a
/// deck that the `Codable` path would read differently.
extension DeckStore {
    static func decodeFast(_ bytes: [UInt8]) -> Deck? {
        bytes.withUnsafeBufferPointer { decodeFast($0)?.deck }
    }

    /// The deck, and whether the bytes are exactly `DeckWriter.encode` of it (its layout,
    /// member order and escapes), so that writing the deck back would write these bytes.
    static func decodeFast(_ buffer: UnsafeBufferPointer<UInt8>) -> (deck: Deck, canonical: Bool)? {
        var s = JSONScanner(buffer)
        return try? readDeck(&s, buffer)
    }

    private static func readDeck(_ s: inout JSONScanner, _ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError)
        -> (deck: Deck, canonical: Bool)
    {
        var format: Int?
        var title: String?
        var source: DeckSource?
        var cards: [Card]?
        var cardsCanonical = false
        // Where the cards array ends, when it is the first member, written as `DeckWriter` does.
        var cardsEnd: Int?
        var seen = SeenKeys()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "format" {
                try seen.mark(1, at: s)
                format = try s.int()
            } else if key == "title" {
                try seen.mark(2, at: s)
                title = try s.string()
            } else if key == "source" {
                try seen.mark(4, at: s)
                source = try s.consumeNull() ? nil : try readSource(&s)
            } else if key == "cards" {
                try seen.mark(8, at: s)
                let opening = s.position == Self.cardsHead.count - 2 && Self.starts(buffer, with: Self.cardsHead)
                (cards, cardsCanonical) = try readCards(&s, buffer)
                if opening { cardsEnd = s.position }
            } else {
                throw s.error("unknown key")
            }
        }
        try s.expectEnd()
        guard let format, format <= Deck.currentFormat, let title, let cards else { throw s.error("not this shape") }
        let deck = Deck(title: title, source: source, cards: cards, format: format)
        guard cardsCanonical, let cardsEnd else { return (deck, false) }
        return (deck, Self.restIsCanonical(deck, buffer, cardsEnd: cardsEnd))
    }

    /// The deck's bytes up to its first card, as `DeckWriter` writes them.
    private static let cardsHead = Array("{\n  \"cards\" : [".utf8)

    private static func starts(_ buffer: UnsafeBufferPointer<UInt8>, with prefix: [UInt8]) -> Bool {
        buffer.count >= prefix.count && buffer.prefix(prefix.count).elementsEqual(prefix)
    }

    /// Whether everything outside the cards' objects is what `DeckWriter` writes: the bytes
    /// from the end of the cards array (`cardsEnd`) on are those of the deck without cards
    /// from the end of its empty array on (format, source, title, final newline); the
    /// array's end, `}` of the last card, then a line break and `  ]`; no cards, the whole
    /// file is that of the deck without cards.
    private static func restIsCanonical(_ deck: Deck, _ buffer: UnsafeBufferPointer<UInt8>, cardsEnd: Int) -> Bool {
        let bare = DeckWriter.encode(Deck(title: deck.title, source: deck.source, cards: [], format: deck.format))
        if deck.cards.isEmpty { return buffer.elementsEqual(bare) }
        let emptyArray = Array("\n\n  ]".utf8)
        let arrayEnd = Array("}\n  ]".utf8)
        let bareRest = cardsHead.count + emptyArray.count
        return cardsEnd >= arrayEnd.count
            && buffer[(cardsEnd - arrayEnd.count)..<cardsEnd].elementsEqual(arrayEnd)
            && buffer.count - cardsEnd == bare.count - bareRest
            && buffer[cardsEnd...].elementsEqual(bare[bareRest...])
    }

    /// The cards array. A large one is read in two halves at once: the second half from a
    /// boundary between two objects near the middle of the file, while this scanner reads up to
    /// it. The halves are used only when this scanner, reading card after card, ends a card
    /// exactly at that boundary (so it was in the cards array); else the whole array is read
    /// here, as it is for small decks.
    private static func readCards(_ s: inout JSONScanner, _ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError)
        -> (cards: [Card], canonical: Bool)
    {
        try s.beginArray()
        var cards: [Card] = []
        var first = true
        var canonical = true
        nonisolated(unsafe) var tail: (cards: [Card], canonical: Bool, end: Int)?
        let group = DispatchGroup()
        let split =
            ProcessInfo.processInfo.activeProcessorCount > 1 ? objectBoundary(in: buffer, after: s.position) : nil
        if let split {
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.global().async(group: group) { tail = readCardsTail(buffer, from: split + 1) }
        }
        defer { group.wait() }
        while true {
            if canonical, let card = canonicalCard(&s, first: first) {
                cards.append(card)
                first = false
            } else {
                guard try s.nextElement(first: &first) else { break }
                canonical = false
                cards.append(try readCard(&s))
            }
            guard let split, s.position == split else { continue }
            group.wait()
            guard let tail else { continue }
            cards.append(contentsOf: tail.cards)
            s.move(to: tail.end)
            return (cards, canonical && tail.canonical)
        }
        return (cards, canonical)
    }

    /// The next card when it is written exactly as `DeckWriter` writes a card of a deck's
    /// array (the comma before it unless it is the first, its line break and indents, its
    /// members in order, `DeckWriter`'s escapes); else nil, having consumed nothing.
    private static func canonicalCard(_ s: inout JSONScanner, first: Bool) -> Card? {
        let start = s.position
        if let card = canonicalCardBody(&s, first: first) { return card }
        s.move(to: start)
        return nil
    }

    private static func canonicalCardBody(_ s: inout JSONScanner, first: Bool) -> Card? {
        guard first || s.consume(exactly: ","), s.consume(exactly: "\n    {\n      \"") else { return nil }
        var aliases: [String] = []
        if s.consume(exactly: "aliases\" : ") {
            // The writer leaves out an empty list of aliases.
            guard let list = canonicalStrings(&s), !list.isEmpty, s.consume(exactly: ",\n      \"") else { return nil }
            aliases = list
        }
        guard s.consume(exactly: "back\" : "), let back = s.canonicalString(), s.consume(exactly: ",\n      \"")
        else { return nil }
        var context: String?
        if s.consume(exactly: "context\" : ") {
            guard let text = s.canonicalString(), s.consume(exactly: ",\n      \"") else { return nil }
            context = text
        }
        guard s.consume(exactly: "front\" : "), let front = s.canonicalString(),
            s.consume(exactly: ",\n      \"id\" : "), let id = s.canonicalString(),
            s.consume(exactly: ",\n      \"kind\" : "), let kind = s.canonicalString(),
            s.consume(exactly: ",\n      \"section\" : "), let section = canonicalStrings(&s),
            s.consume(exactly: ",\n      \"tags\" : "), let tags = canonicalStrings(&s),
            s.consume(exactly: "\n    }")
        else { return nil }
        return Card(
            id: CardID(id), kind: CardKind(rawValue: kind), front: front, back: back, context: context,
            section: section, tags: tags, aliases: aliases)
    }

    /// A card's list of strings as `DeckWriter` writes it.
    private static func canonicalStrings(_ s: inout JSONScanner) -> [String]? {
        if s.consume(exactly: "[\n\n      ]") { return [] }
        guard s.consume(exactly: "[\n        "), let first = s.canonicalString() else { return nil }
        var list = [first]
        while s.consume(exactly: ",\n        ") {
            guard let next = s.canonicalString() else { return nil }
            list.append(next)
        }
        return s.consume(exactly: "\n      ]") ? list : nil
    }

    /// The offset of the `,` of a `},` line break, then `{`, in the middle half of a large
    /// buffer: a comma between two objects of an array. A raw line break is never inside a JSON
    /// string, so the `}` and `,` before it are not either.
    private static func objectBoundary(in buffer: UnsafeBufferPointer<UInt8>, after start: Int) -> Int? {
        guard buffer.count - start > 1 << 20 else { return nil }
        var i = start + (buffer.count - start) / 2
        let limit = buffer.count - (buffer.count - start) / 4
        while i < limit {
            if buffer[i] == 0x0A && buffer[i - 1] == UInt8(ascii: ",") && buffer[i - 2] == UInt8(ascii: "}") {
                var j = i + 1
                while j < buffer.count && (buffer[j] == 0x20 || buffer[j] == 0x09 || buffer[j] == 0x0D) { j += 1 }
                if j < buffer.count && buffer[j] == UInt8(ascii: "{") { return i - 1 }
            }
            i += 1
        }
        return nil
    }

    /// The cards from `start` (just after a comma) to the array's end, whether they are all
    /// written as `DeckWriter` writes them, and the offset after the array's `]`; nil on
    /// anything else.
    private static func readCardsTail(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (
        cards: [Card], canonical: Bool, end: Int
    )? {
        var t = JSONScanner(buffer)
        do {
            t.move(to: start)
            var cards: [Card] = []
            var canonical = true
            var first = true
            if let card = canonicalCard(&t, first: true) {
                cards.append(card)
            } else {
                canonical = false
                cards.append(try readCard(&t))
            }
            first = false
            while true {
                if canonical, let card = canonicalCard(&t, first: false) {
                    cards.append(card)
                    continue
                }
                guard try t.nextElement(first: &first) else { break }
                canonical = false
                cards.append(try readCard(&t))
            }
            return (cards, canonical, t.position)
        } catch {
            return nil
        }
    }

    private static func readSource(_ s: inout JSONScanner) throws(JSONSyntaxError) -> DeckSource {
        var path: String?
        var sha: String?
        var files: [DeckSource]?
        var seen = SeenKeys()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "path" {
                try seen.mark(1, at: s)
                path = try s.string()
            } else if key == "sha256" {
                try seen.mark(2, at: s)
                sha = try s.string()
            } else if key == "files" {
                try seen.mark(4, at: s)
                if try !s.consumeNull() {
                    var list: [DeckSource] = []
                    try s.beginArray()
                    var firstFile = true
                    while try s.nextElement(first: &firstFile) { list.append(try readSource(&s)) }
                    files = list
                }
            } else {
                throw s.error("unknown key")
            }
        }
        guard let path, let sha else { throw s.error("not this shape") }
        return DeckSource(path: path, sha256: sha, files: files)
    }

    private static func readCard(_ s: inout JSONScanner) throws(JSONSyntaxError) -> Card {
        var id: String?
        var kind: String?
        var front: String?
        var back: String?
        var context: String?
        var section: [String] = []
        var tags: [String] = []
        var aliases: [String] = []
        var seen = SeenKeys()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "id" {
                try seen.mark(1, at: s)
                id = try s.string()
            } else if key == "kind" {
                try seen.mark(2, at: s)
                kind = try s.string()
            } else if key == "front" {
                try seen.mark(4, at: s)
                front = try s.string()
            } else if key == "back" {
                try seen.mark(8, at: s)
                back = try s.string()
            } else if key == "context" {
                try seen.mark(16, at: s)
                context = try s.consumeNull() ? nil : try s.string()
            } else if key == "section" {
                try seen.mark(32, at: s)
                section = try readStrings(&s)
            } else if key == "tags" {
                try seen.mark(64, at: s)
                tags = try readStrings(&s)
            } else if key == "aliases" {
                try seen.mark(128, at: s)
                aliases = try readStrings(&s)
            } else {
                throw s.error("unknown key")
            }
        }
        guard let id, let kind, let front, let back else { throw s.error("not this shape") }
        return Card(
            id: CardID(id), kind: CardKind(rawValue: kind), front: front, back: back, context: context,
            section: section, tags: tags, aliases: aliases)
    }

    private static func readStrings(_ s: inout JSONScanner) throws(JSONSyntaxError) -> [String] {
        var list: [String] = []
        try s.beginArray()
        var first = true
        while try s.nextElement(first: &first) { list.append(try s.string()) }
        return list
    }
}
