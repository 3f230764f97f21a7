import Flashcards
import Foundation

/// A deck's name, title and what is left today, for the `decks` list.
public struct DeckOverview: Equatable, Sendable {
    public var name: DeckName
    public var title: String
    public var cards: Int
    public var counts: StudyCounts

    public init(name: DeckName, title: String, cards: Int, counts: StudyCounts) {
        self.name = name
        self.title = title
        self.cards = cards
        self.counts = counts
    }
}

/// The decks of a data directory as the REPL uses them; `StorageLibrary` is the real one.
public protocol DeckLibrary: AnyObject {
    func names() -> [DeckName]
    /// Counts for the list, without taking the deck's lock.
    func overview(_ name: DeckName, at time: Date) throws -> DeckOverview
    /// Opens a deck for a session (taking its lock until `close()`).
    func open(_ name: DeckName, at time: Date, seed: UInt64) throws -> StudyDeck
    /// Card states and the review log, for `stats`.
    func statsInput(_ name: DeckName, at time: Date) throws -> (title: String, input: StatsReport.Input)
}
