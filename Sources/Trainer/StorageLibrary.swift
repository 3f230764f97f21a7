import Flashcards
import Foundation
import Scheduling
import Storage

/// The decks of a data directory, their progress read and written through Storage.
public final class StorageLibrary: DeckLibrary {
    public let home: DataHome
    let clock: Clock
    let timeZone: TimeZone

    public init(home: DataHome, clock: Clock = SystemClock(), timeZone: TimeZone = .current) {
        self.home = home
        self.clock = clock
        self.timeZone = timeZone
    }

    var store: DeckStore { DeckStore(home: home) }

    public func names() -> [DeckName] { store.names() }

    public func overview(_ name: DeckName, at time: Date) throws -> DeckOverview {
        let progress = try DeckProgress.read(home: home, deck: name, clock: clock, timeZone: timeZone)
        let counts = progress.queue(at: time).counts
        return DeckOverview(
            name: name, title: progress.deck.title, cards: progress.deck.cards.count,
            counts: StudyCounts(new: counts.new, learning: counts.learning, due: counts.review))
    }

    public func open(_ name: DeckName, at time: Date, seed: UInt64) throws -> StudyDeck {
        // A second wait covers a lock just given back whose descriptor a child process (an
        // editor being started) still holds for an instant; a real second session is refused.
        let progress = try DeckProgress.open(
            home: home, deck: name, clock: clock, random: SeededGenerator(seed: seed), timeZone: timeZone,
            lockWait: 1)
        return StorageStudyDeck(progress: progress, store: store)
    }

    public func statsInput(_ name: DeckName, at time: Date) throws -> (title: String, input: StatsReport.Input) {
        let progress = try DeckProgress.read(home: home, deck: name, clock: clock, timeZone: timeZone)
        let cards = progress.deck.cards.map { card -> StatsReport.Input.CardEntry in
            let p = progress.progress(of: card.id)
            if p.suspended { return .init(state: .suspended, due: nil) }
            guard let schedule = p.schedule else { return .init(state: .new, due: nil) }
            let state: StatsReport.Input.CardState =
                switch schedule.state {
                case .learning: .learning
                case .review: .review
                case .relearning: .relearning
                }
            return .init(state: state, due: schedule.due)
        }
        var reviews: [Int: StatsReport.Input.ReviewEntry] = [:]
        try progress.forEachLogEntry { entry in
            switch entry.kind {
            case .review:
                reviews[entry.id] = .init(
                    time: entry.time, passed: entry.rating != .again, wasReview: entry.before.schedule?.state == .review
                )
            case .undo:
                if let undone = entry.undoes { reviews[undone] = nil }
            default:
                break
            }
        }
        let ordered = reviews.sorted { $0.key < $1.key }.map(\.value)
        return (progress.deck.title, StatsReport.Input(cards: cards, reviews: ordered))
    }
}
