import Foundation

/// A card's FSRS memory state and due time: py-fsrs's `Card` without its id.
///
/// The stored properties are declared in the order that packs them tightest (72 bytes rather
/// than 80: the one-byte `state` sits in an optional's padding); a progress dictionary of
/// 100,000 cards is that much smaller.
public struct CardSchedule: Codable, Hashable, Sendable {
    public var due: Date
    public var lastReview: Date?
    public var state: LearningState
    /// The index of the current (re)learning step; nil in `review`.
    public var step: Int?
    /// Days until recall probability falls to 90%; nil before the first review.
    public var stability: Double?
    /// From 1 (easy) to 10 (hard); nil before the first review.
    public var difficulty: Double?

    public init(
        state: LearningState, step: Int?, stability: Double?, difficulty: Double?, due: Date,
        lastReview: Date?
    ) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }

    /// The time from the last review to the due time: what the learner was given to remember
    /// the card for. Nil before the first review.
    public var scheduledInterval: TimeInterval? {
        lastReview.map { due.timeIntervalSince($0) }
    }
}
