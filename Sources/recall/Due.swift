import ArgumentParser
import Flashcards
import Foundation
import Scheduling
import Storage

/// `recall due DECK`: what a study session would show now, most urgent first.
struct Due: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a deck's due cards, most urgent first.",
        discussion: """
            One line per card: kind (learning, review, new), id, due time, question. Learning \
            cards whose step is due come first, then reviews (most overdue first, within the \
            daily limit), then new cards up to the daily limit.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck's name.") var deck: String

    func run() throws {
        let name = try DeckName.parse(deck)
        let progress = try failing { try DeckProgress.read(home: homeOptions.dataHome, deck: name) }
        StorageWarnings.print(progress.warnings)
        let queue = progress.queue()
        var out = ""
        for entry in queue.entries {
            let question = progress.card(entry.cardID).map { TerminalSanitizer.inertLine($0.front) } ?? ""
            let due = entry.due.map(Timestamp.string) ?? "new"
            out += "\(entry.kind.rawValue)\t\(entry.cardID)\t\(due)\t\(question)\n"
            if out.utf8.count > 1 << 16 {
                FileHandle.standardOutput.write(Data(out.utf8))
                out = ""
            }
        }
        if queue.entries.isEmpty {
            let next = queue.nextDue.map { " (next due \(Timestamp.string($0)))" } ?? ""
            out += "nothing due in '\(name.slug)'\(next)\n"
        }
        FileHandle.standardOutput.write(Data(out.utf8))
    }
}
