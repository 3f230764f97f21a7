import Flashcards

/// The REPL's own verbs; the executable adds those that share the CLI's code.
public enum ReplCommands {
    static func builtIn(help commands: @escaping () -> [ReplCommand]) -> [ReplCommand] {
        [
            helpCommand(commands),
            ReplCommand(
                name: "quit", usage: "quit", summary: "Save and leave recall (also Ctrl-D).",
                run: { _, _ in .quit }),
            DecksCommand.command,
            StudyCommand.command,
            StatsCommand.command,
        ]
    }

    private static func helpCommand(_ commands: @escaping () -> [ReplCommand]) -> ReplCommand {
        ReplCommand(
            name: "help", usage: "help [COMMAND]", summary: "List the commands, or explain one.",
            arguments: .commands,
            run: { context, arguments in
                let table = commands()
                if let name = arguments.first {
                    guard let command = table.first(where: { $0.name == name.lowercased() }) else {
                        throw ReplUsageError("no command '\(name)'; type help for the list")
                    }
                    context.say(context.painter.bold(command.usage))
                    context.say(command.summary, indent: "  ")
                    if !command.details.isEmpty { context.say(command.details, indent: "  ") }
                    return .proceed
                }
                let width = table.map(\.usage.count).max() ?? 0
                for command in table {
                    let padding = String(repeating: " ", count: width - command.usage.count)
                    context.say("  " + context.painter.bold(command.usage) + padding + "  " + command.summary)
                }
                context.say("Tab completes commands, deck names and files; arrow keys recall earlier lines.")
                return .proceed
            })
    }
}
