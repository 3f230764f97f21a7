import ArgumentParser
import Flashcards
import Foundation
import Scheduling
import Storage

/// `recall _drill DECK`: answers cards in a loop through `DeckProgress`, printing an `ack`
/// line only once each answer is on disk. Hidden: the crash and concurrency tests kill it at
/// random moments and check that every acknowledged answer survived.
struct Drill: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_drill", abstract: "Answer cards in a loop (for crash tests).", shouldDisplay: false)

    @OptionGroup var homeOptions: HomeOptions

    @Argument var deck: String
    @Option(help: "Answers to give before closing.") var count = 100
    @Option(help: "Write a snapshot every N answers (0: only at close).") var snapshotEvery = 0
    @Option(help: "Seconds to wait for the deck's lock.") var lockWait: Double = 0
    @Option(help: "Seed for choosing cards and ratings.") var seed: UInt64 = 1
    @Flag(help: "Open the deck, say ready, and hold it until killed.") var hold = false

    func run() throws {
        let name = try DeckName.parse(deck)
        let progress = try failing {
            try DeckProgress.open(home: homeOptions.dataHome, deck: name, lockWait: lockWait)
        }
        let out = FileHandle.standardOutput
        if hold {
            out.write(Data("ready \(getpid())\n".utf8))
            while true { sleep(60) }
        }
        var random = SeededGenerator(seed: seed)
        let cards = progress.deck.cards
        guard !cards.isEmpty else { throw RecallFailure(message: "deck '\(name.slug)' has no cards") }
        for i in 1...max(1, count) {
            let card = cards[Int(random.next() % UInt64(cards.count))]
            let rating = Rating(rawValue: Int(random.next() % 4) + 1) ?? .good
            let entry = try failing {
                try progress.answer(card.id, rating: rating, duration: Int(random.next() % 9000))
            }
            // Written straight to the descriptor (no buffering): the ack exists only after the fsync.
            out.write(Data("ack \(entry.id) \(entry.card) \(rating.rawValue)\n".utf8))
            if snapshotEvery > 0, i % snapshotEvery == 0 { try failing { try progress.writeSnapshot() } }
        }
        try failing { try progress.close() }
    }
}
