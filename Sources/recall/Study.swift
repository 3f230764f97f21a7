import ArgumentParser
import Trainer

struct Study: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Study a deck's due and new cards (the REPL's study session).")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck (optional when there is only one).")
    var deck: String?

    func run() throws {
        let context = ReplLauncher.context(home: homeOptions.dataHome)
        do {
            _ = try StudyCommand.run(context, deck: deck)
        } catch {
            throw RecallFailure(message: String(describing: error))
        }
    }
}
