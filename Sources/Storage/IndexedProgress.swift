import Flashcards
import Foundation
import Scheduling

/// A deck's progress read from its study index and the review log after it: the same
/// progress a full load gives, without parsing the deck or the snapshot.
struct IndexedProgress {
    let index: StudyIndex
    /// The progress of cards changed in the log after the index, by id.
    var changed: [CardID: CardProgress]
    var recent: [RecentAnswer]
    /// Reviews after the index that were not undone, newest last.
    var undoable: [LogEntry]
    var end: LogPosition
    var warnings: [StorageWarning]
    /// The changed cards by position in deck order.
    let changedAt: [Int: CardProgress]

    /// Nil when there is no usable index: missing, damaged, of another version, stale, or the
    /// log after it does not follow on (the caller then loads the JSON files).
    static func open(paths: ProgressPaths, deckPath: String) -> IndexedProgress? {
        guard case .success(let index) = StudyIndex.read(paths.studyIndex),
            index.isCurrent(paths: paths, deckPath: deckPath)
        else { return nil }
        var replay = ProgressReplay()
        replay.recent = (0..<index.recentCount).map(index.recent)
        let covered = index.basis.log
        var line = covered.lines
        do {
            let result = try ReviewLogReader.scan(paths.log, after: covered.bytes == 0 ? nil : covered) { entry in
                line += 1
                replay.apply(entry, line: line)
            }
            replay.end = result.end
            replay.warnings = result.warnings
        } catch { return nil }
        // The tail must have come from the log the index describes, not one renamed over it
        // while it was read.
        let log = FileIdentity.of(paths.log)
        let basis = index.basis
        let sameLog =
            basis.logInode == 0
            ? log == nil : log.map { $0.device == basis.logDevice && $0.inode == basis.logInode } ?? false
        guard sameLog else { return nil }
        return IndexedProgress(index: index, replay: replay)
    }

    private init(index: StudyIndex, replay: ProgressReplay) {
        self.index = index
        changed = replay.progress
        recent = replay.recent
        undoable = replay.undoable
        end = replay.end
        warnings = replay.warnings
        var at: [Int: CardProgress] = [:]
        for (id, p) in replay.progress {
            for i in index.positions(of: id) { at[i] = p }
        }
        changedAt = at
    }

    /// The progress of the card at position `i` in deck order; nil when it is new.
    func progress(ofCard i: Int) -> CardProgress? {
        if !changedAt.isEmpty, let p = changedAt[i] { return p }
        return index.progressRecord(ofCard: i).map(index.progress)
    }

    /// The progress of any card, orphans included; nil when it is new.
    func progress(of id: CardID) -> CardProgress? {
        if let p = changed[id] { return p }
        return index.progressRecord(of: id).map(index.progress)
    }

    /// The deck as the study queue reads it.
    var cardSource: CardSource {
        let index = index
        let this = self
        return CardSource(
            count: index.cardCount, id: index.cardID, progress: this.progress(ofCard:), isKeypoint: index.isKeypoint,
            section: { i in
                let s = index.section(i)
                return s == 0 ? nil : Int(s)
            }, sameSection: { index.section($0) == index.section($1) },
            positions: { ids in ids.flatMap(index.positions(of:)).sorted() })
    }
}

/// What `recall due` lists: a deck's study queue and the questions of its cards, read from
/// the study index when it is current and from the JSON files otherwise (the same answer
/// either way; the index is then written for next time).
public final class StudyListing {
    /// What was repaired or skipped while loading (a torn last line, a rebuilt snapshot).
    public let warnings: [StorageWarning]
    /// Whether the study index answered (false: the deck and progress files were read).
    public let usedIndex: Bool
    /// How far into the review log the listing reaches.
    let logEnd: LogPosition
    private let cards: CardSource
    private let answers: [StudyAnswer]
    private let settings: DeckSettings
    private let clock: any Clock
    private let timeZone: TimeZone
    private let frontOf: (CardID) -> String?
    private let frontsOf: ([CardID]) -> [String?]
    /// Writes the study index when this listing had to read the files instead (best effort):
    /// call it once the listing is out, so the first run does not wait for it.
    public let saveIndex: () -> Void

    /// - Throws: `StorageError`, exactly as `DeckProgress.read` does.
    public static func read(
        home: DataHome, deck name: DeckName, clock: any Clock = SystemClock(), timeZone: TimeZone = .current
    ) throws -> StudyListing {
        let paths = ProgressPaths(home: home, deck: name)
        let deckPath = DeckStore(home: home).url(for: name).path
        if let indexed = IndexedProgress.open(paths: paths, deckPath: deckPath),
            let settings = try? SettingsFile.load(paths.settings), (try? settings.makeScheduler()) != nil
        {
            let index = indexed.index
            return StudyListing(
                warnings: indexed.warnings, usedIndex: true, logEnd: indexed.end, cards: indexed.cardSource,
                answers: indexed.recent.map(\.answer), settings: settings, clock: clock, timeZone: timeZone,
                frontOf: { id in index.positions(of: id).last.map(index.front) },
                frontsOf: { ids in Self.fronts(of: ids, in: index) }, saveIndex: {})
        }
        let progress = try DeckProgress.read(home: home, deck: name, clock: clock, timeZone: timeZone, index: .later)
        return StudyListing(
            warnings: progress.warnings, usedIndex: false, logEnd: progress.logEnd,
            cards: CardSource(progress.deck.cards, progress: progress.progress),
            answers: progress.recentAnswers, settings: progress.settings, clock: clock, timeZone: timeZone,
            frontOf: { progress.card($0)?.front }, frontsOf: { $0.map { progress.card($0)?.front } },
            saveIndex: progress.writePendingIndex)
    }

    private init(
        warnings: [StorageWarning], usedIndex: Bool, logEnd: LogPosition, cards: CardSource, answers: [StudyAnswer],
        settings: DeckSettings, clock: any Clock, timeZone: TimeZone, frontOf: @escaping (CardID) -> String?,
        frontsOf: @escaping ([CardID]) -> [String?], saveIndex: @escaping () -> Void
    ) {
        self.saveIndex = saveIndex
        self.frontsOf = frontsOf
        self.warnings = warnings
        self.usedIndex = usedIndex
        self.logEnd = logEnd
        self.cards = cards
        self.answers = answers
        self.settings = settings
        self.clock = clock
        self.timeZone = timeZone
        self.frontOf = frontOf
    }

    /// The study queue now (or at `time`), as `DeckProgress.queue` gives it.
    public func queue(at time: Date? = nil) -> StudyQueue {
        StudyQueue(cards: cards, answers: answers, settings: settings, now: time ?? clock.now, timeZone: timeZone)
    }

    /// A card's question; nil for an id the deck does not have.
    public func front(of id: CardID) -> String? { frontOf(id) }

    /// The questions of many cards at once (nil for an id the deck does not have): one pass
    /// over the index rather than a search per card.
    public func fronts(of ids: [CardID]) -> [String?] { frontsOf(ids) }

    private static func fronts(of ids: [CardID], in index: StudyIndex) -> [String?] {
        if ids.count < 256 { return ids.map { index.positions(of: $0).last.map(index.front) } }
        var wanted: [CardID: [Int]] = [:]
        for (k, id) in ids.enumerated() { wanted[id, default: []].append(k) }
        var fronts = [String?](repeating: nil, count: ids.count)
        // From the end, so a repeated id gets its last card's question, as `DeckProgress.card` does.
        for i in (0..<index.cardCount).reversed() where !wanted.isEmpty {
            guard let ks = wanted.removeValue(forKey: index.cardID(i)) else { continue }
            let front = index.front(i)
            for k in ks { fronts[k] = front }
        }
        return fronts
    }
}
