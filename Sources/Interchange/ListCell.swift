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
        var cell = cell
        return cell.withUTF8 { tags(fromUTF8: $0) }
    }

    /// `tags(fromCell:)` of a cell's UTF-8 bytes, which must be valid: a CSV import splits the
    /// cell where it lies in the file, without a `String` of the whole cell first.
    static func tags(fromUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [String] {
        var items: [String] = []
        split(utf8, isSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { item, _ in
            if !item.isEmpty { items.append(String(decoding: item, as: UTF8.self)) }
        }
        return items
    }

    /// Section headings joined by ` > `; `\` and `>` inside a heading are escaped.
    public static func section(_ path: [String]) -> String {
        path.map { escape($0, special: { $0 == ">" }) }.joined(separator: " > ")
    }

    /// Splits a section cell on unescaped `>`, dropping one space on each side of a separator,
    /// so `A > B`, `A>B` and what `section(_:)` writes all read as `["A", "B"]`.
    public static func section(fromCell cell: String) -> [String] {
        var cell = cell
        return cell.withUTF8 { section(fromUTF8: $0) }
    }

    /// `section(fromCell:)` of a cell's UTF-8 bytes, which must be valid.
    ///
    /// The spaces around a separator are dropped from the bytes (as `Substring`s this was a
    /// tenth of a large import's card building), exactly when the heading's first or last
    /// character is a lone space: a space followed (or, at the end, preceded) by an ASCII byte,
    /// or nothing, is a character of its own; next to a non-ASCII scalar it may be part of a
    /// larger one, and the characters decide as before.
    static func section(fromUTF8 utf8: UnsafeBufferPointer<UInt8>) -> [String] {
        if utf8.isEmpty { return [] }
        var items: [String] = []
        split(utf8, isSeparator: { $0 == 0x3E }) { item, isLast in
            var start = 0
            var end = item.count
            if !items.isEmpty, end > 0, item[0] == 0x20 {
                if end == 1 || item[1] < 0x80 {
                    start = 1
                } else {
                    return items.append(trimmedByCharacters(item, first: true, last: !isLast))
                }
            }
            if !isLast, end > start, item[end - 1] == 0x20 {
                if end - 1 == start || item[end - 2] < 0x80 {
                    end -= 1
                } else {
                    return items.append(trimmedByCharacters(item, first: !items.isEmpty, last: true))
                }
            }
            items.append(String(decoding: UnsafeBufferPointer(rebasing: item[start..<end]), as: UTF8.self))
        }
        return items
    }

    /// A heading with a space dropped from its start and end, as characters: the way the bytes
    /// are trimmed when a space touches a non-ASCII scalar.
    private static func trimmedByCharacters(_ item: UnsafeBufferPointer<UInt8>, first: Bool, last: Bool) -> String {
        var piece = Substring(String(decoding: item, as: UTF8.self))
        if first, piece.first == " " { piece = piece.dropFirst() }
        if last, piece.last == " " { piece = piece.dropLast() }
        return String(piece)
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

    /// Splits on unescaped separators and removes the escapes; a trailing lone `\` stays. Calls
    /// `item` with each item's bytes (valid only during the call) and whether it is the last.
    ///
    /// Works on UTF-8 bytes, copying each item out whole (scalar by scalar was a tenth of a
    /// large import): the separators and `\` are ASCII, and dropping the `\` before a scalar
    /// leaves that scalar's bytes as they were.
    private static func split(
        _ utf8: UnsafeBufferPointer<UInt8>, isSeparator: (UInt8) -> Bool,
        _ item: (UnsafeBufferPointer<UInt8>, _ isLast: Bool) -> Void
    ) {
        var unescaped: [UInt8] = []
        var escapes = false
        var start = 0
        var i = 0
        func emit(upTo end: Int, isLast: Bool) {
            let run = UnsafeBufferPointer(rebasing: utf8[start..<end])
            guard escapes else { return item(run, isLast) }
            unescaped.append(contentsOf: run)
            unescaped.withUnsafeBufferPointer { item($0, isLast) }
            unescaped.removeAll(keepingCapacity: true)
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
                emit(upTo: i, isLast: false)
                escapes = false
                i += 1
                start = i
            } else {
                i += 1
            }
        }
        emit(upTo: utf8.count, isLast: true)
    }
}
