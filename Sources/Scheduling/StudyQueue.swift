import Flashcards
import Foundation

/// What to study now, worked out from a deck, its progress and today's answers: a pure value,
/// recomputed after each answer.
///
/// The order is Anki's: learning cards whose step is due; then review cards due today, the most
/// overdue relative to their interval first, up to the review limit; then new cards in deck order
/// up to the new-card limit; then, when nothing else is left, learning cards due within the
/// learn-ahead window. Suspended and buried cards are never shown, and new and review cards
/// with a sibling answered today wait for another day (`Siblings`). Learning cards are never
/// held back by siblings: their steps are short and skipping one would break them.
public struct StudyQueue: Sendable {
    /// What kind of card an entry is, as the session counts it.
    public enum Kind: String, Sendable, Hashable {
        case new, learning, review
    }

    public struct Entry: Hashable, Sendable {
        public var cardID: CardID
        public var kind: Kind
        /// When the card became due; nil for a new card.
        public var due: Date?
    }

    public struct Counts: Hashable, Sendable {
        public var new: Int
        public var learning: Int
        public var review: Int

        public init(new: Int, learning: Int, review: Int) {
            self.new = new
            self.learning = learning
            self.review = review
        }

        public var total: Int { new + learning + review }
    }

    /// The study day `now` falls in.
    public let today: Day
    /// When `today` ends and the next study day begins.
    public let tomorrowStarts: Date
    /// Every card to show, in order; the first is `next`.
    public let entries: [Entry]
    /// The counts a session shows: new and review cards left within today's limits, and
    /// learning cards due now or within the learn-ahead window.
    public let counts: Counts
    /// When nothing is to be shown now: the first moment a card will be. Nil when something is
    /// due now, or when no card will ever come due (all suspended, or an empty deck).
    public let nextDue: Date?
    /// New cards answered today, and review cards answered today.
    public let answeredToday: (new: Int, review: Int)

    /// The card to show now, if any.
    public var next: Entry? { entries.first }

    /// - Parameters:
    ///   - cards: the deck's cards in deck order.
    ///   - progress: each card's progress; a card missing here is new.
    ///   - answers: answers from the review log; those outside today are ignored, so passing
    ///     the last day or two is enough.
    public init(
        cards: [Card], progress: [CardID: CardProgress], answers: [StudyAnswer], settings: DeckSettings,
        now: Date, timeZone: TimeZone
    ) {
        self.init(
            cards: CardSource(cards, progress: progress), answers: answers, settings: settings, now: now,
            timeZone: timeZone)
    }

    /// The queue over any representation of a deck (`CardSource`): the `Card` values, or a
    /// compact index that never builds them.
    public init(cards: CardSource, answers: [StudyAnswer], settings: DeckSettings, now: Date, timeZone: TimeZone) {
        let cutoff = settings.cutoff(in: timeZone)
        let today = cutoff.day(containing: now)
        let tomorrowStarts = cutoff.start(of: today.next)
        self.today = today
        self.tomorrowStarts = tomorrowStarts

        var newDone = 0
        var reviewsDone = 0
        var answeredIDs: Set<CardID> = []
        let todayStarts = cutoff.start(of: today)
        for answer in answers where answer.time >= todayStarts && answer.time < tomorrowStarts {
            if answer.wasNew { newDone += 1 }
            if answer.wasReview { reviewsDone += 1 }
            answeredIDs.insert(answer.cardID)
        }
        answeredToday = (newDone, reviewsDone)
        let answered = Siblings.Answered(answeredIDs.isEmpty ? [] : cards.positions(answeredIDs), in: cards)
        func holdsBack(_ order: Int, _ id: CardID) -> Bool { !answered.isEmpty && answered.holdsBack(order, id: id) }

        let learnAheadUntil = now.addingTimeInterval(Double(settings.learnAheadMinutes) * 60)
        var learningNow: [(entry: Entry, due: Date, order: Int)] = []
        var learningAhead: [(entry: Entry, due: Date, order: Int)] = []
        var reviews: [(entry: Entry, overdue: Double, order: Int)] = []
        var newCards: [Entry] = []
        let newLimit = max(0, settings.newPerDay - newDone)
        var later: Date? = nil
        func wait(until date: Date) { later = min(later ?? date, date) }
        // Review cards due on a later study day are shown from that day's start; only the
        // earliest matters, so the calendar is asked once rather than per card.
        var firstLaterReview: Date? = nil

        // By index, so only the fields needed are read from each card.
        for order in 0..<cards.count {
            let p = cards.progress(order) ?? .new
            if p.suspended { continue }
            if p.isBuried(on: today) {
                wait(until: tomorrowStarts)
                continue
            }
            guard let schedule = p.schedule else {
                guard newCards.count < newLimit else {
                    wait(until: tomorrowStarts)
                    continue
                }
                let id = cards.id(order)
                if !holdsBack(order, id) {
                    newCards.append(Entry(cardID: id, kind: .new, due: nil))
                } else {
                    wait(until: tomorrowStarts)
                }
                continue
            }
            switch schedule.state {
            case .learning, .relearning:
                let entry = Entry(cardID: cards.id(order), kind: .learning, due: schedule.due)
                if schedule.due <= now {
                    learningNow.append((entry, schedule.due, order))
                } else if schedule.due <= learnAheadUntil {
                    learningAhead.append((entry, schedule.due, order))
                } else {
                    wait(until: schedule.due)
                }
            case .review:
                guard schedule.due < tomorrowStarts else {
                    firstLaterReview = min(firstLaterReview ?? schedule.due, schedule.due)
                    continue
                }
                let id = cards.id(order)
                if holdsBack(order, id) {
                    wait(until: tomorrowStarts)
                    continue
                }
                let interval = max(schedule.scheduledInterval ?? 86400, 86400)
                let overdue = now.timeIntervalSince(schedule.due) / interval
                reviews.append((Entry(cardID: id, kind: .review, due: schedule.due), overdue, order))
            }
        }

        if let due = firstLaterReview { wait(until: cutoff.start(of: cutoff.day(containing: due))) }
        learningNow.sort { ($0.due, $0.order) < ($1.due, $1.order) }
        learningAhead.sort { ($0.due, $0.order) < ($1.due, $1.order) }
        let reviewLimit = max(0, settings.reviewsPerDay - reviewsDone)
        if reviews.count > reviewLimit { wait(until: tomorrowStarts) }
        let shownReviews = reviews.smallest(reviewLimit) {
            $0.overdue != $1.overdue ? $0.overdue > $1.overdue : $0.order < $1.order
        }.map(\.entry)

        entries = learningNow.map(\.entry) + shownReviews + newCards + learningAhead.map(\.entry)
        counts = Counts(
            new: newCards.count, learning: learningNow.count + learningAhead.count, review: shownReviews.count)
        nextDue = entries.isEmpty ? later : nil
    }
}
