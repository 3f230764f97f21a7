import Flashcards
import Foundation
import Scheduling

/// `stats [DECK] [--json]`: counts, retention, forecast, heatmap, streak.
public enum StatsCommand {
    static var command: ReplCommand {
        ReplCommand(
            name: "stats", usage: "stats [DECK] [--json]",
            summary: "Show counts, retention, the forecast and a heatmap.",
            arguments: .deck(options: ["--json"]),
            run: { context, arguments in
                let json = arguments.contains("--json")
                let rest = arguments.filter { $0 != "--json" }
                if let bad = rest.first(where: { $0.hasPrefix("-") }) { throw ReplUsageError("unknown option \(bad)") }
                guard rest.count <= 1 else { throw ReplUsageError("usage: stats [DECK] [--json]") }
                context.console.write(try render(context, deck: rest.first, json: json))
                return .proceed
            })
    }

    /// The statistics as text or JSON; with no deck, over every deck. Shared with `recall stats`.
    public static func render(_ context: ReplContext, deck: String?, json: Bool) throws -> String {
        let report = try report(context, deck: deck)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
        }
        return StatsView(report: report, painter: context.painter, width: context.console.width).render()
    }

    static func report(_ context: ReplContext, deck: String?) throws -> StatsReport {
        let now = context.clock.now
        let names = try deck.map { [try DeckName($0)] } ?? context.library.names()
        var input = StatsReport.Input(cards: [], reviews: [])
        var title: String?
        for name in names {
            let part = try context.library.statsInput(name, at: now)
            input.cards += part.input.cards
            input.reviews += part.input.reviews
            title = part.title
        }
        return StatsReport(
            deck: deck == nil ? nil : title.map(TerminalSanitizer.inertLine), input: input, now: now,
            cutoff: DayCutoff(timeZone: context.timeZone))
    }
}
