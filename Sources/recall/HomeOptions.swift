import ArgumentParser
import Storage

/// `--home DIR`, taken by every command.
struct HomeOptions: ParsableArguments {
    @Option(
        name: .long,
        help:
            "The data directory holding Decks/ and Progress/ (default: $RECALL_HOME, ./ when it has Decks/, else ~/.local/share/recall)."
    )
    var home: String?

    var dataHome: DataHome { DataHome.resolve(explicit: home) }
}
