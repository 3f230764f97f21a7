/// How a list (a card's tags, its section path) is written into one cell, and read back.
///
/// Tags are separated by spaces, the way Anki writes them; a section path by ` > `. Inside an
/// item, a backslash and the separator character are escaped with a backslash, so any list of
/// non-empty items survives a round trip while ordinary cells stay readable in a spreadsheet.
public enum ListCell {
    /// Tags separated by single spaces; `\`, space, tab and newlines inside a tag are escaped.
    public static func tags(_ tags: [String]) -> String {
        tags.filter { !$0.isEmpty }.map { escape($0, special: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) }
            .joined(separator: " ")
    }

    /// Splits a tags cell on unescaped white space; runs of white space count as one.
    public static func tags(fromCell cell: String) -> [String] {
        split(cell, isSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .filter { !$0.isEmpty }
    }

    /// Section headings joined by ` > `; `\` and `>` inside a heading are escaped.
    public static func section(_ path: [String]) -> String {
        path.map { escape($0, special: { $0 == ">" }) }.joined(separator: " > ")
    }

    /// Splits a section cell on unescaped `>`, dropping one space on each side of a separator,
    /// so `A > B`, `A>B` and what `section(_:)` writes all read as `["A", "B"]`.
    public static func section(fromCell cell: String) -> [String] {
        if cell.isEmpty { return [] }
        let pieces = split(cell, isSeparator: { $0 == ">" })
        return pieces.enumerated().map { index, piece in
            var piece = Substring(piece)
            if index > 0, piece.first == " " { piece = piece.dropFirst() }
            if index < pieces.count - 1, piece.last == " " { piece = piece.dropLast() }
            return String(piece)
        }
    }

    private static func escape(_ item: String, special: (Unicode.Scalar) -> Bool) -> String {
        if !item.unicodeScalars.contains(where: { $0 == "\\" || special($0) }) { return item }
        var out = String.UnicodeScalarView()
        for scalar in item.unicodeScalars {
            if scalar == "\\" || special(scalar) { out.append("\\") }
            out.append(scalar)
        }
        return String(out)
    }

    /// Splits on unescaped separators and removes the escapes; a trailing lone `\` stays.
    private static func split(_ cell: String, isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for scalar in cell.unicodeScalars {
            if escaped {
                current.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if isSeparator(scalar) {
                items.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if escaped { current.append("\\") }
        items.append(String(current))
        return items
    }
}
