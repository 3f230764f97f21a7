import Flashcards
import Foundation
import Scheduling

#if canImport(Glibc)
    import Glibc
#endif

/// A review from elsewhere (another app's history) to merge into a deck's log.
public struct ImportedReview: Sendable, Equatable {
    public var card: CardID
    public var time: Date
    public var rating: Rating
    /// Milliseconds, when known.
    public var duration: Int?

    public init(card: CardID, time: Date, rating: Rating, duration: Int? = nil) {
        self.card = card
        self.time = time
        self.rating = rating
        self.duration = duration
    }
}

/// What `DeckProgress.merge` did.
public struct ReviewMerge: Sendable, Equatable {
    /// Reviews added to the log.
    public var imported = 0
    /// Reviews skipped because the log (or the batch itself) already had them.
    public var duplicates = 0
    /// Cards whose states were recomputed from their first review, because an imported review
    /// went before one already in the log.
    public var recomputedCards = 0
    /// Whether the log was rewritten (false: the reviews were only appended).
    public var rewroteLog = false
}

extension DeckProgress {
    /// Merges a batch of reviews into the history, under the lock this value holds.
    ///
    /// Reviews already in the log (same card, millisecond and rating) are skipped. When every
    /// new review is at least as late as everything its card has in the log, they are appended
    /// in time order with one flush at the end. Otherwise each card that gets an earlier review
    /// has all its entries put in time order and its states recomputed through the scheduler
    /// from the deck settings (suspend, bury and undo entries keep their meaning; an undo stays
    /// right after the review it takes back); other cards' entries keep their states. The whole
    /// log is then written to a temporary file, flushed and renamed over the old one, and the
    /// snapshot rewritten: a failure before the rename leaves the old log as it was.
    /// - Throws: `StorageError` (unknown card, read-only progress, a write that failed).
    @discardableResult
    public func merge(_ reviews: [ImportedReview]) throws -> ReviewMerge {
        guard isWritable else { throw StorageError.io(path: paths.log, detail: "progress was opened read-only") }
        for review in reviews where card(review.card) == nil {
            throw StorageError.unknownCard(id: review.card.rawValue, deck: name.slug)
        }
        let existing = try history()
        var result = ReviewMerge()
        var seen = Set<ReviewKey>()
        for entry in existing where entry.kind == .review {
            if let rating = entry.rating { seen.insert(ReviewKey(entry.card, entry.time, rating)) }
        }
        var pending: [CardID: [ImportedReview]] = [:]
        for review in reviews {
            var review = review
            review.time = Timestamp.truncated(review.time)
            review.duration = review.duration.map { max(0, $0) }
            guard seen.insert(ReviewKey(review.card, review.time, review.rating)).inserted else {
                result.duplicates += 1
                continue
            }
            pending[review.card, default: []].append(review)
            result.imported += 1
        }
        guard result.imported > 0 else { return result }
        for card in pending.keys { pending[card]?.sort { $0.time < $1.time } }

        // The new order: existing entries in log order, each card's imported reviews placed
        // before its first later entry (never between a review and its undo), the rest last.
        var order: [Slot] = []
        order.reserveCapacity(existing.count + result.imported)
        var recomputed = Set<CardID>()
        for entry in existing {
            if entry.kind != .undo, var queue = pending[entry.card], let first = queue.first, first.time < entry.time {
                let cut = queue.firstIndex { $0.time >= entry.time } ?? queue.count
                order += queue[..<cut].map(Slot.imported)
                queue.removeFirst(cut)
                pending[entry.card] = queue
                recomputed.insert(entry.card)
            }
            order.append(.existing(entry))
        }
        let rest = pending.values.joined().sorted { ($0.time, $0.card) < ($1.time, $1.card) }
        order += rest.map(Slot.imported)

        let entries = rebuild(order, recomputing: recomputed)
        if recomputed.isEmpty {
            try appendBatch(Array(entries[existing.count...]))
        } else {
            try rewriteLog(entries)
            result.recomputedCards = recomputed.count
            result.rewroteLog = true
        }
        return result
    }

    /// An entry of the merged history: one from the log, or an imported review.
    private enum Slot {
        case existing(LogEntry)
        case imported(ImportedReview)
    }

    private struct ReviewKey: Hashable {
        var card: CardID
        var millisecond: Int64
        var rating: Rating

        init(_ card: CardID, _ time: Date, _ rating: Rating) {
            self.card = card
            millisecond = Int64((time.timeIntervalSince1970 * 1000).rounded(.down))
            self.rating = rating
        }
    }

    /// Numbers the merged history from 1 and works out every entry's before and after: the
    /// cards in `recomputing` from new through the scheduler, imported reviews from their card's
    /// state, everything else as it was.
    private func rebuild(_ order: [Slot], recomputing: Set<CardID>) -> [LogEntry] {
        var state: [CardID: CardProgress] = [:]
        var newID: [Int: Int] = [:]
        /// The recomputed state before each review, for the undo that takes it back.
        var beforeReview: [Int: CardProgress] = [:]
        let cutoff = settings.cutoff(in: timeZone)
        var entries: [LogEntry] = []
        entries.reserveCapacity(order.count)
        for slot in order {
            let id = entries.count + 1
            switch slot {
            case .imported(let review):
                let before = state[review.card] ?? .new
                var after = before
                after.record(
                    review.rating, at: review.time, cardID: review.card, scheduler: scheduler,
                    leech: settings.leechPolicy)
                after.normalizeTimes()
                state[review.card] = after
                entries.append(
                    LogEntry(
                        id: id, kind: .review, card: review.card, time: review.time, rating: review.rating,
                        duration: review.duration, before: before, after: after))
            case .existing(var entry):
                newID[entry.id] = id
                entry.id = id
                if let undone = entry.undoes { entry.undoes = newID[undone] ?? undone }
                if recomputing.contains(entry.card) {
                    let before = state[entry.card] ?? .new
                    var after = before
                    switch entry.kind {
                    case .review:
                        beforeReview[id] = before
                        after.record(
                            entry.rating ?? .good, at: entry.time, cardID: entry.card, scheduler: scheduler,
                            leech: settings.leechPolicy)
                        after.normalizeTimes()
                    case .undo: after = entry.undoes.flatMap { beforeReview[$0] } ?? before
                    case .suspend: after.suspend()
                    case .unsuspend: after.unsuspend()
                    case .bury: after.bury(today: cutoff.day(containing: entry.time))
                    case .unbury: after.unbury()
                    }
                    entry.before = before
                    entry.after = after
                }
                state[entry.card] = entry.after
                entries.append(entry)
            }
        }
        return entries
    }
}
