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
        split(cell, isSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D })
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
        let pieces = split(cell, isSeparator: { $0 == 0x3E })
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
    ///
    /// Works on UTF-8 bytes, copying each item out whole (scalar by scalar was a tenth of a
    /// large import): the separators and `\` are ASCII, and dropping the `\` before a scalar
    /// leaves that scalar's bytes as they were.
    private static func split(_ cell: String, isSeparator: (UInt8) -> Bool) -> [String] {
        var cell = cell
        return cell.withUTF8 { utf8 in
            var items: [String] = []
            var unescaped: [UInt8] = []
            var escapes = false
            var start = 0
            var i = 0
            func item(upTo end: Int) -> String {
                let run = UnsafeBufferPointer(rebasing: utf8[start..<end])
                guard escapes else { return String(decoding: run, as: UTF8.self) }
                unescaped.append(contentsOf: run)
                defer { unescaped.removeAll(keepingCapacity: true) }
                return String(decoding: unescaped, as: UTF8.self)
            }
            while i < utf8.count {
                let byte = utf8[i]
                if byte == 0x5C && i + 1 < utf8.count {
                    // Drop the backslash; the next byte starts the run, as text whatever it is.
                    unescaped.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i]))
                    escapes = true
                    start = i + 1
                    i += 2
                } else if isSeparator(byte) {
                    items.append(item(upTo: i))
                    escapes = false
                    i += 1
                    start = i
                } else {
                    i += 1
                }
            }
            items.append(item(upTo: utf8.count))
            return items
        }
    }
}
