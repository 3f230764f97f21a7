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
        private var bySection: [[String]: [(id: CardID, kind: CardKind)]] = [:]

        init(_ cards: some Sequence<Card>) {
            for card in cards where !card.section.isEmpty {
                bySection[card.section, default: []].append((card.id, card.kind))
            }
        }

        var isEmpty: Bool { bySection.isEmpty }

        /// Whether `card` has a sibling among the answered cards (itself excluded).
        func holdsBack(_ card: Card) -> Bool {
            guard !bySection.isEmpty, !card.section.isEmpty, let answered = bySection[card.section] else {
                return false
            }
            return answered.contains { $0.id != card.id && (card.kind == .keypoint || $0.kind == .keypoint) }
        }
    }
}
