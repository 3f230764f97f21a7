import Flashcards
import Foundation

/// Reads Anki's text format: an Anki "Notes in Plain Text" export or recall's `anki` export.
///
/// Header lines (`#key:value`) at the top set the separator, whether fields are HTML, and which
/// columns hold the GUID, note type, deck and tags. The other columns are note fields: those
/// `#columns:` labels as Front/Back/Context (or recall's names) map by name, the rest in
/// order to front, back and context. With `#html:true`, fields are turned into plain text.
public struct AnkiImport: Sendable {
    public init() {}

    /// Header keys Anki understands; any `#` line at the top is skipped, as Anki does.
    static let knownKeys: Set<String> = [
        "separator", "html", "tags", "columns", "notetype", "deck", "notetype column", "deck column",
        "tags column", "guid column", "if matches", "match scope",
    ]

    /// The key of a `#key:value` line, lower-cased, else nil.
    static func headerKey(of line: Substring) -> String? {
        guard line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { return nil }
        return line[line.index(after: line.startIndex)..<colon].trimmingCharacters(in: .whitespaces).lowercased()
    }

    struct Header {
        var separator: Unicode.Scalar = "\t"
        var html = false
        var deck: String?
        var labels: [String]? {
            columnsValue.map {
                $0.split(separator: Character(separator), omittingEmptySubsequences: false).map(String.init)
            }
        }
        /// The raw `#columns:` value, split once the separator is known.
        var columnsValue: String?
        var guidColumn: Int?
        var notetypeColumn: Int?
        var deckColumn: Int?
        var tagsColumn: Int?
        /// Lines the header takes, so records are numbered as the file is.
        var lineCount = 0
    }

    public func read(_ data: Data) throws(InterchangeError) -> ImportedTable {
        let text = try InputText.decode(data)
        let (header, body) = try Self.header(of: text)
        let rows = try DelimitedRows.parse(String(body), delimiter: header.separator, firstLine: header.lineCount + 1)
            .filter { !$0.isBlank && !$0.startsWithHash }
        guard let first = rows.first else { return ImportedTable(cards: [], deckName: header.deck, format: .anki) }
        let width = header.labels?.count ?? first.cells.count
        let fields = try Self.fieldColumns(header, width: width, line: first.line)
        var problems: [InputProblem] = []
        var cards: [ImportedCard] = []
        for row in rows {
            guard row.cells.count == width else {
                let source = header.labels == nil ? "the first note on line \(first.line)" : "#columns:"
                problems.append(
                    InputProblem(
                        line: row.line, "wrong number of columns: \(row.cells.count), but \(source) has \(width)"))
                continue
            }
            cards.append(card(row, header: header, fields: fields))
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        let deck = header.deck ?? header.deckColumn.flatMap { $0 < first.cells.count ? first.cells[$0] : nil }
        return ImportedTable(cards: cards, deckName: deck, format: .anki)
    }

    private func card(_ row: Row, header: Header, fields: [(index: Int, column: CardColumn)]) -> ImportedCard {
        var card = ImportedCard(line: row.line, front: "", back: "")
        for (index, column) in fields {
            // Named fields are never id or tags: those come from the `# column` headers.
            card.set(column, from: header.html ? AnkiHTML.plainText(row.cells[index]) : row.cells[index])
        }
        if let guid = header.guidColumn.map({ row.cells[$0] }), !guid.isEmpty {
            card.id = AnkiExport.cardID(fromGUID: guid)?.rawValue
        }
        if let tags = header.tagsColumn.map({ row.cells[$0] }) {
            card.tags = tags.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        }
        return card
    }

    /// Which columns are note fields and what each one becomes.
    static func fieldColumns(_ header: Header, width: Int, line: Int) throws(InterchangeError)
        -> [(index: Int, column: CardColumn)]
    {
        let special = Set(
            [header.guidColumn, header.notetypeColumn, header.deckColumn, header.tagsColumn].compactMap { $0 })
        if let outside = special.first(where: { $0 >= width }) {
            throw .input(line: line, "a '# column' header names column \(outside + 1), but notes have \(width) columns")
        }
        var named: [(Int, CardColumn)] = []
        var unnamed: [Int] = []
        for index in 0..<width where !special.contains(index) {
            let label = header.labels?[index] ?? ""
            if let column = CardColumn(header: label), column != .id, column != .tags {
                named.append((index, column))
            } else {
                unnamed.append(index)
            }
        }
        let free = [CardColumn.front, .back, .context].filter { column in !named.contains { $0.1 == column } }
        if unnamed.count > free.count {
            throw .input(
                line: line,
                "notes have \(unnamed.count + named.count) fields; recall reads Front, Back and an optional third field as context"
            )
        }
        let fields = named + zip(unnamed, free).map { ($0, $1) }
        for required in [CardColumn.front, .back] where !fields.contains(where: { $0.1 == required }) {
            throw .input(line: line, "no column for the card's \(required.rawValue)")
        }
        return fields.sorted { $0.0 < $1.0 }
    }

    /// Reads the `#` lines at the top; returns them parsed and the text after them.
    static func header(of text: String) throws(InterchangeError) -> (Header, Substring) {
        var header = Header()
        var rest = Substring(text)
        while rest.hasPrefix("#") {
            let isBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            let end = rest.firstIndex(where: isBreak) ?? rest.endIndex
            let line = rest[..<end]
            rest = rest[end...]
            if let first = rest.first, isBreak(first) { rest = rest.dropFirst() }
            header.lineCount += 1
            guard let key = headerKey(of: line), let colon = line.firstIndex(of: ":") else { continue }
            let value = String(line[line.index(after: colon)...])
            try apply(key: key, value: value, to: &header)
        }
        return (header, rest)
    }

    private static func apply(key: String, value: String, to header: inout Header) throws(InterchangeError) {
        let line = header.lineCount
        func column() throws(InterchangeError) -> Int {
            guard let n = Int(value.trimmingCharacters(in: .whitespaces)), n >= 1 else {
                throw .input(
                    line: line, "'#\(key):' needs a column number from 1, not '\(TerminalSanitizer.inertLine(value))'")
            }
            return n - 1
        }
        switch key {
        case "separator": header.separator = try separator(value, line: line)
        case "html": header.html = value.trimmingCharacters(in: .whitespaces).lowercased() == "true"
        case "deck": header.deck = value
        case "columns": header.columnsValue = value
        case "guid column": header.guidColumn = try column()
        case "notetype column": header.notetypeColumn = try column()
        case "deck column": header.deckColumn = try column()
        case "tags column": header.tagsColumn = try column()
        default: break
        }
    }

    static func separator(_ value: String, line: Int) throws(InterchangeError) -> Unicode.Scalar {
        switch value.lowercased() {
        case "tab": return "\t"
        case "comma": return ","
        case "semicolon": return ";"
        case "space": return " "
        case "pipe": return "|"
        case "colon": return ":"
        default:
            guard value.unicodeScalars.count == 1, let scalar = value.unicodeScalars.first else {
                throw .input(line: line, "unknown separator '\(TerminalSanitizer.inertLine(value))'")
            }
            return scalar
        }
    }
}
