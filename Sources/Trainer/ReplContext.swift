import Flashcards
import Foundation
import Storage

/// What a REPL command works with: where to read and write, the data directory, the time.
public final class ReplContext {
    /// Where commands are read (with history and completion on a terminal).
    public let reader: LineReader
    /// Where a session's answers are read: no history, the session's own completion.
    public let answers: LineReader
    public let console: Console
    public let home: DataHome
    public let clock: Clock
    public let painter: Painter
    /// The environment (`EDITOR`, `VISUAL`), injected for tests.
    public let environment: [String: String]
    /// A seed for anything random in a session (fuzz, cram order); fixed in tests.
    public let seed: UInt64
    /// The learner's time zone: where study days begin and end.
    public let timeZone: TimeZone
    /// The decks and their progress.
    public let library: DeckLibrary

    public init(
        reader: LineReader, answers: LineReader? = nil, console: Console, home: DataHome, library: DeckLibrary,
        clock: Clock = SystemClock(),
        environment: [String: String] = ProcessInfo.processInfo.environment,
        seed: UInt64 = UInt64.random(in: .min ... .max), timeZone: TimeZone = .current
    ) {
        self.library = library
        self.timeZone = timeZone
        self.reader = reader
        self.answers = answers ?? reader
        self.console = console
        self.home = home
        self.clock = clock
        self.painter = Painter(console: console)
        self.environment = environment
        self.seed = seed
    }

    /// Writes a line, wrapped to the console's width.
    public func say(_ text: String = "", indent: String = "") {
        console.write(TextWrapper.wrap(text, width: console.width, indent: indent) + "\n")
    }

    /// Writes a one-line error; the REPL goes on.
    public func complain(_ text: String) {
        console.write(painter.bad("Error: ") + TerminalSanitizer.inertLine(text) + "\n")
    }

    /// The deck a user named, or the only deck when there is just one.
    public func deckName(_ argument: String?) throws -> DeckName {
        if let argument { return try DeckName(argument) }
        let names = library.names()
        if names.count == 1 { return names[0] }
        if names.isEmpty { throw ReplUsageError("no decks yet; make one with: build FILE") }
        throw ReplUsageError("which deck? one of: " + names.map(\.slug).joined(separator: ", "))
    }
}
