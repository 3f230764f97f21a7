import ArgumentParser
import Flashcards
import Foundation
import Scheduling
import Storage

/// `recall review DECK CARD-ID RATING`: one answer, saved, for scripts and tests. The same
/// `DeckProgress.answer` the study REPL calls.
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer one card without a session (for scripts).",
        discussion: """
            Schedules the card as if answered in a study session, appends the answer to the \
            deck's review log, flushes it to disk, and prints when the card is due again.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck's name.") var deck: String
    @Argument(help: "The card's id (see `recall due`).") var cardID: String
    @Argument(help: "1-4 or again, hard, good, easy.") var rating: String

    @Option(help: "How long the answer took, in milliseconds.") var duration: Int?
    @Option(help: "Seconds to wait while another recall process is answering in this deck.")
    var lockWait: Double = 5

    func validate() throws {
        guard Rating(argument: rating) != nil else {
            throw ValidationError("rating '\(rating)' is not 1-4 or again, hard, good, easy")
        }
        if let duration, duration < 0 { throw ValidationError("--duration must be 0 or more") }
    }

    func run() throws {
        let name = try DeckName.parse(deck)
        guard let rating = Rating(argument: rating) else { return }
        let progress = try failing {
            // A one-shot answer waits a moment for another one-shot to finish; a study session
            // holding the deck is named in the error. One answer needs no deck: the study index
            // knows the card ids.
            try DeckProgress.open(
                home: homeOptions.dataHome, deck: name, lockWait: max(0, lockWait), withoutDeck: true)
        }
        StorageWarnings.print(progress.warnings)
        let entry = try failing { try progress.answer(CardID(cardID), rating: rating, duration: duration) }
        print(ReviewReport.line(for: entry))
        try failing { try progress.close(snapshotAfter: 256) }
    }
}

/// How a saved review reads on the command line.
enum ReviewReport {
    static func line(for entry: LogEntry) -> String {
        var line = "saved review \(entry.id): \(entry.card) \(entry.rating?.description.lowercased() ?? "")"
        if let s = entry.after.schedule {
            line += ", \(s.state), due \(Timestamp.string(s.due))"
        }
        if entry.after.suspended, !entry.before.suspended {
            line += entry.after.isLeech ? ", leech: suspended" : ", suspended"
        }
        return line
    }
}
