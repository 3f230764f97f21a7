import ArgumentParser
import Flashcards
import Foundation
import Interchange
import Quizzes
import Storage

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deck as CSV, TSV, Anki text, Quizlet text, or Moodle GIFT or Aiken.",
        discussion: """
            csv: RFC 4180 with the header id,front,back,kind,section,tags,context (CRLF line ends). \
            tsv: the same with tabs (LF). anki: Anki's text import with header lines that pick the \
            deck, note type, tags and GUID columns, so File › Import needs no changes and re-importing \
            updates the same notes. quizlet: term<tab>definition, one card per line, for Quizlet's \
            Import box. gift: Moodle GIFT, multiple choice and short answer. aiken: Moodle Aiken, \
            multiple choice only. Cards a format cannot carry are listed on stderr, never dropped \
            silently. See README.md for each format.
            """)

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck to export (its name as in Decks/<name>.json).")
    var deck: String

    @Option(name: .shortAndLong, help: "csv, tsv, anki, quizlet, gift or aiken.")
    var format: ExportFormat = .csv

    @Option(name: .shortAndLong, help: "Write to FILE (replaced atomically), or - for stdout.")
    var output: String = "-"

    @Flag(help: "Begin with a UTF-8 byte order mark, which Excel needs to read UTF-8 (csv, tsv).")
    var bom = false

    @Option(help: "crlf or lf between records (default: crlf for csv, lf otherwise).")
    var lineEnding: LineEnding?

    @Flag(
        name: .customLong("no-neutralize"),
        help: "Write cells starting with = + - @ tab or CR as they are, without the apostrophe (csv, tsv).")
    var noNeutralize = false

    @Option(help: "The Anki deck to import into (default: the deck's title; A::B makes a subdeck).")
    var ankiDeck: String?

    @Option(help: "Quizlet: between term and definition: tab (default), comma, or any text.")
    var termSeparator: String?

    @Option(help: "Quizlet: between cards: newline (default), semicolon, or any text.")
    var cardSeparator: String?

    func validate() throws {
        if !format.isSpreadsheet && bom { throw ValidationError("--bom applies to csv and tsv only") }
        if !format.isSpreadsheet && noNeutralize {
            throw ValidationError("--no-neutralize applies to csv and tsv only")
        }
        if format != .anki && ankiDeck != nil { throw ValidationError("--anki-deck applies to --format anki only") }
        if format != .quizlet && (termSeparator != nil || cardSeparator != nil) {
            throw ValidationError("--term-separator and --card-separator apply to --format quizlet only")
        }
        if format == .quizlet && lineEnding != nil {
            throw ValidationError("quizlet separates cards with --card-separator, not --line-ending")
        }
    }

    func run() throws {
        let name: DeckName
        do { name = try DeckName(deck) } catch { throw RecallFailure(message: "\(error)") }
        let store = DeckStore(home: homeOptions.dataHome)
        let loaded: Deck
        do { loaded = try store.load(name) } catch { throw RecallFailure(message: "\(error)") }
        let data: Data
        let skipped: Int
        do { (data, skipped) = try render(loaded, name: name) } catch { throw RecallFailure(message: "\(error)") }
        try OutputFile.write(data, to: output)
        if output != "-" {
            let count = loaded.cards.count - skipped
            FileHandle.standardError.write(
                Data("Exported \(count) card\(count == 1 ? "" : "s") of '\(name)' to \(output) as \(format).\n".utf8))
        }
        KeptUntilExit.keep((loaded, data))
    }

    /// The exported bytes, and how many cards the format could not carry (each reported on stderr).
    func render(_ deck: Deck, name: DeckName) throws -> (Data, skipped: Int) {
        let ending = lineEnding ?? format.defaultLineEnding
        switch format {
        case .gift, .aiken:
            let rendering = format == .gift ? GIFTFormat.render(deck) : AikenFormat.render(deck)
            for skip in rendering.skipped {
                FileHandle.standardError.write(Data("warning: skipped \(skip)\n".utf8))
            }
            return (Data(rendering.text.utf8), rendering.skipped.count)
        case .csv, .tsv:
            return (
                try CSVExport(
                    delimiter: format == .csv ? .comma : .tab, lineEnding: ending, byteOrderMark: bom,
                    neutralizeFormulas: !noNeutralize
                ).render(deck.cards), 0
            )
        case .anki:
            let export = AnkiExport(deckName: ankiDeck ?? deck.title, slug: name.slug, lineEnding: ending)
            return (try export.render(deck.cards), 0)
        case .quizlet:
            let export = QuizletExport(
                termSeparator: Self.separator(termSeparator ?? "tab"),
                cardSeparator: Self.separator(cardSeparator ?? "newline"))
            let (data, adjustments) = try export.render(deck.cards)
            for adjustment in adjustments {
                FileHandle.standardError.write(Data("warning: \(adjustment)\n".utf8))
            }
            if !adjustments.isEmpty {
                FileHandle.standardError.write(
                    Data(
                        "warning: \(adjustments.count) field(s) changed; Quizlet has no quoting. Pick separators the cards do not contain (--term-separator, --card-separator) to keep them as they are.\n"
                            .utf8))
            }
            return (data, 0)
        }
    }

    /// Quizlet's named separators, or the text itself with `\t` and `\n` written as escapes.
    static func separator(_ argument: String) -> String {
        switch argument.lowercased() {
        case "tab": "\t"
        case "comma": ","
        case "newline", "new line": "\n"
        case "semicolon": ";"
        default: argument.replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
        }
    }
}
