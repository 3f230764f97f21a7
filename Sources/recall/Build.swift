import ArgumentParser
import DeckBuilding
import Flashcards
import Foundation
import Storage

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn articles into a deck.",
        discussion: """
            Reads plain text, Markdown or HTML articles and writes Decks/<name>.json. Rebuilding a \
            deck updates it in place: cards keep their ids and places, new cards are added, and \
            cards the article no longer makes are removed and reported. An article may be at most \
            10 MiB.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "Article files, directories of them, or - for standard input.")
    var articles: [String]

    @Option(help: "The deck's name (default: the article's file name, or the directory's).")
    var deck: String?

    @Option(help: "The articles' format: auto, text, markdown or html.")
    var format: FormatChoice = .auto

    @Option(
        help: ArgumentHelp(
            "Write the deck here instead of Decks/<name>.json; - for standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Report every skipped block, merged section and removed card.")
    var verbose = false

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, text, markdown, html
        var format: ArticleFormat? { ArticleFormat(rawValue: rawValue) }
    }

    func validate() throws {
        if articles.isEmpty { throw ValidationError("Name at least one article, directory, or - for standard input.") }
        if articles.filter({ $0 == "-" }).count > 1 { throw ValidationError("Standard input (-) can be read once.") }
        if articles.count > 1, deck == nil, output != "-" {
            throw ValidationError("Several articles make one deck: name it with --deck NAME.")
        }
    }

    func run() throws {
        let home = homeOptions.dataHome
        var inputs = try ArticleInputs.collect(articles, format: format.format, home: home)
        // A build holds about seven times its articles' bytes at its peak.
        HugePageHeap.reserve(inputs.knownBytes * 7)
        // Without --deck the name comes from the paths and cannot fail; a bad --deck is reported
        // below, after any file that could not be read, as it was when files were read first.
        let named = deck == nil ? try deckName(inputs: inputs) : nil
        let title = articles.count > 1 || inputs.fromDirectory ? (deck ?? named?.slug) : nil

        // Each file is read as its turn comes.
        var readErrors: [ArticleError] = []
        var built: BuildResult?
        var buildErrors: ArticleBuildErrors?
        do {
            built = try DeckBuilder().build(count: inputs.count, title: title) {
                inputs.source(at: $0, errors: &readErrors)
            }
        } catch { buildErrors = error }
        if !readErrors.isEmpty {
            throw RecallFailure(message: readErrors.map(\.description).joined(separator: "\nError: "))
        }
        let name = deck == nil ? named : try deckName(inputs: inputs)
        guard let result = built else {
            // One `Error:` line per article that could not be read.
            let errors = buildErrors?.errors ?? []
            throw RecallFailure(message: errors.map(\.description).joined(separator: "\nError: "))
        }

        let console = FileHandle.standardError
        if verbose {
            for note in inputs.notes + result.notes { console.write(Data("\(note)\n".utf8)) }
        }
        if output == "-" {
            guard DeckStore.write(result.deck, toDescriptor: STDOUT_FILENO) else {
                throw RecallFailure(message: "standard output: \(String(cString: strerror(errno)))")
            }
            console.write(Data((summary(result, update: nil, target: "standard output") + "\n").utf8))
            KeptUntilExit.keep((inputs, result))
            return
        }
        let target = try target(name: name, result: result, home: home)
        let existing = try loadExisting(target)
        let update = DeckUpdate(existing: existing, built: result.deck)
        do {
            if let file = target.file {
                try DeckStore.write(update.deck, to: file)
            } else if let name = target.name {
                try DeckStore(home: home).save(update.deck, as: name)
            }
        } catch { throw RecallFailure(message: "\(error)") }
        if verbose {
            for card in update.removed {
                console.write(
                    Data(
                        "\(target.display): removed: \(card.kind) card “\(card.front)” (no longer in the article)\n"
                            .utf8))
            }
        }
        console.write(
            Data((summary(result, update: existing == nil ? nil : update, target: target.display) + "\n").utf8))
        // Freeing a thousand articles and their cards one string at a time was 2 % of a build.
        KeptUntilExit.keep((inputs, result, existing, update))
    }

    private func deckName(inputs: ArticleInputs) throws -> DeckName? {
        if let deck {
            do { return try DeckName(deck) } catch { throw RecallFailure(message: "\(error)") }
        }
        guard let first = articles.first, first != "-" else { return nil }
        let base = inputs.fromDirectory ? URL(fileURLWithPath: first).lastPathComponent : DeckBuilder.stem(first)
        return DeckName(slugging: base)
    }

    private struct Target {
        var name: DeckName?
        var file: URL?
        var display: String
    }

    private func target(name: DeckName?, result: BuildResult, home: DataHome) throws -> Target {
        if let output {
            let url = URL(fileURLWithPath: output)
            return Target(name: nil, file: url, display: output)
        }
        // Standard input without --deck: the article's title names the deck.
        guard let name = name ?? DeckName(slugging: result.deck.title) else {
            throw RecallFailure(message: "-: the article has no title to name the deck by; give --deck NAME")
        }
        let store = DeckStore(home: home)
        return Target(name: name, file: nil, display: ArticleInputs.display(store.url(for: name), home: home))
    }

    /// The deck being rebuilt, if there is one; a file that is not a deck is never overwritten.
    private func loadExisting(_ target: Target) throws -> Deck? {
        let url = target.file ?? target.name.map { DeckStore(home: homeOptions.dataHome).url(for: $0) }
        guard let url, FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let data = try Data(contentsOf: url)
            return try DeckStore.decode(data, path: target.display)
        } catch let error as StorageError {
            throw RecallFailure(
                message: "\(error.description); not overwriting it (move it away to build a new deck there)")
        } catch {
            throw RecallFailure(message: "\(target.display): \(error.localizedDescription)")
        }
    }

    private func summary(_ result: BuildResult, update: DeckUpdate?, target: String) -> String {
        let cards = result.deck.cards
        var faq = 0
        var keypoint = 0
        var term = 0
        for card in cards {
            switch card.kind {
            case .faq: faq += 1
            case .keypoint: keypoint += 1
            case .term: term += 1
            default: break
            }
        }
        var line =
            "\(target): \(cards.count) card\(cards.count == 1 ? "" : "s") (\(faq) faq, \(keypoint) keypoint, \(term) term); "
            + "\(result.count(.skipped)) skipped, \(result.count(.merged)) merged"
        if let update {
            line += "; updated in place: \(update.added.count) added, \(update.removed.count) removed"
        }
        if !verbose, result.count(.skipped) + result.count(.merged) + (update?.removed.count ?? 0) > 0 {
            line += " (--verbose lists them)"
        }
        return line
    }
}
