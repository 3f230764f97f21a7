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
        CardColumn.allCases.map { column in
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
    }

    public func render(_ cards: [Card]) throws(InterchangeError) -> Data {
        var rows = [CardColumn.header]
        rows.reserveCapacity(cards.count + 1)
        for card in cards {
            let cells = Self.cells(of: card)
            rows.append(neutralizeFormulas ? cells.map(FormulaGuard.neutralize) : cells)
        }
        let body = TableWriter(delimiter: delimiter.scalar, lineEnding: lineEnding).render(rows)
        return byteOrderMark ? Data([0xEF, 0xBB, 0xBF]) + body : body
    }
}
