import Flashcards
import Foundation

/// The attempts at a deck's quizzes, summed up: one row per attempt, and per question the
/// share of attempts that got it right, hardest first.
public struct Gradebook: Hashable, Sendable {
    /// One attempt.
    public struct Row: Hashable, Sendable {
        public var student: String
        public var date: Date
        public var seed: UInt64
        public var score: Int
        public var total: Int
        public var seconds: Double
        public var ending: QuizAttempt.Ending
    }

    /// One question (one card), over every attempt that asked it.
    public struct QuestionShare: Hashable, Sendable {
        public var card: CardID
        public var prompt: String
        public var asked: Int
        public var right: Int
        public var share: Double { asked == 0 ? 0 : Double(right) / Double(asked) }
    }

    /// Rows in the order the attempts started.
    public var rows: [Row]
    /// Hardest first: lowest share right, then most asked, then by prompt.
    public var questions: [QuestionShare]

    public init(attempts: [QuizAttempt]) {
        rows =
            attempts
            .sorted { ($0.startedAt, $0.student) < ($1.startedAt, $1.student) }
            .map {
                Row(
                    student: $0.student, date: $0.startedAt, seed: $0.seed, score: $0.score, total: $0.total,
                    seconds: $0.seconds, ending: $0.ending)
            }
        var byCard: [CardID: QuestionShare] = [:]
        for attempt in attempts {
            for answer in attempt.answers {
                var entry =
                    byCard[answer.card] ?? QuestionShare(card: answer.card, prompt: answer.prompt, asked: 0, right: 0)
                entry.asked += 1
                if answer.correct { entry.right += 1 }
                byCard[answer.card] = entry
            }
        }
        questions = byCard.values.sorted { a, b in
            if a.share != b.share { return a.share < b.share }
            if a.asked != b.asked { return a.asked > b.asked }
            return (a.prompt, a.card) < (b.prompt, b.card)
        }
    }
}
