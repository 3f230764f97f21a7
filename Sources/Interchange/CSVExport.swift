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
        // Cell by cell into one buffer per chunk of cards: a row of cells per card first was a
        // tenth of an export of 100,000 cards.
        let writer = TableWriter(delimiter: delimiter.scalar, lineEnding: lineEnding)
        var header = writer
        for name in CardColumn.header { header.cell(name) }
        header.endRow()
        let prefix = (byteOrderMark ? "\u{FEFF}" : "") + String(decoding: header.bytes, as: UTF8.self)
        let neutralize = neutralizeFormulas
        return writer.render(prefix: prefix, count: cards.count, estimate: { Self.estimate(cards[$0]) }) { w, i in
            for column in CardColumn.allCases {
                let text = Self.cell(column, of: cards[i])
                w.cell(neutralize ? FormulaGuard.neutralize(text) : text)
            }
            w.endRow()
        }
    }

    /// Roughly the size of the text, so the buffer seldom grows.
    static func estimate(_ cards: ArraySlice<Card>) -> Int {
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
