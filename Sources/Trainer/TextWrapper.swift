/// Wraps text to a width at word boundaries, keeping the text's own line breaks.
public enum TextWrapper {
    /// Each line that fits is kept as it is (its spacing too); a longer one is broken before
    /// the word that would pass `width`, and a word longer than the width is split. Colour
    /// codes take no room. `indent` starts every produced line. Nil width: unwrapped.
    public static func wrap(_ text: String, width: Int?, indent: String = "") -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let width, width > indent.count + 8 else {
            return lines.map { indent + $0 }.joined(separator: "\n")
        }
        let room = width - indent.count
        var out: [String] = []
        for paragraph in lines {
            if visibleCount(paragraph) <= room {
                out.append(indent + paragraph)
                continue
            }
            var line = ""
            var lineCount = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                var count = visibleCount(word)
                while count > room {
                    if !line.isEmpty { out.append(indent + line) }
                    line = ""
                    lineCount = 0
                    out.append(indent + word.prefix(room))
                    word = word.dropFirst(room)
                    count = visibleCount(word)
                }
                if line.isEmpty {
                    line = String(word)
                    lineCount = count
                } else if lineCount + 1 + count <= room {
                    line += " " + word
                    lineCount += 1 + count
                } else {
                    out.append(indent + line)
                    line = String(word)
                    lineCount = count
                }
            }
            out.append(indent + line)
        }
        return out.joined(separator: "\n")
    }

    /// Characters that take a column: SGR colour codes (`ESC [ … m`) take none.
    static func visibleCount(_ text: Substring) -> Int {
        guard text.contains("\u{1B}") else { return text.count }
        var count = 0
        var inCode = false
        for character in text {
            if inCode {
                if character.isLetter { inCode = false }
            } else if character == "\u{1B}" {
                inCode = true
            } else {
                count += 1
            }
        }
        return count
    }
}
