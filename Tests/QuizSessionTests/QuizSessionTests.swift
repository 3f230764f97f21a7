import Flashcards
import Foundation
import Quizzes
import Storage
import TestSupport
import Testing

@testable import Trainer

struct QuizSessionTests {
    let home = TemporaryDirectory()
    let clock = FixedClock(iso: "2026-03-01T09:00:00Z")

    static func quiz(seed: UInt64 = 42, count: Int = 5, deck: Deck? = nil) throws -> Quiz {
        let deck =
            try deck
            ?? JSONDecoder().decode(
                Deck.self, from: Data(contentsOf: Paths.fixture("QuizzesTests", "geography.json")))
        return try QuizGenerator(questionCount: count, seed: seed).generate(from: deck)
    }

    /// Runs a session over scripted lines; each line takes `secondsPerLine` on the clock.
    func run(
        _ quiz: Quiz, lines: [String], options: QuizSessionOptions = QuizSessionOptions(), secondsPerLine: Double = 5,
        save: Bool = true
    ) throws -> (attempt: QuizAttempt?, console: CapturedConsole, reader: ScriptedLineReader) {
        let reader = ScriptedLineReader(lines)
        let clock = self.clock
        reader.beforeEachLine = { _ in clock.advance(by: secondsPerLine) }
        let console = CapturedConsole()
        let store = save ? QuizResultStore(home: DataHome(root: home.url)) : nil
        let session = QuizSession(
            quiz: quiz, deck: "geography", options: options, reader: reader, console: console, clock: clock,
            store: store)
        return (try session.run(), console, reader)
    }

    /// The right response to every question, except wrong ones at the given numbers.
    static func responses(_ quiz: Quiz, wrongAt wrong: Set<Int> = []) -> [String] {
        quiz.questions.map { q in
            guard wrong.contains(q.number) else { return q.expectedResponse }
            switch q.form {
            case .choice(_, let correct): return QuizQuestion.letter(correct == 0 ? 1 : 0)
            case .truefalse(_, let isTrue): return isTrue ? "f" : "t"
            case .typed: return "no idea"
            }
        }
    }

    @Test func feedbackFollowsEachAnswer() throws {
        let quiz = try Self.quiz()
        let (attempt, console, _) = try run(quiz, lines: ["Ann"] + Self.responses(quiz, wrongAt: [2]))
        let a = try #require(attempt)
        #expect(a.score == 4 && a.total == 5)
        #expect(a.ending == .completed)
        #expect(a.answers.map(\.correct) == [true, false, true, true, true])
        #expect(a.answers.allSatisfy { $0.seconds == 5 })
        #expect(a.student == "Ann" && a.seed == 42 && a.deck == "geography")
        let transcript = console.output.replacingOccurrences(of: home.url.path, with: "$HOME")
        #expect(Golden.check(transcript, target: "QuizSessionTests", name: "feedback-seed-42.txt") == nil)
    }

    @Test func examModeHoldsFeedbackUntilTheEnd() throws {
        let quiz = try Self.quiz()
        let (attempt, console, _) = try run(
            quiz, lines: Self.responses(quiz, wrongAt: [1, 3]), options: QuizSessionOptions(exam: true, student: "Bo"))
        #expect(attempt?.score == 3)
        #expect(attempt?.exam == true)
        let results = try #require(console.output.range(of: "Results\n"))
        let during = console.output[..<results.lowerBound]
        #expect(!during.contains("Right.") && !during.contains("Wrong"))
        let after = console.output[results.upperBound...]
        #expect(after.contains("1. wrong: "))
        #expect(after.contains("2. right: "))
        #expect(after.contains("Score: 3/5 (60%)"))
    }

    @Test func answersAfterTheTimeLimitDoNotCount() throws {
        let quiz = try Self.quiz()
        let (attempt, console, reader) = try run(
            quiz, lines: Self.responses(quiz), options: QuizSessionOptions(timeLimit: 12, student: "Cy"))
        let a = try #require(attempt)
        #expect(a.ending == .timeUp)
        #expect(a.answers.map(\.correct) == [true, true, false, false, false])
        #expect(a.answers.map { $0.given == nil } == [false, false, true, true, true])
        #expect(a.timeLimitSeconds == 12)
        #expect(reader.remaining == 2)
        #expect(console.output.contains("Question 2 of 5 (0:07 left)"))
        #expect(console.output.contains("Time is up: that answer came after the time limit"))
    }

    @Test func attemptIsSavedAsJSONAndTheScheduleIsUntouched() throws {
        let quiz = try Self.quiz()
        let (attempt, console, _) = try run(quiz, lines: ["Dana Smith"] + Self.responses(quiz))
        let dir = home.url.appendingPathComponent("Progress/quizzes/geography")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files == ["20260301T090005Z-dana-smith-seed42.json"])
        let saved = try QuizAttempt.decode(Data(contentsOf: dir.appendingPathComponent(files[0]))).get()
        #expect(saved == attempt)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: home.url.appendingPathComponent("Progress").path) == [
                "quizzes"
            ])
        #expect(console.output.contains("Saved to \(dir.path)/\(files[0])"))
        // A second attempt in the same second gets its own file.
        clock.set(ISO8601DateFormatter().date(from: "2026-03-01T09:00:00Z") ?? Date())
        _ = try run(quiz, lines: ["Dana Smith"] + Self.responses(quiz))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).count == 2)
        let store = QuizResultStore(home: DataHome(root: home.url))
        #expect(store.attempts(deck: "geography").attempts.count == 2)
    }

    @Test func endOfInputBeforeANameSavesNothing() throws {
        let (attempt, console, _) = try run(try Self.quiz(), lines: [])
        #expect(attempt == nil)
        #expect(console.output.contains("nothing saved"))
        #expect(!home.exists("Progress/quizzes"))
    }

    @Test func endOfInputMidQuizSavesWhatWasAnswered() throws {
        let quiz = try Self.quiz()
        let (attempt, _, _) = try run(quiz, lines: ["Eve"] + Self.responses(quiz).prefix(2))
        #expect(attempt?.ending == .quit)
        #expect(attempt?.answers.map(\.correct) == [true, true, false, false, false])
        #expect(home.exists("Progress/quizzes/geography"))
    }

    @Test func unreadableResponsesAreAskedAgain() throws {
        let quiz = try Self.quiz(count: 1)
        let q = try #require(quiz.questions.first)
        let slip = q.kind == .truefalse ? "maybe" : "Z"
        let lines = q.kind == .typed ? ["", q.answer] : [slip, q.expectedResponse]
        let (attempt, console, reader) = try run(quiz, lines: lines, options: QuizSessionOptions(student: "Fay"))
        if q.kind == .typed {
            #expect(attempt?.score == 0)  // an empty typed answer is a wrong answer, not a slip
        } else {
            #expect(attempt?.score == 1)
            #expect(reader.prompts == ["> ", "> "])
            #expect(
                console.output.contains(q.kind == .choice ? "Answer with one of A" : "Answer t (true) or f (false)."))
        }
    }

    @Test func deckTextReachesTheTerminalInert() throws {
        let evil = "\u{1B}]0;owned\u{07}\u{1B}[2J"
        let deck = Deck(
            title: "Evil\(evil)",
            cards: (1...6).map { Card(kind: .faq, front: "Question \($0)\(evil)?", back: "Answer \($0)\(evil)") })
        let quiz = try Self.quiz(seed: 3, count: 6, deck: deck)
        let (_, console, _) = try run(
            quiz, lines: Self.responses(quiz, wrongAt: [1, 2, 3, 4, 5, 6]),
            options: QuizSessionOptions(exam: true, student: "Gus\u{1B}[31m"), save: false)
        #expect(!console.output.contains("\u{1B}"))
        #expect(!console.output.contains("\u{07}"))
        #expect(console.output.contains("Question 1"))
    }
}
