import ArgumentParser
import Flashcards
import Foundation
import ParameterFitting
import Scheduling
import Storage

/// `recall optimize [DECK...]`: fits personal FSRS-6 parameters to the decks' review history.
struct Optimize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit FSRS parameters to your own review history.",
        discussion: """
            Fits one set of the 21 FSRS-6 parameters to the review history of the given decks \
            (all decks when none is named), on four fifths of the cards, and reports log loss and \
            RMSE (bins) before and after, on all cards and on the held-out fifth. The fitted \
            parameters replace the decks' parameters only when they predict the held-out cards \
            better, or with --apply; the replaced ones are kept for --revert.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "Decks to fit (default: all).") var decks: [String] = []

    @Flag(help: "Save the fitted parameters even when they are not better.") var apply = false
    @Flag(help: "Put back the parameters the last optimize replaced, without fitting.") var revert = false
    @Flag(help: "Also suggest the desired retention with the least work per remembered card.")
    var retention = false

    func validate() throws {
        if revert && (apply || retention) {
            throw ValidationError("--revert cannot be combined with --apply or --retention")
        }
    }

    func run() throws {
        let home = homeOptions.dataHome
        let names = try DeckHistory.names(decks, home: home)
        if revert {
            try revertParameters(names, home: home)
            return
        }
        let histories = try names.map { try DeckHistory.load(home: home, deck: $0) }
        let bar = ProgressBar("Fitting")
        let report: OptimizationReport
        do {
            report = try ParameterFitter().optimize(
                histories.map { ($0.settings.scheduler.parameters, $0.cards) }, progress: bar.update)
        } catch {
            bar.finish()
            throw RecallFailure(message: error.description)
        }
        bar.finish()
        print(OptimizationText.report(report))
        let save = apply || report.isImprovement
        if save {
            for deck in histories {
                if deck.settings.scheduler.parameters == report.fitted {
                    print("'\(deck.name.slug)' already uses these parameters.")
                    continue
                }
                try replaceParameters(of: deck, with: report.fitted)
                print(
                    "Saved into '\(deck.name.slug)'; `recall optimize --revert \(deck.name.slug)` restores the previous ones."
                )
            }
        } else {
            print(
                "Kept the current parameters: the fitted ones do not predict the held-out cards better (--apply saves them anyway)."
            )
        }
        if retention {
            let parameters = save ? report.fitted : report.current
            let advisor = RetentionAdvisor(parameters: parameters, history: histories.flatMap(\.cards))
            let (best, all) = advisor.suggest()
            print(
                OptimizationText.retention(
                    best: best, all: all, current: histories[0].settings.scheduler.desiredRetention))
        }
    }

    private func replaceParameters(of deck: DeckHistory, with parameters: [Double]) throws {
        try PreviousParameters(parameters: deck.settings.scheduler.parameters, replaced: Date()).save(deck.paths)
        var settings = deck.settings
        settings.scheduler.parameters = parameters
        try failing { try SettingsFile.save(settings, to: deck.paths.settings) }
    }

    private func revertParameters(_ names: [DeckName], home: DataHome) throws {
        for name in names {
            let paths = ProgressPaths(home: home, deck: name)
            guard let previous = try PreviousParameters.load(paths) else {
                if decks.isEmpty { continue }
                throw RecallFailure(message: "'\(name.slug)' has no parameters to revert to")
            }
            var settings = try failing { try SettingsFile.load(paths.settings) }
            // Swapping keeps the parameters being replaced, so a second --revert undoes the first.
            try PreviousParameters(parameters: settings.scheduler.parameters, replaced: Date()).save(paths)
            settings.scheduler.parameters = previous.parameters
            try failing { try SettingsFile.save(settings, to: paths.settings) }
            print("Reverted '\(name.slug)' to the parameters it used before \(Timestamp.string(previous.replaced)).")
        }
    }
}

/// How fitting results read on the command line.
enum OptimizationText {
    static func report(_ report: OptimizationReport) -> String {
        var lines = [
            "Fitted on \(report.trainingReviews) reviews; judged on \(report.after.heldOut.reviews) reviews of held-out cards.",
            "                     log loss  RMSE (bins)",
            row("all       current", report.before.all),
            row("          fitted ", report.after.all),
            row("held-out  current", report.before.heldOut),
            row("          fitted ", report.after.heldOut),
            "Fitted parameters: " + report.fitted.map { String(format: "%.4f", $0) }.joined(separator: ", "),
        ]
        if report.after.heldOut.reviews == 0 { lines.insert("No held-out card has a review to predict yet.", at: 1) }
        return lines.joined(separator: "\n")
    }

    static func row(_ label: String, _ e: Evaluation) -> String {
        "  \(label)  " + String(format: "%8.4f  %10.4f", e.logLoss, e.rmseBins)
    }

    static func retention(best: RetentionAdvisor.Outcome, all: [RetentionAdvisor.Outcome], current: Double) -> String {
        var text = String(
            format: "Suggested desired retention: %.2f (%.0f s of study per remembered card in a simulated year)",
            best.retention, best.secondsPerRememberedCard)
        if let now = all.min(by: { abs($0.retention - current) < abs($1.retention - current) }),
            abs(now.retention - current) < 0.005
        {
            text += String(format: "; at the current %.2f: %.0f s", current, now.secondsPerRememberedCard)
        }
        return text
    }
}
