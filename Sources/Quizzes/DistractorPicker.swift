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
    /// Each card's answer as folded words, computed once: folding is the costly part.
    private let words: [CardID: [String]]

    init(cards: [Card], resemblance: AnswerResemblance) {
        self.cards = cards
        self.resemblance = resemblance
        words = Dictionary(cards.map { ($0.id, AnswerResemblance.words($0.back)) }, uniquingKeysWith: { a, _ in a })
    }

    /// The best candidates for `card`, most alike first, at most `poolSize`.
    func pool(for card: Card) -> [Card] {
        let own = words[card.id] ?? AnswerResemblance.words(card.back)
        let candidates = cards.filter { other in
            other.id != card.id && resemblance.lengthLikeness(words[other.id] ?? [], own) >= minimumLengthLikeness
        }
        let scored: [(card: Card, score: Double)] = candidates.map { other in
            // The kind weighs more than any likeness (at most 2), so same-kind answers come first.
            (other, (other.kind == card.kind ? 10 : 0) + resemblance.likeness(words[other.id] ?? [], own))
        }
        let ranked = scored.sorted { a, b in a.score != b.score ? a.score > b.score : a.card.id < b.card.id }
        var kept: [Card] = []
        for candidate in ranked where kept.count < poolSize {
            if resemblance.nearlyEqual(candidate.card.back, card.back) { continue }
            if kept.contains(where: { resemblance.nearlyEqual($0.back, candidate.card.back) }) { continue }
            kept.append(candidate.card)
        }
        return kept
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
