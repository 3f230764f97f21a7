import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

@testable import Trainer

/// The REPL driven by a script: commands, mistakes, Ctrl-C and Ctrl-D, completion.
struct ReplTests {
    @Test func commandsMistakesAndQuit() throws {
        let harness = try Harness()
        let (context, reader) = harness.context([
            "help", "help study", "decks", "frobnicate", "study nosuchdeck", "stats --bogus", "build \"unclosed",
            "quit", "decks",
        ])
        let status = Repl(context: context).run()
        #expect(status == 0)
        #expect(reader.script.remaining == 1)
        harness.checkTranscript("repl-commands.txt")
    }

    @Test func studyFromTheReplThenStats() throws {
        let harness = try Harness()
        let (context, _) = harness.context(["stu", "", "3", "", "1", "q", "decks", "stats cells", "stats --json"])
        #expect(Repl(context: context).run() == 0)
        harness.checkTranscript("repl-study-stats.txt")
    }

    @Test func ctrlCAtThePromptAsksThenLeaves() throws {
        let harness = try Harness()
        let (context, reader) = harness.context(["\u{03}", "decks", "\u{03}", "\u{03}", "decks"])
        #expect(Repl(context: context).run() == 0)
        #expect(reader.script.remaining == 1)
        #expect(harness.console.output.components(separatedBy: "Press Ctrl-C again").count == 3)
    }

    @Test func ctrlCDuringACardReturnsToThePromptAndCtrlDLeaves() throws {
        let harness = try Harness()
        let (context, reader) = harness.context(["study", "", "2", "\u{03}", "decks"])
        #expect(Repl(context: context).run() == 0)
        #expect(reader.script.remaining == 0)
        #expect(harness.console.output.hasSuffix("Bye.\n"))
        #expect(try harness.logEntries().count == 1)
        #expect(harness.console.output.contains("recall> decks"))
    }

    @Test func ctrlDInASessionSavesAndLeavesTheRepl() throws {
        let harness = try Harness()
        let (context, reader) = harness.context(["study cells", "", "3"])
        #expect(Repl(context: context).run() == 0)
        #expect(reader.script.remaining == 0)
        #expect(try harness.logEntries().count == 1)
        #expect(harness.console.output.hasSuffix("Bye.\n"))
    }

    @Test func tabCompletesCommandsDecksOptionsAndFiles() throws {
        let harness = try Harness()
        try DeckStore(home: harness.home).save(Deck(title: "Chemistry"), as: try DeckName("chemistry"))
        let (context, _) = harness.context([])
        let repl = Repl(context: context)
        #expect(repl.complete(before: "", word: "st") == .words(["stats", "study"]))
        #expect(repl.complete(before: "study ", word: "c") == .words(["cells", "chemistry"]))
        #expect(repl.complete(before: "stats ", word: "ch") == .words(["chemistry"]))
        #expect(repl.complete(before: "stats cells ", word: "--") == .words(["--json"]))
        #expect(repl.complete(before: "help ", word: "q") == .words(["quit"]))
        #expect(repl.complete(before: "decks ", word: "") == .words([]))
        #expect(repl.complete(before: "nosuch ", word: "") == .words([]))
        #expect(SessionCompletion().complete(before: "", word: "g") == .words(["good"]))
    }

    @Test func commandPrefixesWorkWhenUnambiguous() throws {
        let harness = try Harness()
        let (context, _) = harness.context([])
        let repl = Repl(context: context)
        #expect(repl.command(named: "stu")?.name == "study")
        #expect(repl.command(named: "st") == nil)
        #expect(repl.command(named: "QUIT")?.name == "quit")
    }
}
