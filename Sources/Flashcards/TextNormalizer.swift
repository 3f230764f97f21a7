import Foundation

/// Folds text for comparison: the one place that says when two strings "mean the same".
public enum TextNormalizer {
    /// Lower-cased, accents removed, punctuation and symbols dropped, white space collapsed.
    ///
    /// Used for card ids, answer matching and duplicate detection, so all three agree.
    public static func matchKey(_ text: String) -> String {
        if let ascii = asciiMatchKey(text) { return ascii }
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

    /// `matchKey` for ASCII text (with typographic quotes, dashes and no-break spaces) without
    /// Foundation's folding, which dominates the cost of deriving card ids; nil for any other
    /// non-ASCII character. Every printable ASCII character that is not a letter or digit is
    /// punctuation or a symbol, so it separates words, as white space does; other controls are
    /// dropped, as in `matchKey`.
    static func asciiMatchKey(_ text: String) -> String? {
        var out: [UInt8] = []
        guard appendASCIIMatchKey(text, to: &out) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `asciiMatchKey(text)` to `out` and returns true, or leaves
    /// `out` as it was and returns false where `asciiMatchKey` is nil.
    static func appendASCIIMatchKey(_ text: String, to out: inout [UInt8]) -> Bool {
        var text = text
        let start = out.count
        return text.withUTF8 { b -> Bool in
            // The key is never longer than the text: each byte of it stands for a byte or more.
            out.append(contentsOf: repeatElement(0, count: b.count))
            let length = out.withUnsafeMutableBufferPointer {
                writeASCIIMatchKey(of: b, to: UnsafeMutableBufferPointer(rebasing: $0[start...]))
            }
            out.removeSubrange((start + (length ?? 0))...)
            return length != nil
        }
    }

    /// Writes the UTF-8 bytes of `asciiMatchKey` of the text `b` to `out`, which has room for
    /// `b.count` bytes, and returns how many it wrote; nil where `asciiMatchKey` is nil. On the
    /// UTF-8 bytes: a non-ASCII scalar is decoded only to check that it is a separator. Card
    /// ids hash these bytes without making a `String` of them.
    static func writeASCIIMatchKey(of b: UnsafeBufferPointer<UInt8>, to out: UnsafeMutableBufferPointer<UInt8>) -> Int?
    {
        var count = 0
        var pendingSpace = false
        var i = 0
        while i < b.count {
            let byte = b[i]
            guard byte < 0x80 else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length where i + k < b.count { value = value << 6 | UInt32(b[i + k] & 0x3F) }
                guard isSeparator(value) else { return nil }
                pendingSpace = true
                i += length
                continue
            }
            switch byte {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A:
                if pendingSpace && count > 0 {
                    out[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                out[count] = byte >= 0x41 && byte <= 0x5A ? byte + 32 : byte
                count += 1
            case 0x09...0x0D, 0x20...0x7E:
                pendingSpace = true
            default:
                break
            }
            i += 1
        }
        return count
    }

    /// Non-ASCII punctuation and spaces common in English text: no-break space, en and em
    /// dashes, curly quotes, ellipsis, guillemets, inverted marks. A `switch`, not a `Set`:
    /// hashing a scalar cost more than the rest of a card id's key.
    @inline(__always)
    static func isSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0xA0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2026, 0xAB, 0xBB, 0xBF, 0xA1: true
        default: false
        }
    }

    /// Runs of white space (including newlines) collapsed to one space, ends trimmed.
    public static func collapseWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
