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
        for (i, entry) in queue.entries.enumerated() {
            let question = progress.card(entry.cardID).map { Self.inert($0.front) } ?? ""
            let due = entry.due.map(Timestamp.string) ?? "new"
            out += "\(entry.kind.rawValue)\t\(entry.cardID)\t\(due)\t\(question)\n"
            // The most urgent card goes out at once; the rest in large writes.
            if i == 0 || out.utf8.count > 1 << 16 {
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

    /// A question made safe for one terminal line; plain printable ASCII needs no work.
    private static func inert(_ text: String) -> String {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? text : TerminalSanitizer.inertLine(text)
    }
}
