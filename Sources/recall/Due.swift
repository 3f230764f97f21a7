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
        // The study index answers without parsing the deck or the snapshot; without one (or a
        // stale one) the files are read, and the index written for next time once the listing
        // is out.
        let listing = try failing { try StudyListing.read(home: homeOptions.dataHome, deck: name) }
        StorageWarnings.print(listing.warnings)
        let queue = listing.queue()
        var out = ""
        func line(_ entry: StudyQueue.Entry, _ front: String?) {
            let due = entry.due.map(Timestamp.string) ?? "new"
            out += "\(entry.kind.rawValue)\t\(entry.cardID)\t\(due)\t\(front.map(Self.inert) ?? "")\n"
        }
        // The most urgent card goes out at once; the rest in large writes.
        if let first = queue.entries.first {
            line(first, listing.front(of: first.cardID))
            FileHandle.standardOutput.write(Data(out.utf8))
            out = ""
        }
        let rest = queue.entries.dropFirst()
        for (entry, front) in zip(rest, listing.fronts(of: rest.map(\.cardID))) {
            line(entry, front)
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
        listing.saveIndex()
    }

    /// A question made safe for one terminal line; plain printable ASCII needs no work.
    private static func inert(_ text: String) -> String {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } ? text : TerminalSanitizer.inertLine(text)
    }
}
