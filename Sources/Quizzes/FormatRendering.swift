import Flashcards

/// A deck or quiz written in an exchange format, with the cards the format could not carry.
public struct FormatRendering: Hashable, Sendable {
    public var text: String
    /// Cards left out, each with the reason, in deck order. Never silently dropped.
    public var skipped: [SkippedCard]

    public init(text: String, skipped: [SkippedCard]) {
        self.text = text
        self.skipped = skipped
    }
}

/// A card an export left out, and why.
public struct SkippedCard: Hashable, Sendable, CustomStringConvertible {
    public var card: CardID
    public var reason: String

    public init(card: CardID, reason: String) {
        self.card = card
        self.reason = reason
    }

    public var description: String { "card \(card): \(reason)" }
}

/// How a deck's cards become exported questions: a short answer when the answer is short
/// enough to type, otherwise multiple choice with distractors from the deck.
struct DeckExportPlan {
    enum Item {
        case shortAnswer(Card)
        case choice(Card, options: [String], correct: Int)
        case skipped(SkippedCard)
    }

    var items: [Item]

    /// - Parameters:
    ///   - allowShortAnswer: false for formats that carry multiple choice only.
    ///   - seed: seeds the distractor draw and option order; the default gives a stable file.
    init(deck: Deck, allowShortAnswer: Bool, seed: UInt64, matcher: AnswerMatcher = AnswerMatcher()) {
        let picker = DistractorPicker(
            cards: QuizGenerator.askableCards(deck), resemblance: AnswerResemblance(matcher: matcher))
        var generator = SeededGenerator(seed: seed)
        items = deck.cards.map { card in
            if TextNormalizer.matchKey(card.front).isEmpty {
                return .skipped(SkippedCard(card: card.id, reason: "the question side has no words"))
            }
            if TextNormalizer.matchKey(card.back).isEmpty {
                return .skipped(SkippedCard(card: card.id, reason: "the answer side has no words"))
            }
            let words = TextNormalizer.matchKey(card.back).split(separator: " ").count
            if allowShortAnswer && words <= QuizGenerator.typedWordLimit { return .shortAnswer(card) }
            let distractors = picker.pick(QuizGenerator.optionCount - 1, for: card, using: &generator)
            guard !distractors.isEmpty else {
                let why =
                    allowShortAnswer
                    ? "its answer (\(words) words) is too long to type as a short answer, and "
                    : "multiple choice needs wrong options, but "
                return .skipped(
                    SkippedCard(card: card.id, reason: why + "the deck has no other answer different enough to offer"))
            }
            var options = [card.back] + distractors
            generator.shuffle(&options)
            return .choice(card, options: options, correct: options.firstIndex(of: card.back) ?? 0)
        }
    }
}
