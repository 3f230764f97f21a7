import Flashcards
import Foundation

/// Everything recall knows about one card's learning: its FSRS schedule and the bookkeeping
/// around it (answers, lapses, suspension, burial, leech flag).
///
/// The stored properties are declared in the order that packs them tightest (104 bytes rather
/// than 120: the flags sit after the schedule's last optional), for large progress dictionaries.
public struct CardProgress: Codable, Hashable, Sendable {
    /// Nil for a card never answered.
    public var schedule: CardSchedule?
    /// Suspended cards are never shown until unsuspended.
    public var suspended: Bool
    /// Set when the lapses reached the deck's leech threshold.
    public var isLeech: Bool
    /// How many times the card was answered.
    public var reps: Int
    /// How many times the card was forgotten in review (answered Again while in `review`).
    public var lapses: Int
    /// The card is hidden on study days before this one.
    public var buriedUntil: Day?

    public init(
        schedule: CardSchedule? = nil, reps: Int = 0, lapses: Int = 0, suspended: Bool = false,
        buriedUntil: Day? = nil, isLeech: Bool = false
    ) {
        self.schedule = schedule
        self.reps = reps
        self.lapses = lapses
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.isLeech = isLeech
    }

    /// The progress of a card never seen.
    public static let new = CardProgress()

    public var isNew: Bool { schedule == nil }

    /// Whether the card is hidden by a burial on `day`.
    public func isBuried(on day: Day) -> Bool {
        guard let until = buriedUntil else { return false }
        return day < until
    }

    public mutating func suspend() { suspended = true }
    public mutating func unsuspend() { suspended = false }

    /// Hides the card for the rest of the study day `today`.
    public mutating func bury(today: Day) { buriedUntil = today.next }
    public mutating func unbury() { buriedUntil = nil }

    /// Answers the card: the one path for live answers and for replaying a log.
    ///
    /// Counts the answer and any lapse, and applies the leech policy when the lapses reach its
    /// threshold (and again every half-threshold after, as Anki does, so an unsuspended leech
    /// that keeps failing comes back to the learner's attention).
    @discardableResult
    public mutating func record(
        _ rating: Rating, at time: Date, scheduler: Scheduler, leech: LeechPolicy,
        using rng: inout some RandomNumberGenerator
    ) -> ReviewOutcome {
        let before = schedule
        let after = scheduler.review(before ?? scheduler.newCard(at: time), rating: rating, at: time, using: &rng)
        schedule = after
        reps += 1
        let lapsed = rating == .again && before?.state == .review
        var leechTriggered = false
        if lapsed {
            lapses += 1
            if leech.isTriggered(lapses: lapses) {
                leechTriggered = true
                isLeech = true
                if leech.action == .suspend { suspended = true }
            }
        }
        return ReviewOutcome(before: before, after: after, lapsed: lapsed, leechTriggered: leechTriggered)
    }

    /// Answers the card with fuzz seeded by the card and the time (`ReviewFuzz`), so that
    /// `Scheduler.replay` of the logged answer gives the same due date. Pass the time exactly as
    /// the review log will store it.
    @discardableResult
    public mutating func record(
        _ rating: Rating, at time: Date, cardID: CardID, scheduler: Scheduler, leech: LeechPolicy
    ) -> ReviewOutcome {
        var fuzz = ReviewFuzz.generator(for: cardID, at: time)
        return record(rating, at: time, scheduler: scheduler, leech: leech, using: &fuzz)
    }

    private enum CodingKeys: String, CodingKey {
        case schedule, reps, lapses, suspended, buriedUntil, isLeech
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schedule = try c.decodeIfPresent(CardSchedule.self, forKey: .schedule)
        reps = try c.decodeIfPresent(Int.self, forKey: .reps) ?? 0
        lapses = try c.decodeIfPresent(Int.self, forKey: .lapses) ?? 0
        suspended = try c.decodeIfPresent(Bool.self, forKey: .suspended) ?? false
        buriedUntil = try c.decodeIfPresent(Day.self, forKey: .buriedUntil)
        isLeech = try c.decodeIfPresent(Bool.self, forKey: .isLeech) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(schedule, forKey: .schedule)
        try c.encode(reps, forKey: .reps)
        try c.encode(lapses, forKey: .lapses)
        if suspended { try c.encode(suspended, forKey: .suspended) }
        try c.encodeIfPresent(buriedUntil, forKey: .buriedUntil)
        if isLeech { try c.encode(isLeech, forKey: .isLeech) }
    }
}

/// What one answer did to a card.
public struct ReviewOutcome: Hashable, Sendable {
    /// The schedule before the answer; nil when the card was new.
    public var before: CardSchedule?
    public var after: CardSchedule
    /// The card was in review and was forgotten.
    public var lapsed: Bool
    /// This answer made the card a leech (and suspended it, when that is the policy).
    public var leechTriggered: Bool

    public var wasNew: Bool { before == nil }
}
