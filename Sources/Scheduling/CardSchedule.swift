import Foundation

/// A card's FSRS memory state and due time: py-fsrs's `Card` without its id.
public struct CardSchedule: Codable, Hashable, Sendable {
    public var state: LearningState
    /// The index of the current (re)learning step; nil in `review`.
    public var step: Int?
    /// Days until recall probability falls to 90%; nil before the first review.
    public var stability: Double?
    /// From 1 (easy) to 10 (hard); nil before the first review.
    public var difficulty: Double?
    public var due: Date
    public var lastReview: Date?

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
