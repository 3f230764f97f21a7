import Flashcards
import Foundation
import Scheduling
import TestSupport

@testable import Storage

/// A data home with one deck of `count` cards, for the storage tests.
struct Fixture {
    let dir = TemporaryDirectory("recall-storage")
    let name: DeckName
    let clock = FixedClock(iso: "2026-03-01T09:00:00Z")

    init(cards count: Int = 6, deck: String = "sample") throws {
        name = try DeckName(deck)
        try save(Fixture.deck(count))
    }

    var home: DataHome { DataHome(root: dir.url) }
    var paths: ProgressPaths { ProgressPaths(home: home, deck: name) }

    static func card(_ i: Int) -> Card {
        Card(kind: .faq, front: "Question \(i)?", back: "Answer \(i).", section: ["Part \(i % 3)"])
    }

    static func deck(_ count: Int) -> Deck {
        Deck(title: "Sample", cards: (0..<count).map(card))
    }

    func save(_ deck: Deck) throws { try DeckStore(home: home).save(deck, as: name) }

    func open() throws -> DeckProgress {
        try DeckProgress.open(home: home, deck: name, clock: clock, timeZone: TimeZone(identifier: "UTC")!)
    }

    func read() throws -> DeckProgress {
        try DeckProgress.read(home: home, deck: name, clock: clock, timeZone: TimeZone(identifier: "UTC")!)
    }

    /// Opens the deck, answers the first `n` cards Good a minute apart, and closes it.
    @discardableResult
    func answer(_ n: Int, snapshot: Bool = true) throws -> [LogEntry] {
        let p = try open()
        var entries: [LogEntry] = []
        for card in p.deck.cards.prefix(n) {
            clock.advance(by: 60)
            entries.append(try p.answer(card.id, rating: .good, duration: 1500))
        }
        if snapshot { try p.close() } else { try p.close(snapshotAfter: .max) }
        return entries
    }

    func bytes(_ path: String) -> [UInt8] { (try? [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))) ?? [] }

    func write(_ path: String, _ bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: path)) }

    func append(_ path: String, _ text: String) throws {
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try h.seekToEnd()
        try h.write(contentsOf: Data(text.utf8))
        try h.close()
    }
}
