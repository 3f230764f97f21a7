import ArgumentParser
import Flashcards
import Foundation
import Interchange
import Storage

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create or update a deck from CSV, TSV or an Anki text file.",
        discussion: """
            Columns are mapped by the header row (id, front, back, kind, section, tags, context). A card \
            already in the deck is updated in place, matched by id or else by its front, and keeps \
            its progress. On any error nothing is written.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "A CSV, TSV or Anki text file, or - for stdin.")
    var file: String

    @Option(help: "The deck to create or update (default: the Anki file's deck, else the file's name).")
    var deck: String?

    @Option(help: "auto, csv, tsv or anki (auto: Anki header lines, else the extension, else a tab in line 1).")
    var format: ImportFormatOption = .auto

    @Flag(
        name: .customLong("no-neutralize"),
        help: "Keep a leading apostrophe before = + - @ (the file was exported with --no-neutralize).")
    var noNeutralize = false

    func validate() throws {
        if file == "-" && deck == nil { throw ValidationError("reading stdin needs --deck NAME") }
    }

    func run() throws {
        let data = try readInput()
        let chosen = format.format ?? ImportFormat.detect(data, fileName: file)
        let store = DeckStore(home: homeOptions.dataHome)
        // Only an Anki file can name its deck: any other deck is known now, and read meanwhile.
        let preload = chosen == .anki ? nil : (try? deckName(fileDeck: nil)).map { DeckPreload($0.0, from: store) }
        let table: ImportedTable
        do {
            switch chosen {
            case .csv, .tsv:
                table = try CSVImport(delimiter: chosen == .csv ? .comma : .tab, restoreFormulas: !noNeutralize).read(
                    data)
            case .anki:
                table = try AnkiImport().read(data)
            }
        } catch {
            throw failure(error)
        }
        let (name, title) = try deckName(fileDeck: table.deckName)
        let loaded: DeckStore.Loaded?
        do {
            if let preload, preload.name == name {
                loaded = try preload.loaded()
            } else {
                loaded = store.exists(name) ? try store.loadNotingFile(name) : nil
            }
        } catch {
            throw RecallFailure(message: "\(error)")
        }
        let existing = loaded?.deck ?? Deck(title: title)
        let merged: (deck: Deck, summary: ImportSummary)
        do { merged = try DeckMerge.merge(table.cards, into: existing) } catch { throw failure(error) }
        // A deck file that already holds these bytes (nothing changed) is not rewritten; when
        // the merge left the loaded deck as it was and its file was recall's own encoding of
        // it, it is not even encoded to find that out.
        do { try store.saveIfChanged(merged.deck, as: name, loaded: loaded) } catch {
            throw RecallFailure(message: "\(error)")
        }
        let source = file == "-" ? "stdin" : file
        print(
            "Imported \(table.cards.count) card\(table.cards.count == 1 ? "" : "s") from \(source) (\(chosen)) into "
                + "Decks/\(name.fileName): \(merged.summary).")
        KeptUntilExit.keep((data, table, loaded, merged))
    }

    private func readInput() throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw RecallFailure(message: "\(file): no such file")
        }
        if isDirectory.boolValue { throw RecallFailure(message: "\(file) is a directory, not a CSV file") }
        // Mapped when it can be: a large file's pages then need no copying.
        if let mapped = MappedFile.data(file) { return mapped }
        do { return try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw RecallFailure(message: "\(file): \(error.localizedDescription)")
        }
    }

    /// The deck's slug and, for a new deck, its title.
    /// - Parameter fileDeck: the deck an Anki file names.
    private func deckName(fileDeck: String?) throws -> (DeckName, String) {
        if let deck {
            do { return (try DeckName(deck), deck) } catch { throw RecallFailure(message: "\(error)") }
        }
        let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        for candidate in [fileDeck, stem].compactMap({ $0 }) {
            let title = TerminalSanitizer.inertLine(candidate).trimmingCharacters(in: .whitespaces)
            if let name = DeckName(slugging: title) { return (name, title) }
        }
        throw RecallFailure(
            message: "cannot make a deck name from '\(TerminalSanitizer.inertLine(stem))'; give --deck NAME")
    }

    /// Input problems printed as `path:line: error: message`, then one failure line.
    private func failure(_ error: Error) -> RecallFailure {
        guard case InterchangeError.invalidInput(let problems) = error else {
            return RecallFailure(message: "\(error)")
        }
        let path = file == "-" ? "<stdin>" : file
        for problem in problems {
            FileHandle.standardError.write(Data((problem.diagnostic(path: path) + "\n").utf8))
        }
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return RecallFailure(message: "\(path): \(count); nothing was imported")
    }
}
