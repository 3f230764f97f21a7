import Flashcards
import Foundation

/// The new, learning and due cards left today, as the session header shows them.
public struct StudyCounts: Equatable, Sendable, Codable {
    public var new: Int
    public var learning: Int
    public var due: Int

    public init(new: Int, learning: Int, due: Int) {
        self.new = new
        self.learning = learning
        self.due = due
    }

    public var total: Int { new + learning + due }
}

/// What a study session needs from a deck and its progress: the queue, the scheduler's
/// preview, and durable answers. `StorageStudyDeck` provides it over Storage and Scheduling;
/// the session itself never touches files.
public protocol StudyDeck: AnyObject {
    var name: DeckName { get }
    var title: String { get }
    /// Cards left today by kind.
    func counts(at time: Date) -> StudyCounts
    /// The card with this id, as the deck holds it now.
    func card(_ id: CardID) -> Card?
    /// The card to show now and the counts left with it, or nil when nothing is due (one
    /// pass over the queue: this runs between a rating and the next card).
    func next(at time: Date) -> (card: Card, counts: StudyCounts)?
    /// The next interval for each rating, formatted (`10m`, `3d`).
    func intervals(for card: CardID, at time: Date) -> [Rating: String]
    /// Records an answer; when this returns the answer is on disk.
    func answer(_ card: CardID, rating: Rating, at time: Date, duration: TimeInterval) throws
    /// Takes back the last answer of this process, on disk too; returns its card.
    func undo() throws -> CardID?
    func suspend(_ card: CardID, at time: Date) throws
    /// Hides the card until tomorrow.
    func bury(_ card: CardID, at time: Date) throws
    /// Replaces a card's text (same id, same progress) and saves the deck.
    func update(_ card: Card) throws
    /// When the next card falls due after `time` (suspended cards aside), if ever.
    func nextDue(after time: Date) -> Date?
    /// How many cards will be due tomorrow (the day after `time`'s study day).
    func dueTomorrow(after time: Date) -> Int
    /// New cards beyond today's limit that could still be learned.
    func newCardsBeyondLimit(at time: Date) -> Int
    /// Lets `count` more new cards in today.
    func allowMoreNew(_ count: Int, at time: Date)
    /// Cards already learned, soonest due first, for reviewing ahead (answers there are not
    /// recorded).
    func reviewAhead(at time: Date, limit: Int) -> [Card]
    /// Saves a snapshot and releases the deck.
    func close() throws
}
