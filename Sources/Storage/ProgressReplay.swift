import Flashcards
import Foundation
import Scheduling

/// A deck's progress as read from its files: the snapshot, then the log after it.
struct ProgressReplay {
    var progress: [CardID: CardProgress] = [:]
    /// The end of the last good log line.
    var end: LogPosition = .start
    /// What the snapshot on disk covers; nil when there is none usable.
    var snapshotCovers: LogPosition?
    var recent: [RecentAnswer] = []
    /// Reviews read from the log (after the snapshot) that were not undone, newest last.
    var undoable: [LogEntry] = []
    var warnings: [StorageWarning] = []
    /// Whether the log has a torn tail past `end`.
    var torn = false
    /// Entries whose `before` did not match the card's replayed progress (two writers without
    /// the lock, or a hand edit); `recall doctor` reports them.
    var mismatches: [(line: Int, card: CardID)] = []

    /// Applies one entry.
    mutating func apply(_ entry: LogEntry, line: Int) {
        let current = progress[entry.card] ?? .new
        if current != entry.before, mismatches.count < 100 { mismatches.append((line, entry.card)) }
        progress[entry.card] = entry.after
        switch entry.kind {
        case .review:
            recent.append(RecentAnswer(review: entry))
            undoable.append(entry)
        case .undo:
            recent.removeAll { $0.id == entry.undoes }
            undoable.removeAll { $0.id == entry.undoes }
        case .suspend, .unsuspend, .bury, .unbury:
            break
        }
    }

    /// Reads a deck's progress files.
    /// - Throws: `StorageError` for a newer format or damage the policy does not repair.
    static func load(_ paths: ProgressPaths) throws(StorageError) -> ProgressReplay {
        var replay = ProgressReplay()
        var snapshot: Snapshot?
        do {
            snapshot = try Snapshot.read(paths.snapshot)
        } catch .corrupt(let path, _, let detail) {
            replay.warnings.append(
                StorageWarning(
                    path: path, line: nil, message: "damaged snapshot (\(detail)); rebuilt from the review log"))
        }
        if let s = snapshot, s.deck != paths.deck.slug {
            replay.warnings.append(
                StorageWarning(
                    path: paths.snapshot, line: nil,
                    message: "snapshot belongs to deck '\(s.deck)'; rebuilt from the review log"))
            snapshot = nil
        }
        if let snapshot {
            replay.progress = snapshot.cards
            replay.recent = snapshot.recent
            replay.end = snapshot.log
            replay.snapshotCovers = snapshot.log
            do {
                try replay.readLog(paths.log, after: snapshot.log)
                return replay
            } catch let error as StorageError {
                throw error
            } catch {
                replay.warnings.append(
                    StorageWarning(
                        path: paths.snapshot, line: nil,
                        message: "snapshot does not match the review log; rebuilt from the log"))
            }
        }
        let warnings = replay.warnings
        replay = ProgressReplay()
        replay.warnings = warnings
        do {
            try replay.readLog(paths.log, after: nil)
        } catch let error as StorageError {
            throw error
        } catch {
            throw .io(path: paths.log, detail: "\(error)")
        }
        return replay
    }

    /// - Throws: `StorageError`, or `ReviewLogReader.Mismatch` when `position` does not fit.
    private mutating func readLog(_ path: String, after position: LogPosition?) throws {
        var line = position?.lines ?? 1
        let result = try ReviewLogReader.scan(path, after: position) { entry in
            line += 1
            apply(entry, line: line)
        }
        end = result.end
        torn = result.torn != nil
        warnings += result.warnings
    }
}
