import ArgumentParser
import Flashcards
import Foundation
import Quizzes
import Storage
import Trainer

struct QuizResultsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "results",
        abstract: "The gradebook of a deck's quiz attempts: one row per attempt, then each question's share right."
    )

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck's name.")
    var deck: String

    @Flag(help: "Write CSV (attempts, a blank line, then questions) instead of tables.")
    var csv = false

    func run() throws {
        let home = homeOptions.dataHome
        let name: DeckName
        do { name = try DeckName(deck) } catch { throw RecallFailure(message: error.description) }
        let (attempts, problems) = QuizResultStore(home: home).attempts(deck: name.slug)
        if attempts.isEmpty && problems.isEmpty && !DeckStore(home: home).exists(name) {
            throw RecallFailure(message: "no deck '\(name.slug)' and no quiz attempts for it in \(home.root.path)")
        }
        let book = Gradebook(attempts: attempts)
        FileHandle.standardOutput.write(Data((csv ? book.csv() : book.text()).utf8))
        guard problems.isEmpty else {
            for problem in problems {
                FileHandle.standardError.write(Data("\(TerminalSanitizer.inertLine(problem))\n".utf8))
            }
            throw RecallFailure(
                message: "\(problems.count) attempt file(s) could not be read; the gradebook leaves them out")
        }
    }
}
