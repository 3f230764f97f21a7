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

    /// The cards answered today, grouped by section for the sibling test. A section is any
    /// hashable key that is equal exactly for cards of the same section (the heading path, or
    /// a number standing for it); nil for a card without one.
    struct Answered {
        private var bySection: [AnyHashable: [(id: CardID, keypoint: Bool)]] = [:]

        init(_ cards: some Sequence<(id: CardID, keypoint: Bool, section: AnyHashable?)>) {
            for card in cards {
                guard let section = card.section else { continue }
                bySection[section, default: []].append((card.id, card.keypoint))
            }
        }

        var isEmpty: Bool { bySection.isEmpty }

        /// Whether a card has a sibling among the answered cards (itself excluded); `section`
        /// is asked only when some answered card has a section.
        func holdsBack(id: CardID, keypoint: Bool, section: () -> AnyHashable?) -> Bool {
            guard !bySection.isEmpty, let key = section(), let answered = bySection[key] else { return false }
            return answered.contains { $0.id != id && (keypoint || $0.keypoint) }
        }
    }
}
