import Flashcards
import Foundation
import Quizzes
import Storage

/// How a quiz is taken.
public struct QuizSessionOptions: Sendable {
    /// Feedback only at the end, not after each answer.
    public var exam: Bool
    /// Seconds allowed for the whole quiz; an answer after that does not count.
    public var timeLimit: TimeInterval?
    /// The student's name; asked for when nil.
    public var student: String?

    public init(exam: Bool = false, timeLimit: TimeInterval? = nil, student: String? = nil) {
        self.exam = exam
        self.timeLimit = timeLimit
        self.student = student
    }
}

/// One student taking one quiz: name, questions one at a time, feedback, score, saved attempt.
///
/// Runs over `LineReader` and `Console`, so the `recall quiz` command, the REPL's `quiz` command
/// and tests drive the same code. Deck text reaches the console only through
/// `TerminalSanitizer`. The session never touches the review log or card states.
public final class QuizSession {
    public let quiz: Quiz
    /// The deck's slug, recorded in the attempt and naming its directory.
    public let deck: String
    public let options: QuizSessionOptions
    let reader: LineReader
    let console: Console
    let clock: Clock
    let store: QuizResultStore?
    let matcher: AnswerMatcher

    /// - Parameter store: where the attempt is saved; nil saves nothing (a dry run).
    public init(
        quiz: Quiz, deck: String, options: QuizSessionOptions = QuizSessionOptions(), reader: LineReader,
        console: Console, clock: Clock = SystemClock(), store: QuizResultStore?,
        matcher: AnswerMatcher = AnswerMatcher()
    ) {
        self.quiz = quiz
        self.deck = deck
        self.options = options
        self.reader = reader
        self.console = console
        self.clock = clock
        self.store = store
        self.matcher = matcher
    }

    /// Runs the quiz to its end, prints the score, saves the attempt and returns it; nil when
    /// input ends before the student gave a name (nothing is saved then).
    /// - Throws: `StorageError` when the attempt cannot be saved.
    @discardableResult
    public func run() throws(StorageError) -> QuizAttempt? {
        writeHeader()
        let named = options.student.map(Self.cleanName).flatMap { $0.isEmpty ? nil : $0 }
        guard let student = named ?? askName() else {
            console.write("\nNo answers given; nothing saved.\n")
            return nil
        }
        let startedAt = clock.now
        let deadline = options.timeLimit.map { startedAt.addingTimeInterval($0) }
        var answers: [QuizAttempt.Answer] = []
        var ending = QuizAttempt.Ending.completed

        for question in quiz.questions {
            if ending != .completed {
                answers.append(QuizAttempt.Answer(unanswered: question))
                continue
            }
            writeQuestion(question, deadline: deadline)
            let shownAt = clock.now
            guard let response = readResponse(to: question) else {
                ending = .quit
                answers.append(QuizAttempt.Answer(unanswered: question))
                continue
            }
            let answeredAt = clock.now
            if let deadline, answeredAt > deadline {
                ending = .timeUp
                console.write("Time is up: that answer came after the time limit and does not count.\n")
                answers.append(QuizAttempt.Answer(unanswered: question))
                continue
            }
            answers.append(
                QuizAttempt.Answer(
                    question: question, response: response, seconds: answeredAt.timeIntervalSince(shownAt)))
            if !options.exam { writeFeedback(question, response) }
        }

        let attempt = QuizAttempt(
            student: student, deck: deck, deckTitle: quiz.deckTitle, seed: quiz.seed, mode: quiz.mode,
            exam: options.exam, timeLimitSeconds: options.timeLimit, startedAt: startedAt, finishedAt: clock.now,
            ending: ending, answers: answers)
        writeSummary(attempt)
        if let store {
            let url = try store.save(attempt)
            console.write("Saved to \(TerminalSanitizer.inertLine(url.path))\n")
        }
        return attempt
    }

    // MARK: - Reading

    private func askName() -> String? {
        while true {
            guard let line = reader.readLine(prompt: "Your name: ") else { return nil }
            let name = Self.cleanName(line)
            if !name.isEmpty { return name }
            console.write("Please type your name.\n")
        }
    }

    /// A name fit for a file and a gradebook: inert, one line, trimmed, at most 100 characters.
    static func cleanName(_ raw: String) -> String {
        String(TextNormalizer.collapseWhitespace(TerminalSanitizer.inertLine(raw)).prefix(100))
    }

    /// Reads until the response can be graded; nil at end of input.
    private func readResponse(to question: QuizQuestion) -> GradedResponse? {
        while true {
            guard let line = reader.readLine(prompt: "> ") else { return nil }
            switch question.grade(line, matcher: matcher) {
            case .success(let response): return response
            case .failure(let problem): console.write("\(problem)\n")
            }
        }
    }
}
