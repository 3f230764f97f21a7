import Foundation

/// Folds text for comparison: the one place that says when two strings "mean the same".
public enum TextNormalizer {
    /// Lower-cased, accents removed, punctuation and symbols dropped, white space collapsed.
    ///
    /// Used for card ids, answer matching and duplicate detection, so all three agree.
    public static func matchKey(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else if CharacterSet.whitespacesAndNewlines.contains(scalar)
                || CharacterSet.punctuationCharacters.contains(scalar)
                || CharacterSet.symbols.contains(scalar)
            {
                pendingSpace = true
            }
        }
        return String(out)
    }

    /// Runs of white space (including newlines) collapsed to one space, ends trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
