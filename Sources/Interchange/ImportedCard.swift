/// One card as a file describes it, before it is checked and merged into a deck.
///
/// An optional property is nil when the file has no such column, so a merge leaves that part
/// of an existing card alone.
public struct ImportedCard: Equatable, Sendable {
    /// The line the card's record starts on.
    public var line: Int
    public var id: String?
    public var front: String
    public var back: String
    public var kind: String?
    public var section: [String]?
    public var tags: [String]?
    /// The context column's text; empty clears the card's context.
    public var context: String?

    public init(
        line: Int, id: String? = nil, front: String, back: String, kind: String? = nil, section: [String]? = nil,
        tags: [String]? = nil, context: String? = nil
    ) {
        self.line = line
        self.id = id
        self.front = front
        self.back = back
        self.kind = kind
        self.section = section
        self.tags = tags
        self.context = context
    }
}

extension ImportedCard {
    /// Sets the part of the card that a column holds, from a cell as recall's CSV writes it.
    mutating func set(_ column: CardColumn, from cell: String) {
        switch column {
        case .id: id = cell
        case .front: front = cell
        case .back: back = cell
        case .kind: kind = cell
        case .section: section = ListCell.section(fromCell: cell)
        case .tags: tags = ListCell.tags(fromCell: cell)
        case .context: context = cell
        }
    }

    /// `set(_:from:)` with the cell's UTF-8 bytes (valid UTF-8), where they lie in the file:
    /// a list column is split from them without a `String` of the whole cell.
    mutating func set(_ column: CardColumn, fromUTF8 cell: UnsafeBufferPointer<UInt8>) {
        switch column {
        case .section: section = ListCell.section(fromUTF8: cell)
        case .tags: tags = ListCell.tags(fromUTF8: cell)
        default: set(column, from: String(decoding: cell, as: UTF8.self))
        }
    }
}

/// What a file held: its cards and, for Anki files, the deck it names.
public struct ImportedTable: Equatable, Sendable {
    public var cards: [ImportedCard]
    /// The deck named by an Anki file's `#deck:` header or deck column.
    public var deckName: String?
    public var format: ImportFormat
}
