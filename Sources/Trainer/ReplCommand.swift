/// One verb of the REPL: its name, how it is used, what Tab completes for its arguments, and
/// what it does.
public struct ReplCommand {
    /// What Tab offers for a command's arguments.
    public enum Arguments: Sendable, Equatable {
        case none
        /// A deck name, then words (options such as `--json`).
        case deck(options: [String])
        /// File paths, then more file paths.
        case files(options: [String])
        /// Command names (for `help`).
        case commands
    }

    /// What the REPL does after a command.
    public enum Outcome: Sendable, Equatable {
        case proceed
        case quit
    }

    public var name: String
    public var usage: String
    public var summary: String
    /// More lines for `help COMMAND`.
    public var details: String
    public var arguments: Arguments
    public var run: (ReplContext, [String]) throws -> Outcome

    public init(
        name: String, usage: String, summary: String, details: String = "", arguments: Arguments = .none,
        run: @escaping (ReplContext, [String]) throws -> Outcome
    ) {
        self.name = name
        self.usage = usage
        self.summary = summary
        self.details = details
        self.arguments = arguments
        self.run = run
    }
}

/// A mistake in how a REPL command was used: printed as one line, and the REPL goes on.
public struct ReplUsageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
