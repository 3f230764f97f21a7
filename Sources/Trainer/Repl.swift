import Flashcards
import Storage

/// The read–eval–print loop: reads a command, runs it from the command table, and goes on
/// whatever the command's fate; only `quit`, Ctrl-D or a second Ctrl-C end it.
public final class Repl: CompletionSource {
    public let context: ReplContext
    public private(set) var commands: [ReplCommand]
    public static let prompt = "recall> "

    /// - Parameter extraCommands: commands the executable adds (those that run the CLI's own
    ///   code, such as `build` and `export`), merged into the built-in table by name.
    public init(context: ReplContext, extraCommands: [ReplCommand] = []) {
        self.context = context
        commands = []
        var table = ReplCommands.builtIn(help: { [unowned self] in self.commands })
        for extra in extraCommands {
            if let i = table.firstIndex(where: { $0.name == extra.name }) {
                table[i] = extra
            } else {
                table.append(extra)
            }
        }
        commands = table.sorted { $0.name < $1.name }
    }

    /// Runs until the learner quits; returns the process exit status (always 0: a mistake
    /// never ends the REPL with a failure).
    public func run() -> Int32 {
        greet()
        var warnedInterrupt = false
        while true {
            switch context.reader.readInput(prompt: Repl.prompt) {
            case .end:
                context.say("Bye.")
                return 0
            case .interrupted:
                if warnedInterrupt {
                    context.say("Bye.")
                    return 0
                }
                warnedInterrupt = true
                context.say("(Press Ctrl-C again or Ctrl-D to quit, or type a command.)")
            case .line(let line):
                warnedInterrupt = false
                if execute(line) == .quit {
                    context.say("Bye.")
                    return 0
                }
            }
        }
    }

    private func greet() {
        let count = context.library.names().count
        let decks = count == 1 ? "1 deck" : "\(count) decks"
        context.say("recall: \(decks) in \(TerminalSanitizer.inertLine(context.home.root.path))")
        context.say("Type \(context.painter.bold("help")) for commands, Tab to complete, Ctrl-D to quit.")
    }

    /// Runs one line; errors become one line of output.
    @discardableResult
    public func execute(_ line: String) -> ReplCommand.Outcome {
        let words: [String]
        do { words = try CommandLineSplitter.split(line) } catch {
            context.complain(error.description)
            return .proceed
        }
        guard let name = words.first else { return .proceed }
        guard let command = command(named: name) else {
            context.complain("unknown command '\(name)'; type help for the list")
            return .proceed
        }
        do {
            return try command.run(context, Array(words.dropFirst()))
        } catch {
            context.complain(String(describing: error))
            return .proceed
        }
    }

    /// A command by its name or by a prefix that names only one command.
    public func command(named name: String) -> ReplCommand? {
        let lower = name.lowercased()
        if let exact = commands.first(where: { $0.name == lower }) { return exact }
        let candidates = commands.filter { $0.name.hasPrefix(lower) }
        return candidates.count == 1 ? candidates[0] : nil
    }

    public func complete(before: String, word: String) -> Completion {
        let words = (try? CommandLineSplitter.split(before)) ?? before.split(separator: " ").map(String.init)
        guard let first = words.first else {
            return .words(commands.map(\.name).filter { $0.hasPrefix(word) })
        }
        guard let command = command(named: first) else { return .words([]) }
        let position = words.count - 1
        switch command.arguments {
        case .none:
            return .words([])
        case .commands:
            return .words(commands.map(\.name).filter { $0.hasPrefix(word) })
        case .deck(let options):
            if position == 0 && !word.hasPrefix("-") {
                return .words(context.library.names().map(\.slug).filter { $0.hasPrefix(word) })
            }
            return .words(options.filter { $0.hasPrefix(word) })
        case .files(let options):
            if word.hasPrefix("-") { return .words(options.filter { $0.hasPrefix(word) }) }
            return .files
        }
    }
}
