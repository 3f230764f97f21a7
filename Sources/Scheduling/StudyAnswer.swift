import Flashcards
import Foundation

/// One answer already given, as the study queue needs it to apply the daily limits and keep
/// siblings apart. Built from the review log.
public struct StudyAnswer: Hashable, Codable, Sendable {
    public var cardID: CardID
    public var time: Date
    public var rating: Rating
    /// The card's state before this answer; nil when it was new.
    public var stateBefore: LearningState?

    public init(cardID: CardID, time: Date, rating: Rating, stateBefore: LearningState?) {
        self.cardID = cardID
        self.time = time
        self.rating = rating
        self.stateBefore = stateBefore
    }

    /// An answer to a card seen for the first time: counts against the new-card limit.
    public var wasNew: Bool { stateBefore == nil }
    /// An answer to a review card: counts against the review limit.
    public var wasReview: Bool { stateBefore == .review }
}
