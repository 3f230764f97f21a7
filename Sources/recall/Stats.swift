import ArgumentParser
import Trainer

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show counts by state, retention, a 14-day forecast, a year's heatmap and the streak.")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck (default: all decks).")
    var deck: String?

    @Flag(help: "Print the statistics as JSON.")
    var json = false

    func run() throws {
        let context = ReplLauncher.context(home: homeOptions.dataHome)
        do {
            context.console.write(try StatsCommand.render(context, deck: deck, json: json))
        } catch {
            throw RecallFailure(message: String(describing: error))
        }
    }
}
