import Flashcards
import Foundation
import Scheduling

#if canImport(Glibc)
    import Glibc
#endif

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
    ///
    /// The file is mapped rather than read into fresh memory: a process reads its snapshot
    /// once, and a fresh 21 MB buffer is faulted in, zeroed and copied into page by page
    /// (Benchmarks/storage.md). A file that cannot be mapped (empty, not regular) is read the
    /// usual way, with the same errors.
    /// - Parameter mapped: whether the file may be mapped (tests compare both ways).
    static func read(_ path: String, mapped: Bool = true) throws(StorageError) -> Snapshot? {
        if mapped,
            let snapshot = try MappedFile.withBytes(
                path,
                { (b) throws(StorageError) in
                    do throws(JSONSyntaxError) {
                        return try decode(b)
                    } catch {
                        throw failure(error, in: Array(b), path: path)
                    }
                })
        {
            return snapshot
        }
        guard let bytes = try FileBytes.read(path) else { return nil }
        do {
            return try bytes.withUnsafeBufferPointer { (b) throws(JSONSyntaxError) in try decode(b) }
        } catch {
            throw failure(error, in: bytes, path: path)
        }
    }

    /// The error for a snapshot that does not decode.
    private static func failure(_ error: JSONSyntaxError, in bytes: [UInt8], path: String) -> StorageError {
        // A newer recall may have written keys this one does not know: say so rather than
        // call the file damaged (it is then never rebuilt over).
        if case .object(let members)? = try? JSONValue.parse(bytes),
            case .number(let f)? = members.first(where: { $0.0 == "format" })?.1,
            f > Double(ProgressFormat.snapshot)
        {
            return .newerFormat(path: path, found: Int(f), supported: ProgressFormat.snapshot)
        }
        return .corrupt(path: path, line: nil, detail: "\(error)")
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
    /// writes one card a line). One thread reads the first quarter straight into the
    /// dictionary, then inserts the cards the other thread reads from the rest, batch by batch
    /// as they come (`CardBatches`), so little is left to insert once the reading ends. Nil on any
    /// surprise (an error, a card listed twice, a split that is not between two elements): the
    /// caller then reads the array in one pass, which gives the errors. Returns the cards and
    /// the offset after the array.
    static func readCardsInHalves(
        _ buffer: UnsafeBufferPointer<UInt8>, at start: Int
    ) -> (cards: [CardID: CardProgress], end: Int)? {
        var probe = JSONScanner(buffer, at: start + (buffer.count - start) / 4)
        while probe.position < buffer.count, buffer[probe.position] != 0x0A || !probe.consume(exactly: "\n{\"card\":") {
            probe = JSONScanner(buffer, at: probe.position + 1)
        }
        guard probe.position < buffer.count else { return nil }
        let split = probe.position - 8  // the card's opening brace
        // Sized up front (about 210 bytes a card as written; a few more allowed): growing it
        // would copy it and touch its memory twice.
        let expected = (buffer.count - start) / 180 + 64
        // Room for the most cards the rest can hold (40 bytes is less than any card takes);
        // only the part used is ever touched.
        let batches = CardBatches(capacity: (buffer.count - split) / 40 + 64)
        let first = CardHalf(reserving: expected)
        let pages = first.cards.flatMap(StoragePages.init)
        let shared = SharedBytes(buffer: buffer)
        // A thread of its own for the reader, not `concurrentPerform`: that may run both parts
        // one after the other on one thread (one core, a busy pool), and this thread waits for
        // the reader's batches.
        let readerDone = DispatchSemaphore(value: 0)
        let reader = Thread {
            pages?.populate()
            batches.read(shared.buffer, from: split)
            readerDone.signal()
        }
        reader.start()
        first.readFirst(buffer, from: start, upTo: split)
        if first.end == split { first.insert(from: batches) } else { batches.abandon() }
        readerDone.wait()
        guard first.end == split, let end = batches.end, let cards = first.cards, first.inserted == batches.count
        else { return nil }
        return (cards, end)
    }

    /// Reads one card entry as `readCard` does, initializing `id` and `progress`.
    fileprivate static func readCard(
        _ s: inout JSONScanner, id: UnsafeMutablePointer<CardID>, progress: UnsafeMutablePointer<CardProgress>
    ) throws(JSONSyntaxError) {
        var fast = s
        if fast.consume(exactly: "{\"card\":"), let text = try? fast.string(), fast.consume(exactly: ",\"progress\":"),
            let p = try? CardProgress.readAsWritten(from: &fast), fast.consume(exactly: "}")
        {
            s = fast
            id.initialize(to: CardID(text))
            progress.initialize(to: p)
        } else {
            let (anyOrderID, p) = try readCardAnyOrder(&s)
            id.initialize(to: anyOrderID)
            progress.initialize(to: p)
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

/// The memory of a dictionary's storage, faulted in by the reader thread while the other
/// thread inserts: a fresh 100,000-card dictionary is 31 MB of pages, each faulted in and
/// zeroed on its first insert, on the thread that also inserts all the reader's cards.
/// `MADV_POPULATE_WRITE` (Linux 5.14) faults them in at once and changes no byte; on an older
/// kernel it fails and the inserts fault them in as before.
private struct StoragePages: @unchecked Sendable {
    let start: UnsafeMutableRawPointer
    let count: Int

    /// Nil when the dictionary is not one native storage object (then nothing is populated).
    init?(_ dictionary: [CardID: CardProgress]) {
        guard MemoryLayout<[CardID: CardProgress]>.size == MemoryLayout<UnsafeMutableRawPointer>.size,
            dictionary.capacity > 0
        else { return nil }
        // The storage object is one allocation: its header, then the bucket bitmap, the keys
        // and the values, of a power of two of buckets at most 3/4 full; the keys and values
        // alone are less than the whole.
        let object = unsafeBitCast(dictionary, to: UnsafeMutableRawPointer.self)
        var buckets = 1
        while buckets * 3 / 4 < dictionary.capacity { buckets *= 2 }
        let size = buckets * (MemoryLayout<CardID>.stride + MemoryLayout<CardProgress>.stride)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: object) + page - 1) / page * page
        let end = (Int(bitPattern: object) + size) / page * page
        guard end > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return nil }
        self.start = start
        count = end - first
    }

    func populate() {
        let populateWrite: Int32 = 23  // MADV_POPULATE_WRITE, not in every Glibc's headers
        _ = madvise(start, count, populateWrite)
    }
}

/// The buffer a snapshot is read from, shared by the two threads reading its halves.
private struct SharedBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
}

/// The first part of a cards array, read by one thread into the dictionary.
private final class CardHalf: @unchecked Sendable {
    var end: Int?
    var cards: [CardID: CardProgress]?
    /// How many of the other part's cards `insert` took.
    var inserted = 0

    /// Sized up front: growing the dictionary would copy it and touch its memory twice.
    init(reserving count: Int) {
        var cards: [CardID: CardProgress] = [:]
        cards.reserveCapacity(count)
        self.cards = cards
    }

    /// From the array's opening bracket to `split`, the start of a later element, into the
    /// dictionary: `end` is `split` when the elements read end exactly there (a comma, then
    /// white space) and no card was listed twice.
    func readFirst(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, upTo split: Int) {
        // Locals, not properties: a class's stored properties are checked for exclusive access
        // on every `inout` use. Taken out, so that `cards` is the only reference.
        guard var cards = self.cards.take() else { return }
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

    /// Inserts the other part's cards as `batches` publishes them, until it is done; stops at
    /// a card listed twice (the count then falls short, and the caller reads in one pass).
    func insert(from batches: CardBatches) {
        guard var cards else { return }
        self.cards = nil  // so that `cards` is the only reference and grows in place
        var done = 0
        while true {
            let (ready, finished) = batches.published()
            while done < ready {
                let before = cards.count
                cards[(batches.ids + done).move()] = (batches.progress + done).move()
                done += 1
                guard cards.count > before else {
                    batches.taken(upTo: done)
                    batches.abandon()
                    return
                }
            }
            batches.taken(upTo: done)
            if finished { break }
            batches.waitForMore()
        }
        inserted = done
        self.cards = cards
    }
}

/// The rest of a cards array, read by one thread into a buffer that the other thread empties
/// into the dictionary batch by batch as it fills. `published` counts the cards ready for
/// taking; the lock orders the writes of the cards before their publication.
private final class CardBatches: @unchecked Sendable {
    static let batch = 2048
    let ids: UnsafeMutablePointer<CardID>
    let progress: UnsafeMutablePointer<CardProgress>
    private let capacity: Int
    private let lock = NSLock()
    private let more = DispatchSemaphore(value: 0)
    private var ready = 0
    private var finished = false
    private var abandoned = false
    /// How many cards the reader took out (moved) so far; the rest are deinitialized here.
    private var taken = 0
    /// How many cards were read, and the offset after the array (nil: not read cleanly).
    private(set) var count = 0
    private(set) var end: Int?

    init(capacity: Int) {
        self.capacity = capacity
        ids = .allocate(capacity: capacity)
        progress = .allocate(capacity: capacity)
    }

    deinit {
        (ids + taken).deinitialize(count: count - taken)
        (progress + taken).deinitialize(count: count - taken)
        ids.deallocate()
        progress.deallocate()
    }

    /// From `split`, the start of an element, to the array's end: `end` is after its `]`.
    func read(_ buffer: UnsafeBufferPointer<UInt8>, from split: Int) {
        var s = JSONScanner(buffer, at: split)
        var first = true
        var n = 0
        defer {
            lock.lock()
            count = n
            ready = n
            finished = true
            if abandoned { end = nil }
            lock.unlock()
            more.signal()
        }
        while true {
            guard let another = try? s.nextElement(first: &first) else { return }
            guard another else { break }
            guard n < capacity, (try? Snapshot.readCard(&s, id: ids + n, progress: progress + n)) != nil else { return }
            n += 1
            if n % Self.batch == 0 {
                lock.lock()
                ready = n
                count = n
                let stop = abandoned
                lock.unlock()
                more.signal()
                if stop { return }
            }
        }
        lock.lock()
        end = abandoned ? nil : s.position
        lock.unlock()
    }

    /// How many cards are ready, and whether the reading has ended.
    func published() -> (ready: Int, finished: Bool) {
        lock.lock()
        defer { lock.unlock() }
        return (ready, finished)
    }

    func waitForMore() { more.wait() }

    /// The cards before `n` were moved out.
    func taken(upTo n: Int) {
        lock.lock()
        taken = n
        lock.unlock()
    }

    /// The reader gave up: the cards read need not be read further.
    func abandon() {
        lock.lock()
        abandoned = true
        lock.unlock()
    }
}
