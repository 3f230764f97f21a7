import Flashcards
import Foundation
import Scheduling

#if canImport(Glibc)
    import Glibc
#endif

/// One deck's progress, opened for study: the one code path the REPL and `recall review` share.
///
/// Opening takes the deck's lock and replays its files; each answer goes through the scheduler,
/// is appended to the review log and flushed to disk before `answer` returns, and only then
/// changes the progress in memory. `close()` writes the snapshot and gives the lock back.
public final class DeckProgress {
    public let name: DeckName
    /// The deck's cards. Not available on progress opened `withoutDeck` (asking is a
    /// programming error): that one knows the cards only through the study index.
    public var deck: Deck {
        guard let loadedDeck else { preconditionFailure("the progress of '\(name.slug)' was opened without its deck") }
        return loadedDeck
    }
    public let settings: DeckSettings
    public let scheduler: Scheduler
    public let paths: ProgressPaths
    /// Every card's progress, orphans included; a card missing here is new.
    public var progress: [CardID: CardProgress] {
        guard let base = progressBase else { return known }
        var all: [CardID: CardProgress] = [:]
        all.reserveCapacity(base.progressCount + known.count)
        for j in 0..<base.progressCount { all[base.progressID(j)] = base.progress(j) }
        all.merge(known) { $1 }
        return all
    }
    /// Every card's progress; opened `withoutDeck`, only what changed since `progressBase`.
    private var known: [CardID: CardProgress]
    /// The study index whose progress records `known` completes, when opened `withoutDeck`.
    private var progressBase: StudyIndex?
    /// What was repaired or skipped while loading (a torn last line, a rebuilt snapshot).
    public let warnings: [StorageWarning]
    public let timeZone: TimeZone

    private let clock: any Clock
    /// The injected generator for fuzz; nil draws it from the card and the time (`ReviewFuzz`),
    /// so the log alone reproduces every due date.
    private var random: (any RandomNumberGenerator)?
    private var lock: DeckLock?
    private var writer: ReviewLogWriter?
    private var end: LogPosition
    private var snapshotCovers: LogPosition?
    private var recent: [RecentAnswer]
    private var undoable: [LogEntry]
    private let cardIndex: [CardID: Int]
    private let loadedDeck: Deck?
    /// The study index this progress was opened from, when opened `withoutDeck`: the cards.
    private var index: StudyIndex?
    /// The deck file as it was read, for the study index; nil when it is not known (a deck
    /// passed in, or one replaced while it was read).
    private let deckIdentity: FileIdentity?
    /// The deck file, to tell whether it is still the one `deckIdentity` describes.
    private let deckPath: String

    /// Opens a deck's progress for study, taking its lock.
    /// - Parameters:
    ///   - lockWait: how long to wait for another process to finish with the deck; a session
    ///     waits 0 (and is refused at once), a one-shot `recall review` briefly.
    ///   - random: the generator for interval fuzz; nil seeds it from each card and time.
    ///   - withoutDeck: open from the study index when it is current, without reading the deck
    ///     or the snapshot (for one answer: less memory and time); `deck`, `card`, `queue`
    ///     and `orphans` are then unavailable. Without a current index the files are read.
    /// - Throws: `StorageError` (missing deck, lock held, damage, newer format).
    public static func open(
        home: DataHome, deck name: DeckName, clock: any Clock = SystemClock(),
        random: (any RandomNumberGenerator)? = nil, timeZone: TimeZone = .current, lockWait: TimeInterval = 0,
        withoutDeck: Bool = false
    ) throws -> DeckProgress {
        let store = DeckStore(home: home)
        let deckPath = store.url(for: name).path
        if withoutDeck, FileBytes.exists(ProgressPaths(home: home, deck: name).studyIndex),
            let progress = try openFromIndex(
                name: name, paths: ProgressPaths(home: home, deck: name), deckPath: deckPath, clock: clock,
                random: random, timeZone: timeZone, lockWait: lockWait)
        {
            return progress
        }
        let deckBefore = FileIdentity.of(deckPath)
        let deck = try store.load(name)
        let deckIdentity = FileIdentity.of(deckPath) == deckBefore ? deckBefore : nil
        let paths = ProgressPaths(home: home, deck: name)
        do {
            try FileManager.default.createDirectory(at: paths.directory, withIntermediateDirectories: true)
        } catch {
            throw StorageError.io(path: paths.directory.path, detail: error.localizedDescription)
        }
        let lock = try DeckLock(path: paths.lock, wait: lockWait)
        // Read only once the lock is held: another process may have answered until just now.
        let replay = try ProgressReplay.load(paths)
        let settings = try SettingsFile.load(paths.settings)
        let writer = try ReviewLogWriter(path: paths.log, deck: name, end: replay.end, tornPath: paths.torn)
        var end = replay.end
        if end.bytes == 0 { end = LogPosition(bytes: writer.length, lines: 1, lastID: 0) }
        return try DeckProgress(
            name: name, deck: deck, settings: settings, paths: paths, replay: replay, end: end, clock: clock,
            random: random, timeZone: timeZone, lock: lock, writer: writer, deckIdentity: deckIdentity,
            deckPath: deckPath)
    }

    /// `open` from the study index; nil (the lock given back) when the index is not current.
    private static func openFromIndex(
        name: DeckName, paths: ProgressPaths, deckPath: String, clock: any Clock,
        random: (any RandomNumberGenerator)?, timeZone: TimeZone, lockWait: TimeInterval
    ) throws -> DeckProgress? {
        let lock = try DeckLock(path: paths.lock, wait: lockWait)
        guard let indexed = IndexedProgress.open(paths: paths, deckPath: deckPath) else {
            lock.release()
            return nil
        }
        var replay = ProgressReplay()
        replay.progress = indexed.changed
        replay.recent = indexed.recent
        replay.undoable = indexed.undoable
        replay.end = indexed.end
        replay.snapshotCovers = indexed.index.basis.snapshotCovers
        replay.warnings = indexed.warnings
        let settings = try SettingsFile.load(paths.settings)
        let writer = try ReviewLogWriter(path: paths.log, deck: name, end: replay.end, tornPath: paths.torn)
        var end = replay.end
        if end.bytes == 0 { end = LogPosition(bytes: writer.length, lines: 1, lastID: 0) }
        return try DeckProgress(
            name: name, deck: nil, index: indexed.index, settings: settings, paths: paths, replay: replay, end: end,
            clock: clock, random: random, timeZone: timeZone, lock: lock, writer: writer,
            deckIdentity: indexed.index.basis.deck, deckPath: deckPath)
    }

    /// Reads a deck's progress without taking the lock, for listings and reports; it cannot
    /// answer. It changes no progress file (a torn last line is only skipped); it writes the
    /// study index when that was missing or stale (best effort).
    public static func read(
        home: DataHome, deck name: DeckName, deck: Deck? = nil, clock: any Clock = SystemClock(),
        timeZone: TimeZone = .current
    ) throws -> DeckProgress {
        try read(home: home, deck: name, deck: deck, clock: clock, timeZone: timeZone, index: .ifStale)
    }

    /// When a full read writes the study index.
    enum IndexWrite {
        /// At once, when it is missing or stale.
        case ifStale
        /// Not now: `writePendingIndex` writes it (the caller found it unusable, and has output
        /// to give first).
        case later
    }

    static func read(
        home: DataHome, deck name: DeckName, deck: Deck? = nil, clock: any Clock = SystemClock(),
        timeZone: TimeZone = .current, index: IndexWrite
    ) throws -> DeckProgress {
        let paths = ProgressPaths(home: home, deck: name)
        let deckPath = DeckStore(home: home).url(for: name).path
        let before = deck == nil ? StudyIndex.basisBeforeReading(paths: paths, deckPath: deckPath) : nil
        let deck = try deck ?? DeckStore(home: home).load(name)
        let replay = try ProgressReplay.load(paths)
        let settings = try SettingsFile.load(paths.settings)
        let progress = try DeckProgress(
            name: name, deck: deck, settings: settings, paths: paths, replay: replay, end: replay.end, clock: clock,
            random: nil, timeZone: timeZone, lock: nil, writer: nil, deckIdentity: before?.deck, deckPath: deckPath)
        if let before, replay.warnings.isEmpty, FileBytes.exists(paths.directory.path),
            let basis = StudyIndex.basis(
                before, readTo: replay.end, snapshotCovers: replay.snapshotCovers, paths: paths, deckPath: deckPath),
            index == .later || !Self.indexFits(StudyIndex.peekBasis(paths.studyIndex), basis)
        {
            if index == .later { progress.pendingIndex = basis } else { progress.writeIndex(basis: basis) }
        }
        return progress
    }

    /// The basis of an index a `read(index: .later)` has yet to write.
    private var pendingIndex: StudyIndex.Basis?

    /// Writes the study index a `read(index: .later)` left for later, if any (best effort).
    func writePendingIndex() {
        guard let basis = pendingIndex else { return }
        pendingIndex = nil
        writeIndex(basis: basis)
    }

    /// Whether an index with basis `old` is a usable base for the files `current` describes:
    /// the same deck, snapshot and log, covering no more of the log than there is.
    private static func indexFits(_ old: StudyIndex.Basis?, _ current: StudyIndex.Basis) -> Bool {
        guard let old else { return false }
        return old.deck == current.deck && old.logDevice == current.logDevice
            && old.logInode == current.logInode && old.log.bytes <= current.log.bytes
    }

    /// Writes the study index of this progress (best effort).
    private func writeIndex(basis: StudyIndex.Basis) {
        let now = clock.now
        let recent = recent.filter { now.timeIntervalSince($0.answer.time) < RecentAnswer.window }
        if let loadedDeck {
            StudyIndex.write(deck: loadedDeck, progress: progress, recent: recent, basis: basis, to: paths.studyIndex)
        } else {
            index?.rewrite(progress: known, over: progressBase, recent: recent, basis: basis, to: paths.studyIndex)
        }
    }

    /// The basis of an index of this progress as it is now, when the files allow one: not
    /// when the deck file was rewritten since it was read (a card edited in a session, whose
    /// save brought the index up to date; an index of the old cards would undo that).
    private func currentIndexBasis() -> StudyIndex.Basis? {
        guard let deckIdentity, FileIdentity.of(deckPath) == deckIdentity, let log = FileIdentity.of(paths.log),
            let fingerprint = StudyIndex.fingerprint(paths.log, end: end.bytes)
        else { return nil }
        return StudyIndex.Basis(
            deck: deckIdentity, snapshotCovers: snapshotCovers, logDevice: log.device, logInode: log.inode,
            log: end, logFingerprint: fingerprint)
    }

    /// The end of the log as read.
    var logEnd: LogPosition { end }

    /// The answers the study queue needs (today's limits and siblings).
    var recentAnswers: [StudyAnswer] { recent.map(\.answer) }

    private init(
        name: DeckName, deck: Deck?, index: StudyIndex? = nil, settings: DeckSettings, paths: ProgressPaths,
        replay: ProgressReplay,
        end: LogPosition, clock: any Clock, random: (any RandomNumberGenerator)?, timeZone: TimeZone,
        lock: DeckLock?, writer: ReviewLogWriter?, deckIdentity: FileIdentity?, deckPath: String
    ) throws {
        self.deckIdentity = deckIdentity
        self.deckPath = deckPath
        self.name = name
        loadedDeck = deck
        self.index = index
        progressBase = index
        self.settings = settings
        do { scheduler = try settings.makeScheduler() } catch {
            throw StorageError.corrupt(path: paths.settings, line: nil, detail: "\(error)")
        }
        self.paths = paths
        known = replay.progress
        warnings = replay.warnings
        self.end = end
        snapshotCovers = replay.snapshotCovers
        recent = replay.recent
        undoable = replay.undoable
        self.clock = clock
        self.random = random
        self.timeZone = timeZone
        self.lock = lock
        self.writer = writer
        var index: [CardID: Int] = [:]
        index.reserveCapacity(deck?.cards.count ?? 0)
        for (i, card) in (deck?.cards ?? []).enumerated() { index[card.id] = i }
        cardIndex = index
    }

    deinit { writer?.close() }

    /// Whether this value may change the deck's progress (it holds the lock).
    public var isWritable: Bool { writer != nil }

    // MARK: What to study

    /// The study queue now: what is due, in the order to show it.
    /// - Parameter cards: a subset of the deck in deck order, for a caller that knows which
    ///   cards can be due today (the REPL, between a rating and the next card); the whole deck
    ///   when nil.
    public func queue(at time: Date? = nil, among cards: [Card]? = nil) -> StudyQueue {
        StudyQueue(
            cards: cards ?? deck.cards, progress: progress, answers: recent.map(\.answer), settings: settings,
            now: time ?? clock.now, timeZone: timeZone)
    }

    /// The card to show next, if any is due.
    public func nextCard(at time: Date? = nil) -> Card? {
        queue(at: time).next.flatMap { card($0.cardID) }
    }

    /// The card with this id; nil when the deck has none (or on progress opened `withoutDeck`).
    public func card(_ id: CardID) -> Card? { cardIndex[id].map { deck.cards[$0] } }

    /// Whether the deck has a card with this id.
    private func hasCard(_ id: CardID) -> Bool {
        if let index { return !index.positions(of: id).isEmpty }
        return cardIndex[id] != nil
    }

    /// The progress of a card (new when never answered).
    public func progress(of id: CardID) -> CardProgress {
        if let p = known[id] { return p }
        if let base = progressBase, let j = base.progressRecord(of: id) { return base.progress(j) }
        return .new
    }

    /// The schedule each rating would give the card now, for the REPL to show.
    public func preview(_ id: CardID, at time: Date? = nil) -> [Rating: CardSchedule] {
        scheduler.preview(progress(of: id).schedule, at: time ?? clock.now)
    }

    /// Cards with progress that the deck no longer has (removed when it was rebuilt). Their
    /// history is kept; they come back with it if a rebuild brings their question back.
    public var orphans: [CardID] { progress.keys.filter { !hasCard($0) }.sorted() }

    // MARK: Changing progress

    /// Answers a card: schedules it, appends the review to the log and flushes it to disk,
    /// and only then updates the progress in memory.
    /// - Parameters:
    ///   - duration: milliseconds the learner took, when known.
    ///   - time: the moment of the answer (the clock's now when nil), kept to the millisecond.
    /// - Returns: the saved entry: `after.schedule?.due` is when the card comes back.
    @discardableResult
    public func answer(_ id: CardID, rating: Rating, duration: Int? = nil, at time: Date? = nil) throws -> LogEntry {
        let writer = try requireWriter()
        guard hasCard(id) else { throw StorageError.unknownCard(id: id.rawValue, deck: name.slug) }
        let time = Timestamp.truncated(time ?? clock.now)
        let before = progress(of: id)
        var after = before
        if var rng = random {
            after.record(rating, at: time, scheduler: scheduler, leech: settings.leechPolicy, using: &rng)
            random = rng
        } else {
            var rng = ReviewFuzz.generator(for: id, at: time)
            after.record(rating, at: time, scheduler: scheduler, leech: settings.leechPolicy, using: &rng)
        }
        after.normalizeTimes()
        let entry = LogEntry(
            id: end.lastID + 1, kind: .review, card: id, time: time, rating: rating,
            duration: duration.map { max(0, $0) },
            before: before, after: after)
        try append(entry, with: writer)
        recent.append(
            RecentAnswer(
                id: entry.id,
                answer: StudyAnswer(cardID: id, time: time, rating: rating, stateBefore: before.schedule?.state)))
        undoable.append(entry)
        return entry
    }

    /// Takes back the latest answer not yet taken back: its card gets its earlier progress
    /// again. The log keeps both lines and an `undo` line after them.
    /// - Throws: `StorageError.nothingToUndo` when no answer of this session (or since the
    ///   last snapshot) is left, or the card changed since (suspended, answered).
    @discardableResult
    public func undo(at time: Date? = nil) throws -> LogEntry {
        let writer = try requireWriter()
        guard let last = undoable.last, progress(of: last.card) == last.after else {
            throw StorageError.nothingToUndo
        }
        let entry = LogEntry(
            id: end.lastID + 1, kind: .undo, card: last.card, time: Timestamp.truncated(time ?? clock.now),
            undoes: last.id, before: last.after, after: last.before)
        try append(entry, with: writer)
        undoable.removeLast()
        recent.removeAll { $0.id == last.id }
        return entry
    }

    /// Takes a card out of study until `unsuspend`.
    @discardableResult
    public func suspend(_ id: CardID, at time: Date? = nil) throws -> LogEntry {
        try change(id, .suspend, at: time) { p, _ in p.suspend() }
    }

    @discardableResult
    public func unsuspend(_ id: CardID, at time: Date? = nil) throws -> LogEntry {
        try change(id, .unsuspend, at: time) { p, _ in p.unsuspend() }
    }

    /// Hides a card until the next study day.
    @discardableResult
    public func bury(_ id: CardID, at time: Date? = nil) throws -> LogEntry {
        let cutoff = settings.cutoff(in: timeZone)
        return try change(id, .bury, at: time) { p, now in p.bury(today: cutoff.day(containing: now)) }
    }

    @discardableResult
    public func unbury(_ id: CardID, at time: Date? = nil) throws -> LogEntry {
        try change(id, .unbury, at: time) { p, _ in p.unbury() }
    }

    private func change(
        _ id: CardID, _ kind: LogEntry.Kind, at time: Date?, _ body: (inout CardProgress, Date) -> Void
    ) throws -> LogEntry {
        let writer = try requireWriter()
        guard hasCard(id) else { throw StorageError.unknownCard(id: id.rawValue, deck: name.slug) }
        let time = Timestamp.truncated(time ?? clock.now)
        let before = progress(of: id)
        var after = before
        body(&after, time)
        let entry = LogEntry(id: end.lastID + 1, kind: kind, card: id, time: time, before: before, after: after)
        try append(entry, with: writer)
        return entry
    }

    private func append(_ entry: LogEntry, with writer: ReviewLogWriter) throws {
        try writer.append(entry)
        end = LogPosition(bytes: writer.length, lines: end.lines + 1, lastID: entry.id)
        known[entry.card] = entry.after
    }

    /// Appends reviews built by `merge` (ids following the log's) with one flush for them all.
    func appendBatch(_ entries: [LogEntry]) throws {
        let writer = try requireWriter()
        try writer.append(entries)
        end = LogPosition(bytes: writer.length, lines: end.lines + entries.count, lastID: end.lastID + entries.count)
        for entry in entries {
            known[entry.card] = entry.after
            recent.append(RecentAnswer(review: entry))
            undoable.append(entry)
        }
    }

    /// Replaces the whole log with `entries` (numbered from 1): written to a temporary file
    /// beside it and flushed, the snapshot removed (it describes the old log), renamed over the
    /// log, then the snapshot written anew. Until the rename the old log is untouched.
    func rewriteLog(_ entries: [LogEntry]) throws {
        let old = try requireWriter()
        var bytes = ProgressFormat.logHeader(deck: name)
        bytes.reserveCapacity(entries.count * 400)
        for entry in entries { bytes += entry.line() }
        let log = URL(fileURLWithPath: paths.log)
        try AtomicFile.write(Data(bytes), to: log) {
            // A snapshot that outlived the rename could happen to fit the new log's lines.
            _ = unlink(paths.snapshot)
            snapshotCovers = nil
        }
        old.close()
        let newEnd = LogPosition(bytes: bytes.count, lines: entries.count + 1, lastID: entries.count)
        writer = try ReviewLogWriter(path: paths.log, deck: name, end: newEnd, tornPath: paths.torn)
        var replay = ProgressReplay()
        for (index, entry) in entries.enumerated() { replay.apply(entry, line: index + 2) }
        end = newEnd
        known = replay.progress
        progressBase = nil
        let now = clock.now
        recent = replay.recent.filter { now.timeIntervalSince($0.answer.time) < RecentAnswer.window }
        // Undo reaches back only to answers in the log as it was; none survive a rewrite.
        undoable = []
        try writeSnapshot()
    }

    private func requireWriter() throws -> ReviewLogWriter {
        guard let writer else {
            throw StorageError.io(path: paths.log, detail: "progress was opened read-only")
        }
        return writer
    }

    // MARK: History and closing

    /// Every entry of the log in order (undone reviews included, followed by their undo).
    public func history() throws -> [LogEntry] {
        var entries: [LogEntry] = []
        try forEachLogEntry { entries.append($0) }
        return entries
    }

    /// Streams the whole log, for statistics over large histories without holding it all.
    public func forEachLogEntry(_ body: (LogEntry) throws -> Void) throws {
        _ = try ReviewLogReader.scan(paths.log, after: nil, body)
    }

    /// Writes the snapshot now (the log stays whole): later loads replay only what follows.
    public func writeSnapshot() throws {
        _ = try requireWriter()
        let now = clock.now
        let snapshot = Snapshot(
            deck: name.slug, log: end, cards: progress,
            recent: recent.filter { now.timeIntervalSince($0.answer.time) < RecentAnswer.window })
        var bytes = snapshot.encoded()
        // Written from the encoded bytes in place: a copy would double the memory it takes.
        try bytes.withUnsafeMutableBytes { b in
            try AtomicFile.write(
                Data(bytesNoCopy: b.baseAddress!, count: b.count, deallocator: .none),
                to: URL(fileURLWithPath: paths.snapshot))
        }
        snapshotCovers = end
    }

    /// How many log lines the snapshot on disk is behind.
    public var entriesSinceSnapshot: Int { end.lastID - (snapshotCovers?.lastID ?? 0) }

    /// Ends the session: writes the snapshot when the log moved past it (or, with
    /// `snapshotAfter`, only once it is that many entries behind), then gives the lock back.
    public func close(snapshotAfter threshold: Int = 1) throws {
        guard writer != nil else { return }
        defer {
            writer?.close()
            writer = nil
            lock?.release()
            lock = nil
        }
        if entriesSinceSnapshot >= max(1, threshold) {
            if progressBase != nil {
                // Opened without the deck: the new index first (from the old one, which it then
                // no longer needs), so the old index, all progress and the snapshot's bytes are
                // not in memory at once. The index's note of what the snapshot covers is advice.
                if var basis = currentIndexBasis() {
                    basis.snapshotCovers = end
                    writeIndex(basis: basis)
                }
                known = progress
                progressBase = nil
                index = nil
                try writeSnapshot()
                return
            }
            try writeSnapshot()
            if let basis = currentIndexBasis() { writeIndex(basis: basis) }
        } else if let basis = currentIndexBasis(), !Self.indexFits(StudyIndex.peekBasis(paths.studyIndex), basis) {
            writeIndex(basis: basis)
        }
    }
}

extension CardProgress {
    /// Cuts the schedule's times to whole milliseconds, as the files keep them, so the
    /// progress in memory is exactly what a reload gives.
    mutating func normalizeTimes() {
        guard var s = schedule else { return }
        s.due = Timestamp.truncated(s.due)
        s.lastReview = s.lastReview.map(Timestamp.truncated)
        schedule = s
    }
}
