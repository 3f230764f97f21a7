import ArgumentParser
import Foundation
import ReadlineSupport
import Storage
import Trainer

/// Builds the REPL and sessions for a real terminal (or a pipe) over a data directory.
enum ReplLauncher {
    /// The history file, in the data directory like everything recall writes.
    static func historyFile(_ home: DataHome) -> URL { home.root.appendingPathComponent(".recall_history") }

    static func context(home: DataHome, completion: CompletionSource? = nil) -> ReplContext {
        try? FileManager.default.createDirectory(at: home.root, withIntermediateDirectories: true)
        let reader = ReadlineLineReader(historyFile: historyFile(home), completion: completion)
        let answers = ReadlineLineReader(historyFile: nil, completion: SessionCompletion())
        return ReplContext(
            reader: reader, answers: answers, console: TerminalConsole(), home: home,
            library: StorageLibrary(home: home))
    }

    /// Opens the REPL; returns its exit status.
    static func run(home: DataHome) -> Int32 {
        let completer = CompletionRelay()
        let context = context(home: home, completion: completer)
        let repl = Repl(context: context, extraCommands: cliCommands)
        completer.target = repl
        return repl.run()
    }

    /// The CLI commands the REPL runs as they are, so `build` in the REPL is `recall build`.
    static var cliCommands: [ReplCommand] {
        [
            wrap(
                Build.self, name: "build", usage: "build FILE... [--deck NAME]",
                arguments: .files(options: ["--deck", "--format", "--output", "--verbose"])),
            wrap(
                Export.self, name: "export", usage: "export DECK [--format F] [--output FILE]",
                arguments: .deck(options: [
                    "--format", "--output", "--bom", "--line-ending", "--no-neutralize", "--anki-deck",
                    "--term-separator", "--card-separator",
                ])),
            wrap(
                Import.self, name: "import", usage: "import FILE [--deck NAME]",
                arguments: .files(options: ["--deck", "--format", "--no-neutralize"])),
            wrap(
                QuizCommand.self, name: "quiz", usage: "quiz DECK [--questions N] [--seed S] [--exam]",
                arguments: .deck(options: [
                    "--questions", "--mode", "--seed", "--exam", "--time-limit", "--student", "--print", "--format",
                    "--output",
                ])),
        ]
    }

    static func wrap<Command: ParsableCommand>(
        _ type: Command.Type, name: String, usage: String, arguments: ReplCommand.Arguments
    ) -> ReplCommand {
        ReplCommand(
            name: name, usage: usage, summary: Command.configuration.abstract,
            details: "The same as `recall \(name)`; `help` there: \(name) --help.", arguments: arguments,
            run: { context, words in
                do {
                    // As the root, so a command with subcommands (`quiz results`) dispatches;
                    // `--home` last, where every subcommand takes it.
                    var command = try Command.parseAsRoot(words + ["--home", context.home.root.path])
                    try command.run()
                } catch let failure as RecallFailure {
                    throw ReplUsageError(failure.message)
                } catch {
                    if Command.exitCode(for: error) == .success {
                        context.console.write(Command.fullMessage(for: error) + "\n")
                    } else {
                        throw ReplUsageError(Command.message(for: error))
                    }
                }
                return .proceed
            })
    }
}

/// Lets the reader exist before the REPL it completes for.
final class CompletionRelay: CompletionSource {
    weak var target: CompletionSource?
    func complete(before: String, word: String) -> Completion {
        target?.complete(before: before, word: word) ?? .words([])
    }
}
