import Flashcards
import Foundation

/// Anki's text-import dialect: tab-separated notes under `#` header lines that set every choice
/// of Anki's import dialog, so File › Import needs no fiddling.
///
/// | header | value | effect in Anki |
/// |---|---|---|
/// | `#separator:tab` | | fields are tab-separated |
/// | `#html:false` | | fields are plain text: `<`, `&` and line breaks shown as written |
/// | `#notetype:Basic` | | notes of the stock Basic type (Front, Back) |
/// | `#deck:NAME` | the deck's title | cards go into that deck, created if missing |
/// | `#columns:Front⇥Back⇥Tags⇥GUID` | | column labels shown in the import dialog |
/// | `#tags column:3` | | the third column holds the note's tags |
/// | `#guid column:4` | `recall:<slug>:<card id>` | re-importing updates these notes instead of adding copies |
public struct AnkiExport: Sendable {
    /// The Anki deck name; `::` makes a subdeck.
    public var deckName: String
    /// The recall deck's slug, part of each note's GUID so two decks never share a note.
    public var slug: String
    public var lineEnding: LineEnding

    public init(deckName: String, slug: String, lineEnding: LineEnding = .lf) {
        self.deckName = deckName
        self.slug = slug
        self.lineEnding = lineEnding
    }

    public static let guidPrefix = "recall:"

    /// The GUID of a card's note: stable across exports of the same deck.
    public static func guid(slug: String, id: CardID) -> String { "\(guidPrefix)\(slug):\(id.rawValue)" }

    /// The card id inside a GUID that `guid(slug:id:)` made, else nil.
    public static func cardID(fromGUID guid: String) -> CardID? {
        guard guid.hasPrefix(guidPrefix) else { return nil }
        let parts = guid.dropFirst(guidPrefix.count).split(
            separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[1].isEmpty else { return nil }
        return CardID(String(parts[1]))
    }

    /// Anki tags cannot hold white space: each run of it inside a tag becomes `_`. `::`
    /// separates levels of a tag hierarchy in Anki, which names an empty level `blank`; empty
    /// levels are dropped instead (`a::::b` becomes `a::b`, `::` nothing).
    public static func ankiTag(_ tag: String) -> String {
        let joined = tag.split(whereSeparator: { $0.isWhitespace }).joined(separator: "_")
        guard joined.contains("::") else { return joined }
        return joined.components(separatedBy: "::").filter { !$0.isEmpty }.joined(separator: "::")
    }

    public var headerLines: [String] {
        // A header value ends at the line break: keep the deck name on one line.
        let deck = TerminalSanitizer.inertLine(deckName)
        return [
            "#separator:tab", "#html:false", "#notetype:Basic", "#deck:\(deck)",
            "#columns:Front\tBack\tTags\tGUID", "#tags column:3", "#guid column:4",
        ]
    }

    public func render(_ cards: [Card]) throws(InterchangeError) -> Data {
        if deckName.trimmingCharacters(in: .whitespaces).isEmpty {
            throw .badOption("the Anki deck name is empty")
        }
        let prefix = headerLines.map { $0 + lineEnding.text }.joined()
        let writer = TableWriter(delimiter: "\t", lineEnding: lineEnding)
        let slug = slug
        return writer.render(prefix: prefix, count: cards.count, estimate: { CSVExport.estimate(cards[$0]) }) { w, i in
            let card = cards[i]
            // Anki skips any line that starts with `#` as a comment: quote a front that does.
            w.cell(card.front, forceQuote: card.front.hasPrefix("#"))
            w.cell(card.back)
            w.cell(card.tags.map(Self.ankiTag).filter { !$0.isEmpty }.joined(separator: " "))
            w.cell(Self.guid(slug: slug, id: card.id))
            w.endRow()
        }
    }
}
