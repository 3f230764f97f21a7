import ArgumentParser
import Flashcards
import Foundation
import ParameterFitting
import Scheduling
import Storage

/// `recall import-reviews FILE.csv [--deck NAME]`: brings a review history (from Anki, say)
/// into the decks' progress.
struct ImportReviews: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-reviews",
        abstract: "Import a review log (card, time, rating[, duration]) into deck progress.",
        discussion: """
            Each row names a card by id or by its front, a review time (epoch milliseconds or \
            ISO 8601), a rating 1-4 and optionally the duration in milliseconds. Rows are applied \
            into the history in time order through the scheduler, so card states come out as if \
            studied then; a card that gets reviews older than its latest has its states \
            recomputed and the log is rewritten safely. Reviews already in the log are skipped; \
            rows that match no card are reported.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The CSV file.") var file: String
    @Option(help: "Match cards in this deck only (default: all decks).") var deck: String?

    func run() throws {
        let home = homeOptions.dataHome
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RecallFailure(message: "cannot read \(file)")
        }
        let log = ReviewLogFile(text: String(decoding: data, as: UTF8.self))
        if !log.problems.isEmpty {
            for problem in log.problems {
                FileHandle.standardError.write(Data("\(file):\(problem.line): error: \(problem.message)\n".utf8))
            }
            throw RecallFailure(message: "\(log.problems.count) row(s) of \(file) could not be read; nothing imported")
        }
        let names = try deck.map { [try DeckName.parse($0)] } ?? DeckHistory.names([], home: home)
        let matcher = try CardMatcher(names: names, home: home)
        var byDeck: [Int: [(row: ReviewLogFile.Row, card: CardID)]] = [:]
        var unmatched = 0
        for row in log.rows {
            switch matcher.match(row.card) {
            case .found(let deckIndex, let card):
                byDeck[deckIndex, default: []].append((row, card))
            case .none:
                unmatched += 1
                warn("\(file):\(row.line): warning: no card matches '\(TerminalSanitizer.inertLine(row.card))'")
            case .ambiguous(let count):
                unmatched += 1
                warn(
                    "\(file):\(row.line): warning: \(count) cards have the front '\(TerminalSanitizer.inertLine(row.card))'"
                )
            }
        }
        let bar = ProgressBar("Importing", enabled: isatty(STDERR_FILENO) == 1 && log.rows.count >= 1_000)
        var done = 0
        for (deckIndex, rows) in byDeck.sorted(by: { $0.key < $1.key }) {
            let name = names[deckIndex]
            let progress = try failing { try DeckProgress.open(home: home, deck: name, lockWait: 5) }
            StorageWarnings.print(progress.warnings)
            let reviews = rows.map {
                ImportedReview(card: $0.card, time: $0.row.time, rating: $0.row.rating, duration: $0.row.duration)
            }
            let merge = try failing { try progress.merge(reviews) }
            done += rows.count
            bar.update(Double(done) / Double(log.rows.count))
            try failing { try progress.close() }
            bar.finish()
            var summary = "Imported \(merge.imported) review(s) into '\(name.slug)'"
            if merge.duplicates > 0 { summary += "; \(merge.duplicates) already there" }
            if merge.recomputedCards > 0 {
                summary += "; recomputed \(merge.recomputedCards) card(s) with reviews before their latest"
            }
            print(summary + ".")
        }
        if unmatched > 0 { print("\(unmatched) row(s) matched no card (listed above).") }
        if byDeck.isEmpty && unmatched == 0 { print("Nothing to import: \(file) has no reviews.") }
    }

    private func warn(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Finds the card a review-log row means: by id first, then by its front (compared the way
/// card ids are derived, ignoring case, accents and punctuation).
struct CardMatcher {
    enum Match {
        case found(deck: Int, card: CardID)
        case none
        case ambiguous(Int)
    }

    private var byID: [String: (Int, CardID)] = [:]
    private var byFront: [String: [(Int, CardID)]] = [:]

    init(names: [DeckName], home: DataHome) throws {
        let store = DeckStore(home: home)
        for (index, name) in names.enumerated() {
            let deck = try failing { try store.load(name) }
            for card in deck.cards {
                byID[card.id.rawValue] = (index, card.id)
                byFront[TextNormalizer.matchKey(card.front), default: []].append((index, card.id))
            }
        }
    }

    func match(_ text: String) -> Match {
        if let (deck, card) = byID[text] { return .found(deck: deck, card: card) }
        guard let candidates = byFront[TextNormalizer.matchKey(text)] else { return .none }
        if candidates.count > 1 { return .ambiguous(candidates.count) }
        return .found(deck: candidates[0].0, card: candidates[0].1)
    }
}
