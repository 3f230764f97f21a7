/// Wraps text to a width at word boundaries, keeping the text's own line breaks.
public enum TextWrapper {
    /// Each paragraph line is broken before the word that would pass `width`; a word longer
    /// than the width is split. `indent` starts every produced line. Nil width: unwrapped.
    public static func wrap(_ text: String, width: Int?, indent: String = "") -> String {
        guard let width, width > indent.count + 8 else {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + $0 }.joined(separator: "\n")
        }
        let room = width - indent.count
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var word = Substring(word)
                while word.count > room {
                    if !line.isEmpty { out.append(indent + line) }
                    line = ""
                    out.append(indent + word.prefix(room))
                    word = word.dropFirst(room)
                }
                if line.isEmpty {
                    line = String(word)
                } else if line.count + 1 + word.count <= room {
                    line += " " + word
                } else {
                    out.append(indent + line)
                    line = String(word)
                }
            }
            out.append(indent + line)
        }
        return out.joined(separator: "\n")
    }
}
