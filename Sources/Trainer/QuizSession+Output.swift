import Flashcards
import Foundation
import Quizzes

extension QuizSession {
    func writeHeader() {
        let count = quiz.questions.count
        console.write(
            "Quiz: \(inert(quiz.deckTitle)), \(count) question\(count == 1 ? "" : "s") (seed \(quiz.seed))\n")
        for note in quiz.notes { console.write("Note: \(inert(note))\n") }
        if options.exam { console.write("Exam: you will see which answers were right at the end.\n") }
        if let limit = options.timeLimit { console.write("Time limit: \(Self.clock(limit)).\n") }
        console.write("Choice: type the letter. True/false: t or f. Typed: the answer. Ctrl-D stops.\n\n")
    }

    func writeQuestion(_ question: QuizQuestion, deadline: Date?) {
        var heading = "Question \(question.number) of \(quiz.questions.count)"
        if let deadline { heading += " (\(Self.clock(max(0, deadline.timeIntervalSince(clock.now)))) left)" }
        console.write("\n\(heading)\n\(inert(question.prompt))\n")
        switch question.form {
        case .choice(let options, _):
            for (i, option) in options.enumerated() {
                console.write("  \(QuizQuestion.letter(i)). \(indented(option))\n")
            }
        case .truefalse(let proposed, _):
            console.write("  Proposed answer: \(indented(proposed))\n  True or false?\n")
        case .typed:
            console.write("  Type the answer.\n")
        }
    }

    func writeFeedback(_ question: QuizQuestion, _ response: GradedResponse) {
        if response.isCorrect {
            console.write("Right.\n")
        } else {
            let closeness = response.matchScore.map { " (\(Int(($0 * 100).rounded()))% alike)" } ?? ""
            console.write("Wrong\(closeness). \(rightAnswer(question))\n")
        }
    }

    func writeSummary(_ attempt: QuizAttempt) {
        console.write("\n")
        if attempt.ending == .timeUp { console.write("Time is up.\n") }
        if options.exam {
            console.write("Results\n")
            for (answer, question) in zip(attempt.answers, quiz.questions) {
                let mark = answer.correct ? "right" : answer.given == nil ? "not answered" : "wrong"
                console.write("\(answer.number). \(mark): \(inert(TerminalSanitizer.inertLine(question.prompt)))\n")
                if !answer.correct { console.write("   \(rightAnswer(question))\n") }
            }
            console.write("\n")
        }
        let percent = attempt.total == 0 ? 0 : Int((Double(attempt.score) * 100 / Double(attempt.total)).rounded())
        console.write(
            "Score: \(attempt.score)/\(attempt.total) (\(percent)%) in \(Self.clock(attempt.seconds)), "
                + "\(inert(attempt.student)).\n")
    }

    /// "The answer is …" for a question, as the student would have given it.
    func rightAnswer(_ question: QuizQuestion) -> String {
        switch question.form {
        case .choice(let options, let correct):
            "The answer is \(QuizQuestion.letter(correct)). \(indented(options[correct]))"
        case .truefalse(_, let isTrue):
            isTrue ? "It is true." : "It is false; the answer is: \(indented(question.answer))"
        case .typed:
            "The answer is: \(indented(question.answer))"
        }
    }

    func inert(_ text: String) -> String { TerminalSanitizer.inert(text) }

    /// Deck text whose later lines are indented under the first.
    func indented(_ text: String) -> String {
        inert(text).replacingOccurrences(of: "\n", with: "\n     ")
    }

    /// `m:ss`.
    static func clock(_ seconds: TimeInterval) -> String {
        let s = Int(seconds.rounded(.up))
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
