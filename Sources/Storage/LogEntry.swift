import Flashcards
import Foundation
import Scheduling

/// One line of a deck's review log: something that changed one card's progress.
///
/// Every entry carries the card's progress before and after, so loading is a plain replay
/// (`progress[card] = after`) that needs neither the scheduler nor the settings of the day,
/// and an undo is itself an entry that puts `before` back: the log is only ever appended to.
public struct LogEntry: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// The learner answered the card.
        case review
        /// The latest review of the card was taken back; `undoes` names it.
        case undo
        case suspend
        case unsuspend
        /// Hidden until a later day.
        case bury
        case unbury
    }

    /// Unique in the deck's log, counting up from 1 in the order of the lines.
    public var id: Int
    public var kind: Kind
    public var card: CardID
    public var time: Date
    /// Review entries only.
    public var rating: Rating?
    /// How long the learner took to answer, in milliseconds (review entries only, when known).
    public var duration: Int?
    /// Undo entries only: the id of the review taken back.
    public var undoes: Int?
    public var before: CardProgress
    public var after: CardProgress

    public init(
        id: Int, kind: Kind, card: CardID, time: Date, rating: Rating? = nil, duration: Int? = nil,
        undoes: Int? = nil, before: CardProgress, after: CardProgress
    ) {
        self.id = id
        self.kind = kind
        self.card = card
        self.time = time
        self.rating = rating
        self.duration = duration
        self.undoes = undoes
        self.before = before
        self.after = after
    }
}
