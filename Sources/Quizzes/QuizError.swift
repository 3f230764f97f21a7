/// Why a quiz could not be made; each description is the sentence a user reads.
public enum QuizError: Error, Equatable, CustomStringConvertible {
    case noQuestions(deck: String)
    case badQuestionCount(Int)

    public var description: String {
        switch self {
        case .noQuestions(let deck):
            "deck '\(deck)' has no card with both a question and an answer to ask"
        case .badQuestionCount(let n):
            "--questions must be at least 1 (got \(n))"
        }
    }
}
