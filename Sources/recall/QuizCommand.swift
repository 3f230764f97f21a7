import ArgumentParser
import Quizzes

/// `recall quiz DECK …` takes or prints a quiz; `recall quiz results DECK` shows the gradebook.
///
/// `take` is the default subcommand, so `recall quiz DECK` means `recall quiz take DECK`. A deck
/// named `results` or `take` is reached as `recall quiz take results`.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Take a seeded quiz on a deck, print it, or see the gradebook.",
        discussion: """
            recall quiz DECK [--questions N] [--mode M] [--seed S] [--exam] [--time-limit T] [--student NAME]
            recall quiz DECK --print [--seed S] [--format markdown|html|gift|aiken] [--output FILE]
            recall quiz results DECK [--csv]
            (recall quiz DECK is short for recall quiz take DECK.)
            """,
        subcommands: [QuizTakeCommand.self, QuizResultsCommand.self],
        defaultSubcommand: QuizTakeCommand.self
    )
}

extension QuizMode: ExpressibleByArgument {}
