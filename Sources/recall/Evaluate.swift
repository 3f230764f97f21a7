import ArgumentParser
import Flashcards
import Foundation
import ParameterFitting
import Storage

/// `recall evaluate [DECK...]`: how well the parameters in use predict the review history.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the FSRS parameters in use against your review history.",
        discussion: """
            For each deck (all when none is named), the log loss and RMSE (bins) of the recall \
            its parameters predicted for every review a day or more after the card's previous one, \
            and the same over all the decks together.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "Decks to score (default: all).") var decks: [String] = []

    func run() throws {
        let home = homeOptions.dataHome
        let histories = try DeckHistory.names(decks, home: home).map { try DeckHistory.load(home: home, deck: $0) }
        var lines = ["deck                 reviews  log loss  RMSE (bins)"]
        for deck in histories {
            let e = Evaluation(parameters: deck.settings.scheduler.parameters, histories: deck.cards)
            lines.append(line(deck.name.slug, e))
        }
        if histories.count > 1 {
            lines.append(
                line("all", Evaluation(groups: histories.map { ($0.settings.scheduler.parameters, $0.cards) })))
        }
        print(lines.joined(separator: "\n"))
    }

    private func line(_ name: String, _ e: Evaluation) -> String {
        let label = name.padding(toLength: max(name.count, 18), withPad: " ", startingAt: 0)
        if e.reviews == 0 { return "\(label) \(String(format: "%9d", 0))  no reviews to predict yet" }
        return "\(label) " + String(format: "%9d  %8.4f  %11.4f", e.reviews, e.logLoss, e.rmseBins)
    }
}
