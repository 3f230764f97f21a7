import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

/// The real `recall` binary in a real pseudo-terminal (tmux): readline's Tab completion and
/// history, a few cards studied, and the files left behind.
@Suite(.serialized)
struct TerminalEndToEndTests {
    @Test func studyTheSampleDeckInATerminal() throws {
        let directory = TemporaryDirectory("recall-pty")
        let (tmux, home) = try Self.startRecall(in: directory)

        try tmux.waitForLastLine("recall>")
        // Tab completes the command, then the deck name.
        try tmux.type("stu")
        try tmux.send("Tab")
        try tmux.wait(for: "command completed") { $0.hasSuffix("recall> study") }
        try tmux.type("sam")
        try tmux.send("Tab")
        try tmux.wait(for: "deck completed") { $0.hasSuffix("recall> study sample") }
        try tmux.send("Enter")

        // Three cards: reveal and rate Good, reveal and rate Again, reveal and take the suggestion.
        for rating in ["3", "1", ""] {
            try tmux.wait(for: "a card") { $0.hasSuffix("answer (Enter reveals; u s b e q)>") }
            try tmux.send("Enter")
            try tmux.wait(for: "the ratings") { $0.hasSuffix("rate (1-4, Enter = 3; u s b e q)>") }
            if !rating.isEmpty { try tmux.type(rating) }
            try tmux.send("Enter")
        }
        try tmux.wait(for: "a fourth card") { $0.hasSuffix("answer (Enter reveals; u s b e q)>") }
        try tmux.type("q")
        try tmux.send("Enter")
        let summary = try tmux.waitForLastLine("recall>")
        #expect(summary.contains("Session: 3 cards · 67% correct"))
        #expect(summary.contains("1 Again"))

        // Arrow-up brings back the last command from readline's history.
        try tmux.send("Up")
        try tmux.wait(for: "history") { $0.hasSuffix("recall> study sample") }
        try tmux.send("C-u")
        try tmux.type("decks")
        try tmux.send("Enter")
        let listing = try tmux.waitForLastLine("recall>")
        #expect(listing.contains("sample"))
        try tmux.send("C-d")
        try tmux.wait(for: "exit") { $0.contains("[exit 0]") }

        let progress = ProgressPaths(home: DataHome(root: home), deck: try DeckName("sample"))
        let log = try String(contentsOfFile: progress.log, encoding: .utf8)
        #expect(log.split(separator: "\n").filter { $0.contains("\"review\"") }.count == 3)
        #expect(FileManager.default.fileExists(atPath: progress.snapshot))
        let history = try String(contentsOf: home.appendingPathComponent(".recall_history"), encoding: .utf8)
        #expect(history.contains("study sample"))
        #expect(history.contains("decks"))
    }

    @Test func ctrlCDuringACardReturnsToThePrompt() throws {
        let directory = TemporaryDirectory("recall-pty")
        let (tmux, _) = try Self.startRecall(in: directory)
        try tmux.waitForLastLine("recall>")
        try tmux.type("study sample")
        try tmux.send("Enter")
        try tmux.wait(for: "a card") { $0.hasSuffix("answer (Enter reveals; u s b e q)>") }
        try tmux.type("half an answ")
        try tmux.send("C-c")
        try tmux.waitForLastLine("recall>")
        try tmux.send("C-c")
        try tmux.wait(for: "the warning") { $0.contains("Press Ctrl-C again") }
        try tmux.send("C-c")
        try tmux.wait(for: "exit") { $0.contains("[exit 0]") }
    }

    /// `recall` on a data directory holding the sample deck, in a fresh terminal.
    static func startRecall(in directory: TemporaryDirectory) throws -> (TmuxSession, URL) {
        let home = directory.url.appendingPathComponent("home")
        try installSampleDeck(into: DataHome(root: home))
        // Bracketed paste would wrap each prompt in escape codes; this inputrc turns it off.
        let inputrc = try directory.write("inputrc", "set enable-bracketed-paste off\n")
        let binary = Paths.products.appendingPathComponent("recall").path
        let tmux = try TmuxSession(
            directory: directory, command: [binary, "--home", home.path],
            environment: ["INPUTRC": inputrc.path, "TERM": "xterm", "NO_COLOR": "1", "HOME": directory.path])
        return (tmux, home)
    }

    /// The repository's sample deck, `Decks/sample.json`, as a learner would study it.
    static func installSampleDeck(into home: DataHome) throws {
        let sample = Paths.packageRoot.appendingPathComponent("Decks/sample.json")
        let deck = try DeckStore.decode(try Data(contentsOf: sample), path: sample.path)
        try DeckStore(home: home).save(deck, as: try DeckName("sample"))
    }
}
