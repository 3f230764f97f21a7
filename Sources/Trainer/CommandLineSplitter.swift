/// Splits a REPL line into words the way a shell would for simple cases: white space
/// separates, single and double quotes group, a backslash escapes the next character.
public enum CommandLineSplitter {
    public enum SplitError: Error, Equatable, CustomStringConvertible {
        case unclosedQuote(Character)

        public var description: String {
            switch self {
            case .unclosedQuote(let quote): "unclosed \(quote) quote"
            }
        }
    }

    public static func split(_ line: String) throws(SplitError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
                continue
            }
            switch character {
            case "\\":
                escaped = true
                inWord = true
            case "\"", "'":
                quote = character
                inWord = true
            case _ where character.isWhitespace:
                if inWord { words.append(current) }
                current = ""
                inWord = false
            default:
                current.append(character)
                inWord = true
            }
        }
        if let quote { throw .unclosedQuote(quote) }
        if inWord { words.append(current) }
        return words
    }
}
