import Flashcards
import Foundation
import Scheduling

/// Every card's progress as of a point in the review log; rebuildable from the log at any time.
///
/// Loading reads this and replays only the log after `log`, so opening a deck with years of
/// answers does not reread them all.
struct Snapshot: Equatable {
    var deck: String
    /// How much of the log this snapshot covers.
    var log: LogPosition
    var cards: [CardID: CardProgress]
    /// Reviews of the last two days before the snapshot, oldest first.
    var recent: [RecentAnswer] = []

    /// The file's bytes: one card a line, sorted by id, so it diffs well.
    func encoded() -> [UInt8] {
        // About 215 bytes a card; too small a guess doubles the buffer (and the peak memory).
        var t = JSONText(capacity: 128 + cards.count * 256)
        t.raw("{")
        t.key("format")
        t.int(ProgressFormat.snapshot)
        t.raw(",")
        t.key("file")
        t.string("recall snapshot")
        t.raw(",")
        t.key("deck")
        t.string(deck)
        t.raw(",")
        t.key("log")
        t.raw("{")
        t.key("bytes")
        t.int(log.bytes)
        t.raw(",")
        t.key("lines")
        t.int(log.lines)
        t.raw(",")
        t.key("last")
        t.int(log.lastID)
        t.raw("},")
        t.key("recent")
        t.raw("[")
        for (i, answer) in recent.enumerated() {
            t.raw(i == 0 ? "\n" : ",\n")
            answer.write(into: &t)
        }
        t.raw("],")
        t.key("cards")
        t.raw("[")
        var first = true
        for id in cards.keys.sorted() {
            t.raw(first ? "\n" : ",\n")
            first = false
            t.raw("{")
            t.key("card")
            t.string(id.rawValue)
            t.raw(",")
            t.key("progress")
            cards[id]?.write(into: &t)
            t.raw("}")
        }
        t.raw("\n]}\n")
        return t.bytes
    }

    /// Reads a snapshot file; nil when it does not exist.
    /// - Throws: `.newerFormat` for a newer file, `.corrupt` for one that does not parse.
    static func read(_ path: String) throws(StorageError) -> Snapshot? {
        guard let bytes = try FileBytes.read(path) else { return nil }
        do {
            return try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in try decode(b) }
        } catch {
            // A newer recall may have written keys this one does not know: say so rather than
            // call the file damaged (it is then never rebuilt over).
            if case .object(let members)? = try? JSONValue.parse(bytes),
                case .number(let f)? = members.first(where: { $0.0 == "format" })?.1,
                f > Double(ProgressFormat.snapshot)
            {
                throw .newerFormat(path: path, found: Int(f), supported: ProgressFormat.snapshot)
            }
            throw .corrupt(path: path, line: nil, detail: "\(error)")
        }
    }

    /// - Parameter inHalves: whether a large cards array may be read on two cores (tests
    ///   compare both ways).
    static func decode(_ buffer: UnsafeBufferPointer<UInt8>, inHalves: Bool = true) throws(JSONSyntaxError) -> Snapshot
    {
        var s = JSONScanner(buffer)
        var snapshot = Snapshot(deck: "", log: .start, cards: [:])
        var seen = Set<String>()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            guard seen.insert(try key.string(at: s)).inserted else { throw s.error("repeated key") }
            if key == "format" {
                let f = try s.int()
                guard f == ProgressFormat.snapshot else { throw s.error("format \(f)") }
            } else if key == "file" {
                guard try s.string() == "recall snapshot" else { throw s.error("not a recall snapshot") }
            } else if key == "deck" {
                snapshot.deck = try s.string()
            } else if key == "log" {
                snapshot.log = try readPosition(&s)
            } else if key == "recent" {
                try s.beginArray()
                var firstAnswer = true
                while try s.nextElement(first: &firstAnswer) {
                    snapshot.recent.append(try RecentAnswer.read(from: &s))
                }
            } else if key == "cards" {
                if inHalves, buffer.count - s.position >= 1 << 20,
                    let (cards, end) = readCardsInHalves(buffer, at: s.position)
                {
                    snapshot.cards = cards
                    s = JSONScanner(buffer, at: end)
                    continue
                }
                var cards: [CardID: CardProgress] = [:]
                cards.reserveCapacity(buffer.count / 180)
                try s.beginArray()
                var firstCard = true
                while try s.nextElement(first: &firstCard) {
                    try readCard(&s, into: &cards)
                }
                snapshot.cards = cards
            } else {
                throw s.error("unknown key")
            }
        }
        try s.expectEnd()
        guard seen.isSuperset(of: ["format", "file", "deck", "log", "recent", "cards"]) else {
            throw s.error("a snapshot needs format, file, deck, log, recent and cards")
        }
        return snapshot
    }

    private static func readPosition(_ s: inout JSONScanner) throws(JSONSyntaxError) -> LogPosition {
        var p = LogPosition.start
        var count = 0
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            count += 1
            if key == "bytes" {
                p.bytes = try s.int()
            } else if key == "lines" {
                p.lines = try s.int()
            } else if key == "last" {
                p.lastID = try s.int()
            } else {
                throw s.error("unknown key in log position")
            }
        }
        guard count == 3, p.bytes >= 0, p.lines >= 0, p.lastID >= 0 else { throw s.error("bad log position") }
        return p
    }

    /// Reads one element of `cards` and adds it (the progress goes straight into the
    /// dictionary: returning it in a tuple cost a generic copy per card).
    fileprivate static func readCard(
        _ s: inout JSONScanner, into cards: inout [CardID: CardProgress]
    ) throws(JSONSyntaxError) {
        // The fast path: `{"card":…,"progress":{…}}` as `encoded()` writes it; anything else is
        // read again by the general reader, which gives the errors.
        var fast = s
        let id: CardID
        let before = cards.count
        if fast.consume(exactly: "{\"card\":"), let text = try? fast.string(), fast.consume(exactly: ",\"progress\":"),
            let progress = try? CardProgress.readAsWritten(from: &fast), fast.consume(exactly: "}")
        {
            s = fast
            id = CardID(text)
            cards[id] = progress
        } else {
            let (anyOrderID, progress) = try readCardAnyOrder(&s)
            id = anyOrderID
            cards[id] = progress
        }
        // A card listed twice replaces itself and leaves the count as it was.
        guard cards.count > before else { throw s.error("card \(id) listed twice") }
    }

    /// A large cards array read on two cores: split at the start of a card's line (`encoded()`
    /// writes one card a line), the first part read straight into the dictionary while the
    /// second is read into arrays, whose cards then join the dictionary. The first part is the
    /// smaller (two fifths), since its thread also inserts while the other only reads. Nil on any
    /// surprise (an error, a card listed twice, a split that is not between two elements): the
    /// caller then reads the array in one pass, which gives the errors. Returns the cards and
    /// the offset after the array.
    static func readCardsInHalves(
        _ buffer: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (cards: [CardID: CardProgress], end: Int)? {
        var probe = JSONScanner(buffer, at: start + (buffer.count - start) * 2 / 5)
        while probe.position < buffer.count, buffer[probe.position] != 0x0A || !probe.consume(exactly: "\n{\"card\":") {
            probe = JSONScanner(buffer, at: probe.position + 1)
        }
        guard probe.position < buffer.count else { return nil }
        let split = probe.position - 8  // the card's opening brace
        // Sized up front (about 210 bytes a card as written; a few more allowed): growing the
        // dictionary or the arrays would copy them and touch their memory twice.
        let expected = (buffer.count - start) / 180 + 64
        let halves = (CardHalf(), CardHalf())
        let shared = SharedBytes(buffer: buffer)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            if half == 0 {
                halves.0.readFirst(shared.buffer, from: start, upTo: split, expecting: expected)
            } else {
                halves.1.readRest(shared.buffer, from: split, expecting: expected - expected * 2 / 5)
            }
        }
        guard halves.0.end == split, let end = halves.1.end, var cards = halves.0.cards else { return nil }
        halves.0.cards = nil  // so that `cards` is the only reference and grows in place
        let count = cards.count + halves.1.ids.count
        cards.reserveCapacity(count)
        for (id, progress) in zip(halves.1.ids, halves.1.progress) { cards[id] = progress }
        guard cards.count == count else { return nil }
        return (cards, end)
    }

    /// Reads one card entry as `readCard` does, into two arrays.
    fileprivate static func readCard(
        _ s: inout JSONScanner, ids: inout [CardID], progress: inout [CardProgress]
    ) throws(JSONSyntaxError) {
        var fast = s
        if fast.consume(exactly: "{\"card\":"), let text = try? fast.string(), fast.consume(exactly: ",\"progress\":"),
            let p = try? CardProgress.readAsWritten(from: &fast), fast.consume(exactly: "}")
        {
            s = fast
            ids.append(CardID(text))
            progress.append(p)
        } else {
            let (id, p) = try readCardAnyOrder(&s)
            ids.append(id)
            progress.append(p)
        }
    }

    private static func readCardAnyOrder(_ s: inout JSONScanner) throws(JSONSyntaxError) -> (CardID, CardProgress) {
        var id: CardID?
        var progress: CardProgress?
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "card", id == nil {
                id = CardID(try s.string())
            } else if key == "progress", progress == nil {
                progress = try CardProgress.read(from: &s)
            } else {
                throw s.error("unknown or repeated key in a snapshot card")
            }
        }
        guard let id, let progress else { throw s.error("a snapshot card needs card and progress") }
        return (id, progress)
    }
}

/// The buffer a snapshot is read from, shared by the two threads reading its halves.
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// One part of a cards array, read by one thread; `end` is nil when it did not read cleanly.
private final class CardHalf: @unchecked Sendable {
    var ids: [CardID] = []
    var progress: [CardProgress] = []
    var end: Int?
    /// The first part's cards.
    var cards: [CardID: CardProgress]?

    /// From the array's opening bracket to `split`, the start of a later element, into the
    /// dictionary: `end` is `split` when the elements read end exactly there (a comma, then
    /// white space) and no card was listed twice.
    func readFirst(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, upTo split: Int, expecting count: Int) {
        // Locals, not properties: a class's stored properties are checked for exclusive access
        // on every `inout` use.
        var cards: [CardID: CardProgress] = [:]
        cards.reserveCapacity(count)
        var s = JSONScanner(buffer, at: start)
        guard (try? s.beginArray()) != nil else { return }
        var first = true
        while s.position < split, (try? s.nextElement(first: &first)) == true {
            guard (try? Snapshot.readCard(&s, into: &cards)) != nil else { return }
            var probe = s
            probe.skipWhitespace()
            if probe.consume(exactly: ",") {
                probe.skipWhitespace()
                if probe.position == split {
                    end = split
                    self.cards = cards
                    return
                }
            }
        }
    }

    /// From `split`, the start of an element, to the array's end: `end` is after its `]`.
    func readRest(_ buffer: UnsafeBufferPointer<UInt8>, from split: Int, expecting count: Int) {
        var ids: [CardID] = []
        var progress: [CardProgress] = []
        ids.reserveCapacity(count)
        progress.reserveCapacity(count)
        var s = JSONScanner(buffer, at: split)
        var first = true
        while true {
            guard let more = try? s.nextElement(first: &first) else { return }
            guard more else { break }
            guard (try? Snapshot.readCard(&s, ids: &ids, progress: &progress)) != nil else { return }
        }
        end = s.position
        self.ids = ids
        self.progress = progress
    }
}
