import Flashcards

/// Picks wrong answers for a card from the other cards of its deck.
///
/// Candidates are ranked by resemblance to the right answer: the same kind of card first, then
/// similar length and shared words; an answer of a very different length is never used.
/// Anything equal or near-equal to the right answer, or to a candidate already kept, is passed
/// over, so every option is distinct and only one is right.
struct DistractorPicker {
    /// Every card that can be asked, in id order.
    let cards: [Card]
    let resemblance: AnswerResemblance
    /// How many of the best candidates a seeded draw chooses from.
    let poolSize = 5
    /// Below this length likeness an answer gives itself away (a name among definitions).
    let minimumLengthLikeness = 0.3
    /// Each card's answer profile, in `cards` order, computed once: folding text is costly.
    private let profiles: [AnswerResemblance.Profile]

    init(cards: [Card], resemblance: AnswerResemblance) {
        self.cards = cards
        self.resemblance = resemblance
        profiles = cards.map { AnswerResemblance.Profile($0.back) }
    }

    /// The best candidates for `card`, most alike first, at most `poolSize`.
    func pool(for card: Card) -> [Card] {
        let own = AnswerResemblance.Profile(card.back)
        var scored: [(card: Card, profile: AnswerResemblance.Profile, score: Double)] = []
        for (other, profile) in zip(cards, profiles) where other.id != card.id {
            guard resemblance.lengthLikeness(profile, own) >= minimumLengthLikeness else { continue }
            // The kind weighs more than any likeness (at most 2), so same-kind answers come first.
            scored.append((other, profile, (other.kind == card.kind ? 10 : 0) + resemblance.likeness(profile, own)))
        }
        let ranked = scored.sorted { a, b in a.score != b.score ? a.score > b.score : a.card.id < b.card.id }
        var kept: [(card: Card, profile: AnswerResemblance.Profile)] = []
        // Answers already judged, by folded key: a repeat is decided without matching again.
        var judged: Set<String> = [own.key]
        for candidate in ranked where kept.count < poolSize {
            guard judged.insert(candidate.profile.key).inserted else { continue }
            if resemblance.nearlyEqual(candidate.profile, own) { continue }
            if kept.contains(where: { resemblance.nearlyEqual($0.profile, candidate.profile) }) { continue }
            kept.append((candidate.card, candidate.profile))
        }
        return kept.map(\.card)
    }

    /// Up to `count` distinct wrong answers drawn from the pool, in draw order.
    func pick(_ count: Int, for card: Card, using generator: inout SeededGenerator) -> [String] {
        var pool = pool(for: card)
        var picked: [String] = []
        while picked.count < count, !pool.isEmpty {
            picked.append(pool.remove(at: generator.index(below: pool.count)).back)
        }
        return picked
    }
}
