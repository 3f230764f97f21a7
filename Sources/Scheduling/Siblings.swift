import Flashcards

/// Which cards are siblings: cards that would give each other away if studied the same day.
///
/// A key-point card restates its whole section, so it is a sibling of every other card from
/// that section (the section's FAQ and term cards, and other key points there). FAQ, term and
/// other cards in the same section ask about separate facts and are *not* siblings of one
/// another: otherwise an FAQ page whose questions share one heading would show one question a
/// day. Cards without a section have no siblings.
public enum Siblings {
    public static func areSiblings(_ a: Card, _ b: Card) -> Bool {
        a.id != b.id && !a.section.isEmpty && a.section == b.section && (a.kind == .keypoint || b.kind == .keypoint)
    }

    /// The cards answered today, grouped by section for the sibling test.
    struct Answered {
        private let cards: CardSource
        private var bySection: [Int: [(order: Int, id: CardID, keypoint: Bool)]] = [:]

        /// - Parameter positions: where the answered cards are in `cards`.
        init(_ positions: [Int], in cards: CardSource) {
            self.cards = cards
            for order in positions {
                guard let key = cards.section(order) else { continue }
                bySection[key, default: []].append((order, cards.id(order), cards.isKeypoint(order)))
            }
        }

        var isEmpty: Bool { bySection.isEmpty }

        /// Whether the card at `order` has a sibling among the answered cards (itself excluded).
        func holdsBack(_ order: Int, id: CardID) -> Bool {
            guard !bySection.isEmpty, let key = cards.section(order), let answered = bySection[key] else {
                return false
            }
            let keypoint = cards.isKeypoint(order)
            return answered.contains {
                $0.id != id && (keypoint || $0.keypoint) && cards.sameSection(order, $0.order)
            }
        }
    }
}
