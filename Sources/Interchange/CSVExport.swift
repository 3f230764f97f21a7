import Flashcards
import Foundation

/// recall's own CSV (or TSV): one row per card under the header
/// `id,front,back,kind,section,tags,context`, the columns `CSVImport` reads back.
public struct CSVExport: Sendable {
    public enum Delimiter: Sendable {
        case comma, tab

        var scalar: Unicode.Scalar { self == .comma ? "," : "\t" }
    }

    public var delimiter: Delimiter
    public var lineEnding: LineEnding
    /// A UTF-8 byte order mark first, which Excel needs to read UTF-8.
    public var byteOrderMark: Bool
    /// Put an apostrophe before cells a spreadsheet would run as a formula (see `FormulaGuard`).
    public var neutralizeFormulas: Bool

    public init(
        delimiter: Delimiter = .comma, lineEnding: LineEnding = .crlf, byteOrderMark: Bool = false,
        neutralizeFormulas: Bool = true
    ) {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.byteOrderMark = byteOrderMark
        self.neutralizeFormulas = neutralizeFormulas
    }

    /// The cells of one card, in `CardColumn` order.
    public static func cells(of card: Card) -> [String] {
        CardColumn.allCases.map { cell($0, of: card) }
    }

    static func cell(_ column: CardColumn, of card: Card) -> String {
        switch column {
        case .id: card.id.rawValue
        case .front: card.front
        case .back: card.back
        case .kind: card.kind.rawValue
        case .section: ListCell.section(card.section)
        case .tags: ListCell.tags(card.tags)
        case .context: card.context ?? ""
        }
    }

    public func render(_ cards: [Card]) throws(InterchangeError) -> Data {
        // Cell by cell into one buffer: a row of cells per card first was a tenth of an
        // export of 100,000 cards.
        var writer = TableWriter(delimiter: delimiter.scalar, lineEnding: lineEnding)
        writer.reserve(Self.estimate(cards))
        if byteOrderMark { writer.raw("\u{FEFF}") }
        for name in CardColumn.header { writer.cell(name) }
        writer.endRow()
        for card in cards {
            for column in CardColumn.allCases {
                let text = Self.cell(column, of: card)
                writer.cell(neutralizeFormulas ? FormulaGuard.neutralize(text) : text)
            }
            writer.endRow()
        }
        return Data(writer.bytes)
    }

    /// Roughly the size of the text, so the buffer seldom grows.
    static func estimate(_ cards: [Card]) -> Int {
        var n = 64
        for card in cards {
            n += 64 + card.id.rawValue.utf8.count + card.front.utf8.count + card.back.utf8.count
            n += card.context?.utf8.count ?? 0
            for s in card.section { n += 4 + s.utf8.count }
            for s in card.tags { n += 2 + s.utf8.count }
        }
        return n + n / 16
    }
}
