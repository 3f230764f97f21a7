import Flashcards

/// `study [DECK]`: a session on one deck.
public enum StudyCommand {
    static var command: ReplCommand {
        ReplCommand(
            name: "study", usage: "study [DECK]", summary: "Study a deck's due and new cards.",
            details: """
                At a card: type your answer and Enter to compare it, or just Enter to reveal.
                Then rate: 1 Again, 2 Hard, 3 Good, 4 Easy (Enter takes the suggestion).
                Keys: u undo the last answer, s suspend, b bury until tomorrow, e edit in $EDITOR, q end.
                Ctrl-C ends the session; every answer is already saved.
                """,
            arguments: .deck(options: []),
            run: { context, arguments in
                guard arguments.count <= 1 else { throw ReplUsageError("usage: study [DECK]") }
                let ending = try run(context, deck: arguments.first)
                return ending == .endOfInput ? .quit : .proceed
            })
    }

    /// Opens the deck, runs a session, closes it; shared with `recall study`.
    public static func run(_ context: ReplContext, deck argument: String?) throws -> StudySession.Ending {
        let name = try context.deckName(argument)
        let deck = try context.library.open(name, at: context.clock.now, seed: context.seed)
        return StudySession(deck: deck, context: context).run()
    }
}
