/// Turns the HTML of an Anki field into the plain text recall stores.
///
/// Anki keeps fields as HTML: line breaks as `<br>` or `<div>` blocks, `<`, `>` and `&` as
/// entities. Tags are dropped, breaks become newlines, entities are decoded.
enum AnkiHTML {
    static func plainText(_ html: String) -> String {
        guard html.contains(where: { $0 == "<" || $0 == "&" }) else { return html }
        var out = ""
        var rest = Substring(html)
        while let c = rest.first {
            if c == "<", let close = rest.firstIndex(of: ">") {
                let tag = rest[rest.index(after: rest.startIndex)..<close]
                let closing = tag.hasPrefix("/")
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                let opensBlock = !closing && (name == "div" || name == "p")
                if name == "br" || (opensBlock && !out.isEmpty && !out.hasSuffix("\n")) {
                    out += "\n"
                }
                rest = rest[rest.index(after: close)...]
            } else if c == "&", let semicolon = rest.prefix(12).firstIndex(of: ";"),
                let decoded = entity(rest[rest.index(after: rest.startIndex)..<semicolon])
            {
                out.unicodeScalars.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }

    private static func entity(_ name: Substring) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value =
                digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
