import Flashcards
import Foundation
import Scheduling
import Storage

/// The deck's cards that can be in today's study queue, in deck order: working the queue out
/// over these gives the same queue as over the whole deck, at a fraction of the cost on a big
/// deck (the time between a rating and the next card).
///
/// Left out are only cards that cannot come up today: suspended cards, review cards due on a
/// later day that were not answered today, and new cards beyond the first few hundred past
/// today's limit. When the queue runs short of new cards while some were left out, or the
/// study day changes, the set is worked out again.
final class TodaysCandidates {
    let progress: DeckProgress
    private var cards: [Card] = []
    private var day: Day?
    private var newLeftOut = false
    private var forced: Set<CardID> = []

    /// New cards kept beyond today's limit, for siblings held back and cards let in later.
    static let newMargin = 500

    init(progress: DeckProgress) { self.progress = progress }

    /// Cards that must be candidates whatever their state (new cards let in beyond the limit).
    func include(_ ids: [CardID]) {
        forced.formUnion(ids)
        day = nil
    }

    func queue(at time: Date) -> StudyQueue {
        let cutoff = progress.settings.cutoff(in: progress.timeZone)
        let today = cutoff.day(containing: time)
        if day != today { rebuild(today: today, cutoff: cutoff) }
        let queue = progress.queue(at: time, among: cards)
        let newLimit = progress.settings.newPerDay - queue.answeredToday.new
        if newLeftOut && queue.counts.new < newLimit {
            rebuild(today: today, cutoff: cutoff)
            return progress.queue(at: time, among: cards)
        }
        return queue
    }

    private func rebuild(today: Day, cutoff: DayCutoff) {
        day = today
        let todayStarts = cutoff.start(of: today)
        let tomorrowStarts = cutoff.start(of: today.next)
        let answeredNew = progress.queue(at: todayStarts.addingTimeInterval(1), among: []).answeredToday.new
        var newBudget = max(0, progress.settings.newPerDay - answeredNew) + Self.newMargin
        newLeftOut = false
        cards = progress.deck.cards.filter { card in
            if forced.contains(card.id) { return true }
            let p = progress.progress(of: card.id)
            if p.suspended { return false }
            guard let schedule = p.schedule else {
                guard newBudget > 0 else {
                    newLeftOut = true
                    return false
                }
                newBudget -= 1
                return true
            }
            if schedule.state != .review || schedule.due < tomorrowStarts { return true }
            // Answered today: its siblings are held back, so it must be seen.
            return (schedule.lastReview ?? .distantPast) >= todayStarts
        }
    }
}
