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
            in time order through the scheduler, so card states come out as if studied then. \
            Reviews already in the log are skipped, as are reviews older than a card's latest \
            one; rows that match no card are reported.
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
            var seen = Set<String>()
            try failing {
                try progress.forEachLogEntry { entry in
                    if entry.kind == .review, let rating = entry.rating {
                        seen.insert(Self.key(entry.card, entry.time, rating))
                    }
                }
            }
            var imported = 0
            var duplicates = 0
            var older = 0
            for (row, card) in rows.sorted(by: { $0.row.time < $1.row.time }) {
                done += 1
                bar.update(Double(done) / Double(log.rows.count))
                let key = Self.key(card, row.time, row.rating)
                if seen.contains(key) {
                    duplicates += 1
                    continue
                }
                if let last = progress.progress(of: card).schedule?.lastReview,
                    last > Date(timeIntervalSince1970: (row.time.timeIntervalSince1970 * 1000).rounded(.down) / 1000)
                {
                    older += 1
                    warn(
                        "\(file):\(row.line): warning: skipped, older than the card's latest review (\(Timestamp.string(last)))"
                    )
                    continue
                }
                seen.insert(key)
                _ = try failing { try progress.answer(card, rating: row.rating, duration: row.duration, at: row.time) }
                imported += 1
            }
            try failing { try progress.close() }
            bar.finish()
            var summary = "Imported \(imported) review(s) into '\(name.slug)'"
            if duplicates > 0 { summary += "; \(duplicates) already there" }
            if older > 0 { summary += "; \(older) older than the card's latest review, skipped" }
            print(summary + ".")
        }
        if unmatched > 0 { print("\(unmatched) row(s) matched no card (listed above).") }
        if byDeck.isEmpty && unmatched == 0 { print("Nothing to import: \(file) has no reviews.") }
    }

    /// Reviews are the same when card, millisecond and rating agree.
    private static func key(_ card: CardID, _ time: Date, _ rating: Rating) -> String {
        "\(card.rawValue)|\(Int64((time.timeIntervalSince1970 * 1000).rounded(.down)))|\(rating.rawValue)"
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
