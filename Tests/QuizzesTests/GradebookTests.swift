import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Quizzes

struct GradebookTests {
    static func attempt(_ student: String, minute: Int, right: [String: Bool], seed: UInt64 = 7) -> QuizAttempt {
        let start = Date(timeIntervalSince1970: 1_790_000_000 + Double(minute * 60))
        let answers = right.keys.sorted().enumerated().map { i, card in
            QuizAttempt.Answer(
                number: i + 1, card: CardID(card), kind: .typed, prompt: "Prompt \(card)", expected: "A",
                given: "x", correct: right[card] ?? false, seconds: 3)
        }
        return QuizAttempt(
            student: student, deck: "geo", deckTitle: "Geo", seed: seed, mode: .typed, exam: false,
            timeLimitSeconds: nil, startedAt: start, finishedAt: start + 95, ending: .completed, answers: answers)
    }

    let attempts = [
        attempt("Zoë", minute: 2, right: ["a": true, "b": false, "c": true]),
        attempt("=cmd|' /C calc'!A0", minute: 1, right: ["a": true, "b": false, "c": false]),
        attempt("Bo, \"the\" kid", minute: 3, right: ["a": true, "b": true, "c": false]),
    ]

    @Test func rowsFollowTheAttemptsAndQuestionsHardestFirst() {
        let book = Gradebook(attempts: attempts)
        #expect(book.rows.map(\.student) == ["=cmd|' /C calc'!A0", "Zoë", "Bo, \"the\" kid"])
        #expect(book.rows.map(\.score) == [1, 2, 2])
        #expect(book.rows.allSatisfy { $0.total == 3 && $0.seconds == 95 && $0.seed == 7 })
        #expect(book.questions.map(\.card.rawValue) == ["b", "c", "a"])
        #expect(book.questions.map(\.right) == [1, 1, 3])
        #expect(book.questions.first?.share == 1.0 / 3.0)
    }

    @Test func csvIsQuotedAndFormulaSafe() {
        let csv = Gradebook(attempts: attempts).csv()
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "student,date,seed,score,total,percent,seconds,ending")
        #expect(lines[1] == "'=cmd|' /C calc'!A0,2026-09-21T14:14:20Z,7,1,3,33,95.0,completed")
        #expect(lines[3] == "\"Bo, \"\"the\"\" kid\",2026-09-21T14:16:20Z,7,2,3,67,95.0,completed")
        #expect(lines[4] == "")
        #expect(lines[5] == "card,question,asked,right,share")
        #expect(lines[6] == "b,Prompt b,3,1,0.333")
        #expect(lines.last == "")
    }

    @Test func textTablesAreInert() {
        let sneaky = Self.attempt("Eve\u{1B}[2J", minute: 0, right: ["a": true])
        let text = Gradebook(attempts: [sneaky]).text()
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("1/1 (100%)"))
        #expect(text.contains("Questions, hardest first"))
        #expect(Gradebook(attempts: []).text() == "No attempts yet.\n")
    }

    @Test func attemptFilesRoundTripAndTheFirstFormatKeepsLoading() throws {
        let a = attempts[0]
        #expect(try QuizAttempt.decode(a.encoded()).get() == a)
        let pinned = try Data(contentsOf: Paths.fixture("QuizzesTests", "attempt-format-1.json"))
        let old = try QuizAttempt.decode(pinned).get()
        #expect(old.student == "Ann Example")
        #expect(old.score == 1 && old.total == 2)
        #expect(old.answers[1].given == nil)
        #expect(old.ending == .timeUp)
        let newer = Data(#"{"format": 99}"#.utf8)
        #expect(throws: QuizAttemptDecodingError.self) { try QuizAttempt.decode(newer).get() }
    }
}
