import Flashcards

/// Which kinds of question a quiz asks.
public enum QuizMode: String, CaseIterable, Codable, Sendable {
    /// Choice, true/false and typed questions in equal shares.
    case mixed
    case choice
    case truefalse
    case typed
}

/// The kind of one question.
public enum QuestionKind: String, CaseIterable, Codable, Sendable {
    case choice
    case truefalse
    case typed
}

/// A generated quiz: the same deck and seed always give the same one.
public struct Quiz: Hashable, Sendable {
    public var deckTitle: String
    public var seed: UInt64
    public var mode: QuizMode
    public var questions: [QuizQuestion]
    /// Plain sentences about what the deck could not give (fewer questions or options).
    public var notes: [String]

    public init(deckTitle: String, seed: UInt64, mode: QuizMode, questions: [QuizQuestion], notes: [String] = []) {
        self.deckTitle = deckTitle
        self.seed = seed
        self.mode = mode
        self.questions = questions
        self.notes = notes
    }
}

/// One question of a quiz, made from one card.
public struct QuizQuestion: Hashable, Sendable {
    /// How the question is put and what counts as right.
    public enum Form: Hashable, Sendable {
        /// Options in the order shown; `correct` indexes the card's own answer.
        case choice(options: [String], correct: Int)
        /// "Is `proposed` the answer?"; `isTrue` when it is the card's own answer.
        case truefalse(proposed: String, isTrue: Bool)
        /// The student types the answer, graded by `AnswerMatcher`.
        case typed
    }

    /// 1-based position in the quiz.
    public var number: Int
    public var cardID: CardID
    /// The card's front.
    public var prompt: String
    /// The card's back.
    public var answer: String
    public var form: Form

    public init(number: Int, cardID: CardID, prompt: String, answer: String, form: Form) {
        self.number = number
        self.cardID = cardID
        self.prompt = prompt
        self.answer = answer
        self.form = form
    }

    public var kind: QuestionKind {
        switch form {
        case .choice: .choice
        case .truefalse: .truefalse
        case .typed: .typed
        }
    }

    /// The right response as a student would give it: `B`, `True`, or the answer text.
    public var expectedResponse: String {
        switch form {
        case .choice(_, let correct): QuizQuestion.letter(correct)
        case .truefalse(_, let isTrue): isTrue ? "True" : "False"
        case .typed: answer
        }
    }

    /// `A` for 0, `B` for 1, …
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(65 + index)))
    }
}
