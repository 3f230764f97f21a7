import Flashcards
import Foundation

/// One card's reviews, the raw material of fitting.
public struct CardHistory: Sendable, Hashable {
    public var card: CardID
    /// The card's reviews; fitting orders them by time.
    public var reviews: [HistoricalReview]

    public init(card: CardID, reviews: [HistoricalReview]) {
        self.card = card
        self.reviews = reviews
    }

    /// Whether this card belongs to the held-out set: a fixed fifth of all cards, chosen by
    /// a hash of the card id so that the split never changes between runs or machines.
    public var isHeldOut: Bool { Self.isHeldOut(card) }

    /// The held-out rule on its own (FNV-1a of the id, one in five).
    public static func isHeldOut(_ card: CardID) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in card.rawValue.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return hash % 5 == 0
    }
}

/// One review in a card's history.
public struct HistoricalReview: Sendable, Hashable {
    public var rating: Rating
    public var time: Date

    public init(rating: Rating, time: Date) {
        self.rating = rating
        self.time = time
    }
}
