import Flashcards
import Foundation
import TestSupport

/// The test deck: capitals (with a near-duplicate "paris!" and a near-miss "Lisbonn"), rivers,
/// long key points and terms, so distractor rules have something to get wrong.
enum GeographyDeck {
    static func load() throws -> Deck {
        try JSONDecoder().decode(Deck.self, from: Data(contentsOf: Paths.fixture("QuizzesTests", "geography.json")))
    }

    /// A deck of the given (front, back) faq cards.
    static func small(_ pairs: [(String, String)], kind: CardKind = .faq) -> Deck {
        Deck(title: "Small", cards: pairs.map { Card(kind: kind, front: $0.0, back: $0.1) })
    }
}
