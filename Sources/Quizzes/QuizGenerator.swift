import Flashcards

/// Makes a quiz from a deck: which cards, in what order, asked how, with which options.
///
/// Everything random comes from one `SeededGenerator`, drawn in a fixed order, so the same deck
/// and seed give the same quiz on any machine and in the printed sheet.
public struct QuizGenerator: Sendable {
    /// Questions asked when no count is given.
    public static let defaultQuestionCount = 10
    /// Answers longer than this many words are asked as choice rather than typed in mixed mode.
    public static let typedWordLimit = 8
    /// Options of a choice question: the right one and up to three distractors.
    public static let optionCount = 4

    public var mode: QuizMode
    public var questionCount: Int
    public var seed: UInt64
    public var matcher: AnswerMatcher

    public init(
        mode: QuizMode = .mixed, questionCount: Int = QuizGenerator.defaultQuestionCount, seed: UInt64,
        matcher: AnswerMatcher = AnswerMatcher()
    ) {
        self.mode = mode
        self.questionCount = questionCount
        self.seed = seed
        self.matcher = matcher
    }

    /// Cards that can be asked: both sides have letters or digits. In id order, so a deck whose
    /// cards were reordered still gives the same quiz.
    public static func askableCards(_ deck: Deck) -> [Card] {
        deck.cards
            .filter { !TextNormalizer.matchKey($0.front).isEmpty && !TextNormalizer.matchKey($0.back).isEmpty }
            .sorted { $0.id < $1.id }
    }

    public func generate(from deck: Deck) throws(QuizError) -> Quiz {
        guard questionCount >= 1 else { throw .badQuestionCount(questionCount) }
        let askable = Self.askableCards(deck)
        guard !askable.isEmpty else { throw .noQuestions(deck: deck.title) }
        var generator = SeededGenerator(seed: seed)
        var notes: [String] = []

        var chosen = askable
        generator.shuffle(&chosen)
        if questionCount > chosen.count {
            notes.append(
                "The deck has \(chosen.count) card\(chosen.count == 1 ? "" : "s") to ask, so the quiz has "
                    + "\(chosen.count) question\(chosen.count == 1 ? "" : "s"), not \(questionCount).")
        }
        chosen = Array(chosen.prefix(questionCount))

        var kinds = plannedKinds(for: chosen, using: &generator)
        let picker = DistractorPicker(cards: askable, resemblance: AnswerResemblance(matcher: matcher))
        let truths = plannedTruths(count: kinds.filter { $0 == .truefalse }.count, using: &generator)
        var truthIndex = 0

        var questions: [QuizQuestion] = []
        for (i, card) in chosen.enumerated() {
            let number = i + 1
            var form: QuizQuestion.Form = .typed
            if kinds[i] == .choice {
                let distractors = picker.pick(Self.optionCount - 1, for: card, using: &generator)
                if distractors.isEmpty {
                    kinds[i] = .typed
                    notes.append("Question \(number) is typed: the deck has no other answer to offer as an option.")
                } else {
                    var options = [card.back] + distractors
                    generator.shuffle(&options)
                    let correct = options.firstIndex(of: card.back) ?? 0
                    form = .choice(options: options, correct: correct)
                    if options.count < Self.optionCount {
                        notes.append(
                            "Question \(number) has \(options.count) options, not \(Self.optionCount): the deck has "
                                + "too few other answers that are different enough.")
                    }
                }
            } else if kinds[i] == .truefalse {
                var isTrue = truths[truthIndex]
                truthIndex += 1
                var proposed = card.back
                if !isTrue {
                    if let other = picker.pick(1, for: card, using: &generator).first {
                        proposed = other
                    } else {
                        isTrue = true
                        notes.append(
                            "Question \(number) is true: the deck has no other answer different enough to pair with it."
                        )
                    }
                }
                form = .truefalse(proposed: proposed, isTrue: isTrue)
            }
            questions.append(
                QuizQuestion(number: number, cardID: card.id, prompt: card.front, answer: card.back, form: form))
        }
        return Quiz(deckTitle: deck.title, seed: seed, mode: mode, questions: questions, notes: notes)
    }

    /// The kind of each chosen question. Mixed mode deals the three kinds in equal shares in a
    /// seeded order; an answer too long to type becomes a choice question.
    private func plannedKinds(for cards: [Card], using generator: inout SeededGenerator) -> [QuestionKind] {
        switch mode {
        case .choice: return cards.map { _ in .choice }
        case .truefalse: return cards.map { _ in .truefalse }
        case .typed: return cards.map { _ in .typed }
        case .mixed:
            let cycle: [QuestionKind] = [.choice, .truefalse, .typed]
            var kinds = cards.indices.map { cycle[$0 % cycle.count] }
            generator.shuffle(&kinds)
            for (i, card) in cards.enumerated() where kinds[i] == .typed {
                let words = TextNormalizer.matchKey(card.back).split(separator: " ").count
                if words > Self.typedWordLimit { kinds[i] = .choice }
            }
            return kinds
        }
    }

    /// Half true and half false, in a seeded order; an odd one out is decided by a coin.
    private func plannedTruths(count: Int, using generator: inout SeededGenerator) -> [Bool] {
        guard count > 0 else { return [] }
        let trues = count / 2 + (count % 2 == 1 ? generator.index(below: 2) : 0)
        var truths = Array(repeating: true, count: trues) + Array(repeating: false, count: count - trues)
        generator.shuffle(&truths)
        return truths
    }
}
