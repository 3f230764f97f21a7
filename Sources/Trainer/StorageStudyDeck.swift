import Flashcards
import Foundation
import Scheduling
import Storage

/// A study session's deck over Storage's `DeckProgress`: every answer goes through it to disk.
final class StorageStudyDeck: StudyDeck {
    let progress: DeckProgress
    let store: DeckStore
    /// New cards let in beyond today's limit (`n` when nothing is due), in deck order.
    private var extraNew: [CardID] = []

    /// The cards that can come up today, so the queue between two cards is not worked out
    /// over the whole deck.
    private lazy var candidates = TodaysCandidates(progress: progress)

    init(progress: DeckProgress, store: DeckStore) {
        self.progress = progress
        self.store = store
    }

    var name: DeckName { progress.name }
    var title: String { progress.deck.title }

    func card(_ id: CardID) -> Card? { progress.card(id) }

    func counts(at time: Date) -> StudyCounts {
        let counts = candidates.queue(at: time).counts
        return StudyCounts(new: counts.new + pendingExtraNew.count, learning: counts.learning, due: counts.review)
    }

    func next(at time: Date) -> (card: Card, counts: StudyCounts)? {
        let queue = candidates.queue(at: time)
        let extra = pendingExtraNew
        let counts = StudyCounts(
            new: queue.counts.new + extra.count, learning: queue.counts.learning, due: queue.counts.review)
        guard let id = queue.next?.cardID ?? extra.first, let card = progress.card(id) else { return nil }
        return (card, counts)
    }

    /// The extra new cards not answered yet.
    private var pendingExtraNew: [CardID] {
        extraNew.filter { progress.progress(of: $0).isNew && !progress.progress(of: $0).suspended }
    }

    func intervals(for card: CardID, at time: Date) -> [Rating: String] {
        progress.preview(card, at: time).mapValues { IntervalFormatter.compact(from: time, to: $0.due) }
    }

    func answer(_ card: CardID, rating: Rating, at time: Date, duration: TimeInterval) throws {
        try progress.answer(card, rating: rating, duration: Int((duration * 1000).rounded()), at: time)
    }

    func undo() throws -> CardID? {
        do { return try progress.undo().card } catch StorageError.nothingToUndo { return nil }
    }

    func suspend(_ card: CardID, at time: Date) throws { try progress.suspend(card, at: time) }
    func bury(_ card: CardID, at time: Date) throws { try progress.bury(card, at: time) }

    func update(_ card: Card) throws {
        // Read the file again so an edit never undoes a rebuild made meanwhile.
        var deck = try store.load(progress.name)
        guard let index = deck.cards.firstIndex(where: { $0.id == card.id }) else {
            throw StorageError.unknownCard(id: card.id.rawValue, deck: progress.name.slug)
        }
        deck.cards[index] = card
        try store.save(deck, as: progress.name)
    }

    func nextDue(after time: Date) -> Date? { progress.queue(at: time).nextDue }

    func dueTomorrow(after time: Date) -> Int {
        let end = progress.queue(at: time).tomorrowStarts.addingTimeInterval(86_400)
        return progress.deck.cards.reduce(0) { count, card in
            let p = progress.progress(of: card.id)
            guard !p.suspended, let due = p.schedule?.due, due < end else { return count }
            return count + 1
        }
    }

    func newCardsBeyondLimit(at time: Date) -> Int { unseenNew(at: time).count }

    func allowMoreNew(_ count: Int, at time: Date) {
        extraNew += unseenNew(at: time).prefix(count)
        candidates.include(extraNew)
    }

    /// New cards in deck order that today's queue does not hold.
    private func unseenNew(at time: Date) -> [CardID] {
        let queued = Set(progress.queue(at: time).entries.map(\.cardID)).union(extraNew)
        let today = progress.settings.cutoff(in: progress.timeZone).day(containing: time)
        return progress.deck.cards.lazy.map(\.id).filter { id in
            let p = self.progress.progress(of: id)
            return p.isNew && !p.suspended && !p.isBuried(on: today) && !queued.contains(id)
        }
    }

    func reviewAhead(at time: Date, limit: Int) -> [Card] {
        let learned = progress.deck.cards.compactMap { card -> (Card, Date)? in
            let p = progress.progress(of: card.id)
            guard !p.suspended, let due = p.schedule?.due else { return nil }
            return (card, due)
        }
        return learned.sorted { $0.1 < $1.1 }.prefix(limit).map(\.0)
    }

    func close() throws { try progress.close() }
}
