import Flashcards
import Foundation

/// One student's attempt at a quiz, as saved under `Progress/quizzes/<deck>/`.
///
/// The file says everything the gradebook needs without the deck: a deck rebuilt or edited
/// later does not change what a student was asked or answered.
public struct QuizAttempt: Hashable, Codable, Sendable {
    /// The version of the attempt file format this code writes.
    public static let currentFormat = 1

    /// How the attempt ended.
    public enum Ending: String, Codable, Sendable {
        /// Every question answered.
        case completed
        /// The time limit ran out; unanswered questions count as wrong.
        case timeUp = "time-up"
        /// The student left (end of input); unanswered questions count as wrong.
        case quit
    }

    /// One question as asked and answered.
    public struct Answer: Hashable, Codable, Sendable {
        public var number: Int
        public var card: CardID
        public var kind: QuestionKind
        public var prompt: String
        /// For choice questions, the options in the order shown.
        public var options: [String]?
        /// For true/false questions, the answer proposed.
        public var proposed: String?
        /// The right response: an option letter, `True`/`False`, or the answer text.
        public var expected: String
        /// What the student typed; nil when the question was never answered.
        public var given: String?
        public var correct: Bool
        /// Seconds from showing the question to the answer.
        public var seconds: Double
        /// For typed questions, the answer matcher's score (0…1).
        public var matchScore: Double?

        public init(
            number: Int, card: CardID, kind: QuestionKind, prompt: String, options: [String]? = nil,
            proposed: String? = nil, expected: String, given: String?, correct: Bool, seconds: Double,
            matchScore: Double? = nil
        ) {
            self.number = number
            self.card = card
            self.kind = kind
            self.prompt = prompt
            self.options = options
            self.proposed = proposed
            self.expected = expected
            self.given = given
            self.correct = correct
            self.seconds = seconds
            self.matchScore = matchScore
        }

        /// The record of a question not answered.
        public init(unanswered question: QuizQuestion) {
            self.init(question: question, response: nil, seconds: 0)
        }

        /// The record of a question and its graded response (nil: not answered).
        public init(question: QuizQuestion, response: GradedResponse?, seconds: Double) {
            var options: [String]?
            var proposed: String?
            switch question.form {
            case .choice(let o, _): options = o
            case .truefalse(let p, _): proposed = p
            case .typed: break
            }
            self.init(
                number: question.number, card: question.cardID, kind: question.kind, prompt: question.prompt,
                options: options, proposed: proposed, expected: question.expectedResponse, given: response?.given,
                correct: response?.isCorrect ?? false, seconds: seconds, matchScore: response?.matchScore)
        }
    }

    public var format: Int
    public var student: String
    /// The deck's slug (its file name under `Decks/` without `.json`).
    public var deck: String
    public var deckTitle: String
    public var seed: UInt64
    public var mode: QuizMode
    public var exam: Bool
    public var timeLimitSeconds: Double?
    public var startedAt: Date
    public var finishedAt: Date
    public var ending: Ending
    public var answers: [Answer]

    public init(
        student: String, deck: String, deckTitle: String, seed: UInt64, mode: QuizMode, exam: Bool,
        timeLimitSeconds: Double?, startedAt: Date, finishedAt: Date, ending: Ending, answers: [Answer],
        format: Int = QuizAttempt.currentFormat
    ) {
        self.format = format
        self.student = student
        self.deck = deck
        self.deckTitle = deckTitle
        self.seed = seed
        self.mode = mode
        self.exam = exam
        self.timeLimitSeconds = timeLimitSeconds
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.ending = ending
        self.answers = answers
    }

    /// Questions answered right.
    public var score: Int { answers.filter(\.correct).count }
    /// Questions asked.
    public var total: Int { answers.count }
    /// Seconds from the first question to the end.
    public var seconds: Double { finishedAt.timeIntervalSince(startedAt) }
}

extension QuizAttempt {
    /// The attempt file's bytes: pretty-printed, sorted keys, ISO 8601 dates.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding plain value types cannot fail; a failure here is a programming error.
        guard var data = try? encoder.encode(self) else { preconditionFailure("attempt not encodable") }
        data.append(0x0A)
        return data
    }

    /// Reads an attempt file; nil with a reason when it is not one this code reads.
    public static func decode(_ data: Data) -> Result<QuizAttempt, QuizAttemptDecodingError> {
        struct Header: Decodable { var format: Int? }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        if let header = try? decoder.decode(Header.self, from: data), let f = header.format, f > currentFormat {
            return .failure(QuizAttemptDecodingError(detail: "format \(f) is newer than this recall reads"))
        }
        do { return .success(try decoder.decode(QuizAttempt.self, from: data)) } catch {
            return .failure(QuizAttemptDecodingError(detail: "not a quiz attempt (\(error))"))
        }
    }
}

/// Why an attempt file could not be read.
public struct QuizAttemptDecodingError: Error, Equatable, CustomStringConvertible {
    public var detail: String
    public var description: String { detail }
}
