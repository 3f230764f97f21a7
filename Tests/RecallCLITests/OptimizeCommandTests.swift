import Flashcards
import Foundation
import ParameterFitting
import Scheduling
import Storage
import TestSupport
import Testing

/// `recall import-reviews`, `recall evaluate` and `recall optimize` as a user meets them.
struct OptimizeCommandTests {
    let dir = TemporaryDirectory("recall-cli-optimize")
    let deck = Deck(
        title: "Capitals",
        cards: (0..<120).map { Card(kind: .faq, front: "Capital number \($0)?", back: "City \($0).") })

    init() throws {
        try DeckStore(home: DataHome(root: dir.url)).save(deck, as: DeckName("capitals"))
    }

    func recall(_ args: [String]) throws -> RecallProcess.Result {
        try RecallProcess.run(args + ["--home", dir.path])
    }

    /// A simulated learner's history of the deck's cards as a review-log CSV.
    func writeHistory(cards: Int = 120, reviews: Int = 8, name: String = "log.csv") throws -> String {
        var simulator = HistorySimulator(parameters: SchedulerConfiguration.defaultParameters)
        simulator.intervalSpread = 0.3...3
        let histories = simulator.histories(
            cards: cards, reviews: reviews, seed: 5, start: Date(timeIntervalSince1970: 1_600_000_000))
        var csv = "card,time,rating,duration\n"
        for (index, history) in histories.enumerated() {
            for review in history.reviews {
                let ms = Int64(review.time.timeIntervalSince1970 * 1000)
                // Half the rows name the card by id, half by its front.
                let card = index % 2 == 0 ? deck.cards[index].id.rawValue : "\"\(deck.cards[index].front)\""
                csv += "\(card),\(ms),\(review.rating.rawValue),1500\n"
            }
        }
        try dir.write(name, csv)
        return dir.url.appendingPathComponent(name).path
    }

    func parameters() throws -> [Double] {
        try SettingsFile.load(dir.url.appendingPathComponent("Progress/capitals/settings.json").path).scheduler
            .parameters
    }

    @Test func importThenOptimizeApplyAndRevert() throws {
        let path = try writeHistory()
        let imported = try recall(["import-reviews", path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 960 review(s) into 'capitals'"))

        let again = try recall(["import-reviews", path, "--deck", "capitals"])
        #expect(again.stdout.contains("Imported 0 review(s) into 'capitals'; 960 already there"))

        let evaluation = try recall(["evaluate"])
        #expect(evaluation.status == 0, "\(evaluation.stderr)")
        #expect(evaluation.stdout.contains("capitals"))

        let optimized = try recall(["optimize", "capitals", "--apply", "--retention"])
        #expect(optimized.status == 0, "\(optimized.stderr)")
        #expect(optimized.stdout.contains("held-out  current"))
        #expect(optimized.stdout.contains("Saved into 'capitals'"))
        #expect(optimized.stdout.contains("Suggested desired retention: 0."))
        #expect(optimized.stderr.isEmpty)  // no progress bar when stderr is not a terminal
        let fitted = try parameters()
        #expect(fitted != SchedulerConfiguration.defaultParameters)
        #expect(fitted.count == 21)

        let reverted = try recall(["optimize", "capitals", "--revert"])
        #expect(reverted.status == 0, "\(reverted.stderr)")
        #expect(try parameters() == SchedulerConfiguration.defaultParameters)
        // A second revert puts the fitted ones back.
        _ = try recall(["optimize", "capitals", "--revert"])
        #expect(try parameters() == fitted)
    }

    @Test func unmatchedRowsAreReportedAndBadRowsRefused() throws {
        try dir.write(
            "mixed.csv",
            "\(deck.cards[0].id.rawValue),2024-05-01T10:00:00Z,3\nNo such question?,1714557600000,3\n")
        let mixed = try recall(["import-reviews", dir.url.appendingPathComponent("mixed.csv").path])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stdout.contains("Imported 1 review(s)"))
        #expect(mixed.stderr.contains("mixed.csv:2: warning: no card matches 'No such question?'"))
        #expect(mixed.stdout.contains("1 row(s) matched no card"))

        try dir.write("bad.csv", "card,time,rating\nabc,yesterday,3\nabc,1714557600000,9\n")
        let bad = try recall(["import-reviews", dir.url.appendingPathComponent("bad.csv").path])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("bad.csv:2: error: time 'yesterday'"))
        #expect(bad.stderr.contains("bad.csv:3: error: rating '9' is not 1–4"))
    }

    @Test func olderReviewsAreMergedAndTheCardRecomputed() throws {
        let id = deck.cards[0].id.rawValue
        try dir.write("late.csv", "\(id),2024-05-20T10:00:00Z,3\n\(id),2024-06-20T10:00:00Z,4\n")
        try dir.write(
            "early.csv", "\(id),2024-05-01T10:00:00Z,3\n\(id),2024-05-20T10:00:00Z,3\n\(id),2024-06-01T10:00:00Z,1\n")
        #expect(try recall(["import-reviews", dir.url.appendingPathComponent("late.csv").path]).status == 0)
        let early = try recall(["import-reviews", dir.url.appendingPathComponent("early.csv").path])
        #expect(early.status == 0, "\(early.stderr)")
        #expect(
            early.stdout.contains(
                "Imported 2 review(s) into 'capitals'; 1 already there; recomputed 1 card(s) with reviews before their latest"
            ))
        #expect(!early.stderr.contains("skipped"))

        // The same reviews imported at once into another home give the same card.
        let other = TemporaryDirectory("recall-cli-optimize-once")
        try DeckStore(home: DataHome(root: other.url)).save(deck, as: DeckName("capitals"))
        try other.write(
            "all.csv",
            "\(id),2024-06-20T10:00:00Z,4\n\(id),2024-05-01T10:00:00Z,3\n\(id),2024-06-01T10:00:00Z,1\n"
                + "\(id),2024-05-20T10:00:00Z,3\n")
        let once = try RecallProcess.run(
            ["import-reviews", other.url.appendingPathComponent("all.csv").path, "--home", other.path])
        #expect(once.status == 0, "\(once.stderr)")
        let name = try DeckName("capitals")
        let merged = try DeckProgress.read(home: DataHome(root: dir.url), deck: name)
        let direct = try DeckProgress.read(home: DataHome(root: other.url), deck: name)
        #expect(merged.warnings.isEmpty)
        #expect(merged.progress(of: deck.cards[0].id) == direct.progress(of: deck.cards[0].id))
        #expect(merged.progress(of: deck.cards[0].id).reps == 4)
        #expect(try merged.history().map(\.rating) == [.good, .good, .again, .easy])
    }

    @Test func tooLittleHistoryIsRefusedWithWhatIsMissing() throws {
        let path = try writeHistory(cards: 6, reviews: 4, name: "small.csv")
        #expect(try recall(["import-reviews", path]).status == 0)
        let r = try recall(["optimize"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not enough review history"))
        #expect(r.stderr.contains("more)"))
        #expect(try parameters() == SchedulerConfiguration.defaultParameters)
    }

    @Test func revertWithoutAnEarlierOptimizeIsAnError() throws {
        let r = try recall(["optimize", "capitals", "--revert"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no parameters to revert to"))
    }
}
