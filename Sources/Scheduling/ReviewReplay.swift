import Flashcards
import Foundation

/// One review of a parsed log, with its card already resolved to an index.
public struct ReplayedReview: Hashable, Sendable {
    /// The card's index into the progress array being rebuilt.
    public var card: Int32
    public var rating: Rating
    public var time: Date

    public init(card: Int32, rating: Rating, time: Date) {
        self.card = card
        self.rating = rating
        self.time = time
    }
}

extension Scheduler {
    /// Rebuilds card progress from a review log, in log order: each review goes through
    /// `CardProgress.record`, the same path as a live answer, so the result is exactly what
    /// the learner's sessions produced.
    ///
    /// The loop allocates nothing; it is the hot path of loading a large collection.
    /// - Parameters:
    ///   - reviews: the log's reviews in the order they were made.
    ///   - progress: one entry per card index, updated in place (start from `.new`, or from a
    ///     snapshot taken before the first of `reviews`).
    ///   - cardKeys: `ReviewFuzz.cardKey` of each card, so fuzzed due dates are reproduced;
    ///     ignored when fuzz is off.
    public func replay(
        _ reviews: [ReplayedReview], into progress: inout [CardProgress], cardKeys: [UInt64],
        leech: LeechPolicy
    ) {
        precondition(!configuration.enableFuzzing || cardKeys.count == progress.count, "one fuzz key per card")
        progress.withUnsafeMutableBufferPointer { cards in
            if configuration.enableFuzzing {
                for review in reviews {
                    let index = Int(review.card)
                    precondition(index >= 0 && index < cards.count, "review of card \(index) outside the collection")
                    var rng = ReviewFuzz.generator(cardKey: cardKeys[index], at: review.time)
                    cards[index].record(review.rating, at: review.time, scheduler: self, leech: leech, using: &rng)
                }
            } else {
                var none = NoRandomness()
                for review in reviews {
                    let index = Int(review.card)
                    precondition(index >= 0 && index < cards.count, "review of card \(index) outside the collection")
                    cards[index].record(
                        review.rating, at: review.time, scheduler: self, leech: leech, using: &none)
                }
            }
        }
    }
}
