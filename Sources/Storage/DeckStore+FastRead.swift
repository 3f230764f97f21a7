import Flashcards
import Foundation

/// A fast path for reading deck files: a 100,000-card deck takes about a second through
/// `JSONDecoder`, too slow for `recall due` to answer at once.
///
/// It reads only the exact shape `DeckStore.encode` writes (any key order and spacing); on
/// anything else (an unknown or repeated key, a newer format, a syntax error) it gives up and
/// the caller decodes with Foundation, which also words the error. So it can never accept a
/// deck that the `Codable` path would read differently.
extension DeckStore {
    static func decodeFast(_ bytes: [UInt8]) -> Deck? {
        bytes.withUnsafeBufferPointer { decodeFast($0) }
    }

    static func decodeFast(_ buffer: UnsafeBufferPointer<UInt8>) -> Deck? {
        var s = JSONScanner(buffer)
        return try? readDeck(&s, buffer)
    }

    private static func readDeck(_ s: inout JSONScanner, _ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError)
        -> Deck
    {
        var format: Int?
        var title: String?
        var source: DeckSource?
        var cards: [Card]?
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
                cards = try readCards(&s, buffer)
            } else {
                throw s.error("unknown key")
            }
        }
        try s.expectEnd()
        guard let format, format <= Deck.currentFormat, let title, let cards else { throw s.error("not this shape") }
        return Deck(title: title, source: source, cards: cards, format: format)
    }

    /// The cards array. A large one is read in two halves at once: the second half from a
    /// boundary between two objects near the middle of the file, while this scanner reads up to
    /// it. The halves are used only when this scanner, reading card after card, ends a card
    /// exactly at that boundary (so it was in the cards array); else the whole array is read
    /// here, as it is for small decks.
    private static func readCards(_ s: inout JSONScanner, _ buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError)
        -> [Card]
    {
        try s.beginArray()
        var cards: [Card] = []
        var first = true
        nonisolated(unsafe) var tail: (cards: [Card], end: Int)?
        let group = DispatchGroup()
        let split =
            ProcessInfo.processInfo.activeProcessorCount > 1 ? objectBoundary(in: buffer, after: s.position) : nil
        if let split {
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.global().async(group: group) { tail = readCardsTail(buffer, from: split + 1) }
        }
        defer { group.wait() }
        while try s.nextElement(first: &first) {
            cards.append(try readCard(&s))
            guard let split, s.position == split else { continue }
            group.wait()
            guard let tail else { continue }
            cards.append(contentsOf: tail.cards)
            s.move(to: tail.end)
            return cards
        }
        return cards
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

    /// The cards from `start` (just after a comma) to the array's end, and the offset after
    /// its `]`; nil on anything else.
    private static func readCardsTail(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> (
        cards: [Card], end: Int
    )? {
        var t = JSONScanner(buffer)
        do {
            t.move(to: start)
            var cards = [try readCard(&t)]
            var first = false
            while try t.nextElement(first: &first) { cards.append(try readCard(&t)) }
            return (cards, t.position)
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
