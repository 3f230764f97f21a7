import Flashcards
import Foundation
import ParameterFitting
import Scheduling
import Storage

/// A deck's review history as fitting sees it, with the settings in use.
struct DeckHistory {
    var name: DeckName
    var paths: ProgressPaths
    var settings: DeckSettings
    var cards: [CardHistory]

    /// Reads the deck's log without taking its lock: reviews that were later undone are left out.
    static func load(home: DataHome, deck name: DeckName) throws -> DeckHistory {
        let progress = try failing { try DeckProgress.read(home: home, deck: name) }
        StorageWarnings.print(progress.warnings)
        var reviews: [(id: Int, card: CardID, review: HistoricalReview)] = []
        var undone = Set<Int>()
        try failing {
            try progress.forEachLogEntry { entry in
                switch entry.kind {
                case .review:
                    if let rating = entry.rating {
                        reviews.append((entry.id, entry.card, HistoricalReview(rating: rating, time: entry.time)))
                    }
                case .undo:
                    if let id = entry.undoes { undone.insert(id) }
                default:
                    break
                }
            }
        }
        var byCard: [CardID: [HistoricalReview]] = [:]
        var order: [CardID] = []
        for (id, card, review) in reviews where !undone.contains(id) {
            if byCard[card] == nil { order.append(card) }
            byCard[card, default: []].append(review)
        }
        return DeckHistory(
            name: name, paths: progress.paths, settings: progress.settings,
            cards: order.map { CardHistory(card: $0, reviews: byCard[$0] ?? []) })
    }

    /// The decks named on the command line, or every deck when none is.
    static func names(_ arguments: [String], home: DataHome) throws -> [DeckName] {
        if !arguments.isEmpty { return try arguments.map(DeckName.parse) }
        let all = DeckStore(home: home).names()
        guard !all.isEmpty else { throw RecallFailure(message: "no decks in \(home.decks.path)") }
        return all
    }
}
