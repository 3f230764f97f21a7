/// Byte-level text helpers for the builder's hot paths.
///
/// `Character`-based processing (grapheme breaking, `isWhitespace`) cost milliseconds per
/// article; these work on UTF-8 bytes and decode a scalar only where a non-ASCII byte appears,
/// which keeps deck building well above its throughput goal (Benchmarks/deck-building.md).
enum FastText {
    /// Runs of white space (Unicode White_Space, newlines included) collapsed to one space, ends
    /// trimmed: the same result as `TextNormalizer.collapseWhitespace`, much faster.
    static func collapse(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pending = false
            var i = 0
            while i < bytes.count {
                let w = whitespaceLength(bytes, i)
                if w > 0 {
                    pending = !out.isEmpty
                    i += w
                    continue
                }
                if pending {
                    out.append(0x20)
                    pending = false
                }
                out.append(bytes[i])
                i += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whether the text is empty or all white space.
    static func isBlank(_ text: some StringProtocol) -> Bool {
        var copy = String(text)
        return copy.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                let w = whitespaceLength(bytes, i)
                if w == 0 { return false }
                i += w
            }
            return true
        }
    }

    /// The byte length of the white-space character at `i`, or 0 when there is none there.
    @inline(__always)
    static func whitespaceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if c == 0x20 || (0x09...0x0D).contains(c) { return 1 }
        if c < 0xC2 { return 0 }
        let n = b.count
        switch c {
        case 0xC2:  // U+0085, U+00A0
            return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
        case 0xE1:  // U+1680
            return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0
        case 0xE2:  // U+2000–200A, U+2028, U+2029, U+202F, U+205F
            guard i + 2 < n else { return 0 }
            let d = b[i + 1]
            let e = b[i + 2]
            if d == 0x80 && (e <= 0x8A || e == 0xA8 || e == 0xA9 || e == 0xAF) { return 3 }
            return d == 0x81 && e == 0x9F ? 3 : 0
        case 0xE3:  // U+3000
            return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
        default:
            return 0
        }
    }

    /// Calls `body` with each word of the text: a run of letters and digits, lower-cased
    /// (non-ASCII letters lower-cased through their Unicode mapping).
    static func forEachWord(in text: String, _ body: (ArraySlice<UInt8>) -> Void) {
        let bytes = Array(text.utf8)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var i = 0
        let n = bytes.count
        while i <= n {
            let c: UInt8 = i < n ? bytes[i] : 0x20
            var length = 1
            var inWord = false
            if c < 0x80 {
                if (0x61...0x7A).contains(c) || (0x30...0x39).contains(c) {
                    word.append(c)
                    inWord = true
                } else if (0x41...0x5A).contains(c) {
                    word.append(c + 32)
                    inWord = true
                }
            } else {
                length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
                if length > 1, i + length <= n {
                    var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                    if let scalar = Unicode.Scalar(value),
                        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                    {
                        inWord = true
                        if scalar.properties.changesWhenLowercased {
                            word.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                        } else {
                            word.append(contentsOf: bytes[i..<(i + length)])
                        }
                    }
                } else {
                    length = 1
                }
            }
            if !inWord && !word.isEmpty {
                body(word[...])
                word.removeAll(keepingCapacity: true)
            }
            i += length
        }
    }

    /// How many times `needle` occurs in `haystack` (overlaps counted), by bytes.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        guard let first = needle.first, needle.count <= haystack.count else { return 0 }
        var count = 0
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { count += 1 }
            }
            i += 1
        }
        return count
    }
}
