import Flashcards
import Foundation

/// A response read and judged.
public struct GradedResponse: Equatable, Sendable {
    /// What the student typed, trimmed.
    public var given: String
    /// For choice questions, the letter of the option chosen.
    public var choice: String?
    public var isCorrect: Bool
    /// For typed questions, the answer matcher's score (0…1).
    public var matchScore: Double?
    /// For typed questions, the word-level diff to show.
    public var diff: [AnswerMatch.Change]?
}

/// A response that answers nothing; the question is asked again.
public enum ResponseProblem: Error, Equatable, CustomStringConvertible {
    case notAnOption(letters: String)
    case notTrueOrFalse

    public var description: String {
        switch self {
        case .notAnOption(let letters): "Answer with one of \(letters), or the option's text."
        case .notTrueOrFalse: "Answer t (true) or f (false)."
        }
    }
}

extension QuizQuestion {
    /// Judges a response the way study sessions do: choice by letter, number or option text;
    /// true/false by `t`/`f`/`true`/`false`/`y`/`n`; typed by `AnswerMatcher`.
    ///
    /// An empty typed answer is a wrong answer; an unreadable choice or true/false response is
    /// a `ResponseProblem`, so a slip of the keyboard costs nothing.
    public func grade(_ response: String, matcher: AnswerMatcher = AnswerMatcher()) -> Result<
        GradedResponse, ResponseProblem
    > {
        let given = response.trimmingCharacters(in: .whitespacesAndNewlines)
        switch form {
        case .choice(let options, let correct):
            guard let index = Self.optionIndex(given, options: options) else {
                let letters = options.indices.map(Self.letter).joined(separator: ", ")
                return .failure(.notAnOption(letters: letters))
            }
            return .success(
                GradedResponse(given: given, choice: Self.letter(index), isCorrect: index == correct))
        case .truefalse(_, let isTrue):
            guard let said = Self.truth(given) else { return .failure(.notTrueOrFalse) }
            return .success(GradedResponse(given: given, isCorrect: said == isTrue))
        case .typed:
            let match = matcher.match(given: given, expected: answer)
            return .success(
                GradedResponse(
                    given: given, isCorrect: !given.isEmpty && match.isCorrect, matchScore: match.score,
                    diff: match.diff))
        }
    }

    static func optionIndex(_ given: String, options: [String]) -> Int? {
        let upper = given.uppercased()
        if upper.count == 1, let value = upper.unicodeScalars.first?.value, value >= 65, value < 65 + options.count {
            return Int(value) - 65
        }
        if let n = Int(given), (1...options.count).contains(n) { return n - 1 }
        let key = TextNormalizer.matchKey(given)
        guard !key.isEmpty else { return nil }
        return options.firstIndex { TextNormalizer.matchKey($0) == key }
    }

    static func truth(_ given: String) -> Bool? {
        switch TextNormalizer.matchKey(given) {
        case "t", "true", "y", "yes": true
        case "f", "false", "n", "no": false
        default: nil
        }
    }
}
