import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

@testable import Trainer

/// Study sessions driven by a script, checked against golden transcripts and the files on disk.
struct StudySessionTests {
    @Test func typedAndRevealedAnswersAreScoredRatedAndSaved() throws {
        let harness = try Harness()
        let (context, reader) = harness.context([
            "ATP, the energy currency",  // typed: close enough, suggests Good
            "",  // take the suggestion
            "",  // reveal
            "1",  // Again
            "in the ribosome",  // wrong: suggests Again
            "",  // take it
            "q",
        ])
        let ending = StudySession(
            deck: try context.library.open(try DeckName("cells"), at: harness.clock.now, seed: 1),
            context: context
        ).run()
        #expect(ending == .finished)
        #expect(reader.script.remaining == 0)
        harness.checkTranscript("session-typed-and-revealed.txt")
        let reviews = try harness.logEntries().filter { $0["kind"] as? String == "review" }
        #expect(reviews.map { $0["rating"] as? Int } == [3, 1, 1])
    }

    @Test func undoTakesTheAnswerBackOnDiskAndShowsTheCardAgain() throws {
        let harness = try Harness()
        let (context, _) = harness.context(["", "4", "u", "", "3", "q"])
        StudySession(
            deck: try context.library.open(try DeckName("cells"), at: harness.clock.now, seed: 1), context: context
        )
        .run()
        harness.checkTranscript("session-undo.txt")
        let kinds = try harness.logEntries().map { $0["kind"] as? String }
        #expect(kinds == ["review", "undo", "review"])
        let ratings = try harness.logEntries().compactMap { $0["rating"] as? Int }
        #expect(ratings == [4, 3])
    }

    @Test func suspendAndBuryTakeCardsOutOfTheQueue() throws {
        let harness = try Harness()
        let (context, _) = harness.context(["s", "", "b", "q"])
        let name = try DeckName("cells")
        StudySession(deck: try context.library.open(name, at: harness.clock.now, seed: 1), context: context).run()
        harness.checkTranscript("session-suspend-bury.txt")
        #expect(try harness.logEntries().map { $0["kind"] as? String } == ["suspend", "bury"])
        let overview = try context.library.overview(name, at: harness.clock.now)
        #expect(overview.counts.new == 2)
    }

    @Test func editKeepsTheIdAndProgress() throws {
        let harness = try Harness()
        harness.environment["EDITOR"] = "sed -i 's/ATP, the cell/ATP (adenosine triphosphate), the cell/'"
        let (context, _) = harness.context(["", "e", "3", "q"])
        let name = try DeckName("cells")
        StudySession(deck: try context.library.open(name, at: harness.clock.now, seed: 1), context: context).run()
        harness.checkTranscript("session-edit.txt")
        let deck = try DeckStore(home: harness.home).load(name)
        let edited = try #require(deck.cards.first)
        #expect(edited.back == "ATP (adenosine triphosphate), the cell's energy currency")
        #expect(edited.id == Harness.sampleDeck.cards[0].id)
        #expect(try harness.logEntries().map { $0["card"] as? String } == [edited.id.rawValue])
        #expect(!harness.directory.exists(".edit-\(edited.id).txt"))
    }

    @Test func nothingDueOffersReviewAheadThatChangesNothing() throws {
        let harness = try Harness()
        let name = try DeckName("cells")
        do {
            let (context, _) = harness.context(["", "4", "", "4", "", "4", "", "4"])
            StudySession(deck: try context.library.open(name, at: harness.clock.now, seed: 1), context: context).run()
        }
        let logBefore = try harness.logEntries().count
        harness.console.clear()
        let (context, _) = harness.context(["c", "", "y", "ATP", "q"])
        StudySession(deck: try context.library.open(name, at: harness.clock.now, seed: 1), context: context).run()
        harness.checkTranscript("session-nothing-due-cram.txt")
        #expect(try harness.logEntries().count == logBefore)
    }

    @Test func interruptAndEndOfInputEndTheSessionKeepingAnswers() throws {
        let harness = try Harness()
        let (context, _) = harness.context(["", "3", "\u{03}"])
        let name = try DeckName("cells")
        let ending = StudySession(
            deck: try context.library.open(name, at: harness.clock.now, seed: 1), context: context
        )
        .run()
        #expect(ending == .interrupted)
        let (again, _) = harness.context(["", "3"])
        let second = StudySession(deck: try again.library.open(name, at: harness.clock.now, seed: 1), context: again)
            .run()
        #expect(second == .endOfInput)
        #expect(try harness.logEntries().count == 2)
    }

    @Test func deckTextReachesTheTerminalWithoutControlSequences() throws {
        let harness = try Harness()
        let (context, _) = harness.context(["", "3", "", "3", "", "3", "", "3"])
        StudySession(
            deck: try context.library.open(try DeckName("cells"), at: harness.clock.now, seed: 1), context: context
        )
        .run()
        #expect(!harness.console.output.contains("\u{1B}"))
        #expect(harness.console.output.contains("A lipid bilayer, the membrane, surrounds the cell."))
    }
}
