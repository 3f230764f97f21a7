import Glibc

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
        return text.withUTF8 { bytes -> String? in
            // Most lines need no change: keep the string rather than copy it.
            if !needsCollapse(bytes) { return nil }
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
        } ?? text
    }

    /// Whether `collapse` changes the text: white space at either end, white space other than
    /// a single space, or two white-space characters in a row.
    ///
    /// Eight bytes at a time while they are printable ASCII without two spaces in a row (the
    /// windows overlap by a byte, so a pair across two windows is seen); byte by byte elsewhere.
    static func needsCollapse(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = bytes.count
        guard n > 0 else { return false }
        if bytes[0] == 0x20 || bytes[n - 1] == 0x20 { return true }
        var i = 0
        while i < n {
            if i + 8 <= n {
                let w = word(bytes, i)
                if w & highBits == 0, !hasByte(in: w, below: 0x20), !hasByte(in: w, equalTo: 0x7F) {
                    let spaces = exactBytes(in: w, equalTo: 0x20)
                    if spaces & (spaces >> 8) != 0 { return true }
                    i += 7
                    continue
                }
            }
            let c = bytes[i]
            if c == 0x20 {
                if i + 1 < n && whitespaceLength(bytes, i + 1) > 0 { return true }
            } else if c < 0x20 || c >= 0xC2 {
                if whitespaceLength(bytes, i) > 0 { return true }
            }
            i += 1
        }
        return false
    }

    /// The high bit of each of the word's bytes that is `c`, and no other bit (unlike
    /// `hasByte`, no false marks above a match).
    @inline(__always)
    static func exactBytes(in w: UInt64, equalTo c: UInt8) -> UInt64 {
        let x = w ^ (ones &* UInt64(c))
        let low: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((x & low) &+ low) | x | low)
    }

    /// The range of the last non-empty run of bytes between `separator`s, as
    /// `split(separator:).last` finds it in ASCII text (nil when there is none).
    static func lastASCIIComponent(
        _ bytes: Substring.UTF8View, separator: UInt8
    ) -> Range<String.Index>? {
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let before = bytes.index(before: end)
            if bytes[before] != separator { break }
            end = before
        }
        guard end > bytes.startIndex else { return nil }
        let start = bytes[..<end].lastIndex(of: separator).map { bytes.index(after: $0) } ?? bytes.startIndex
        return start..<end
    }

    /// Whether every byte of the text is ASCII. For such text a `Character` is one byte (no CR
    /// is left after sanitizing, so no CR LF pair), which lets byte checks stand in for
    /// `Character` ones.
    static func isASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes in
            for c in bytes where c >= 0x80 { return false }
            return true
        } ?? text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// The number of characters in the text: its byte count when it is ASCII (no CR LF pair,
    /// which would be one character, as no CR is left after sanitizing).
    static func characterCount(_ text: String) -> Int {
        var copy = text
        let plain = copy.withUTF8 { bytes in
            for c in bytes where c >= 0x80 || c == 0x0D { return false }
            return true
        }
        return plain ? text.utf8.count : text.count
    }

    /// Whether `needle` occurs in the text's UTF-8: the C library's `memchr` finds each place of
    /// the needle's rarest byte in English text (the `k` of `ookie`; its `e`, searched for
    /// before, stalled a word-at-a-time scan on most words), then the bytes around it are compared.
    static func contains(_ needle: StaticString, in text: String) -> Bool {
        var text = text
        return text.withUTF8 { b in
            needle.withUTF8Buffer { needle in
                guard !needle.isEmpty else { return true }
                guard needle.count <= b.count, let base = b.baseAddress else { return false }
                let at = rarestIndex(needle)
                let key = Int32(needle[at])
                // Where the key byte may sit so that the whole needle fits in the text.
                var i = at
                let last = b.count - needle.count + at
                while i <= last {
                    guard let found = memchr(base + i, key, last - i + 1) else { return false }
                    i = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - base
                    let start = i - at
                    if needle.indices.allSatisfy({ b[start + $0] == needle[$0] }) { return true }
                    i += 1
                }
                return false
            }
        }
    }

    /// Space and the letters, most common in English text first.
    private static let englishByFrequency = Array(" etaoinshrdlcumwfgypbvkjxqz".utf8)

    /// The index of the needle's byte that is least common in English text.
    private static func rarestIndex(_ needle: UnsafeBufferPointer<UInt8>) -> Int {
        var best = 0
        var bestRank = -1
        for (k, c) in needle.enumerated() {
            let lower = (0x41...0x5A).contains(c) ? c | 0x20 : c
            let rank = englishByFrequency.firstIndex(of: lower) ?? englishByFrequency.count
            if rank > bestRank {
                best = k
                bestRank = rank
            }
        }
        return best
    }

    /// The eight bytes at `i` as one word, for testing eight bytes at a time (`i + 8 <= count`).
    @inline(__always)
    static func word(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> UInt64 {
        UnsafeRawPointer(b.baseAddress.unsafelyUnwrapped + i).loadUnaligned(as: UInt64.self)
    }

    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// Whether one of the word's bytes is below `n` (at most 128).
    @inline(__always)
    static func hasByte(in w: UInt64, below n: UInt8) -> Bool {
        (w &- ones &* UInt64(n)) & ~w & highBits != 0
    }

    /// Whether one of the word's bytes is `c`.
    @inline(__always)
    static func hasByte(in w: UInt64, equalTo c: UInt8) -> Bool {
        hasByte(in: w ^ (ones &* UInt64(c)), below: 1)
    }

    /// Whether all eight bytes at `i` are printable ASCII (0x20–0x7E), so none is a control,
    /// white space other than a space, or part of a multi-byte character.
    @inline(__always)
    static func isPrintableASCII(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        let w = word(b, i)
        return w & highBits == 0 && !hasByte(in: w, below: 0x20) && !hasByte(in: w, equalTo: 0x7F)
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
        var word: [UInt8] = []
        word.reserveCapacity(32)
        scanWords(in: text) {
            word.append($0)
        } wordEnd: {
            body(word[...])
            word.removeAll(keepingCapacity: true)
        }
    }

    /// The FNV-1a hash (`Similarity.hash`) of each word `forEachWord` finds that is at least
    /// `minimumLength` bytes long, computed as the bytes go by instead of from a copy. ASCII is
    /// classified inline here: through `scanWords`' closures it cost a call per byte.
    static func wordHashes(in text: String, minimumLength: Int) -> [UInt64] {
        var hashes: [UInt64] = []
        hashes.reserveCapacity(text.utf8.count / 6)
        appendWordHashes(in: text, minimumLength: minimumLength, to: &hashes)
        return hashes
    }

    /// Appends `wordHashes(in:minimumLength:)` to `hashes`: an article's texts hashed into one
    /// array rather than an array each.
    static func appendWordHashes(in text: String, minimumLength: Int, to hashes: inout [UInt64]) {
        let offset: UInt64 = 0xcbf2_9ce4_8422_2325
        let prime: UInt64 = 0x0000_0100_0000_01B3
        let least = max(1, minimumLength)
        var text = text
        text.withUTF8 { bytes in
            let n = bytes.count
            // Room for every word the text can hold (each takes a byte and a separator), so a
            // word end is stored without a branch; cut back to the words found after.
            let start = hashes.count
            hashes.append(contentsOf: repeatElement(0, count: n / 2 + 1))
            let end = hashes.withUnsafeMutableBufferPointer { out -> Int in
                asciiWordBytes.withUnsafeBufferPointer { wordByte -> Int in
                    var count = start
                    var h = offset
                    var length = 0
                    var i = 0
                    while i < n {
                        let c = bytes[i]
                        if c < 0x80 {
                            // Masks, not branches: a branch on letter or not was mispredicted at
                            // nearly every word edge (and the compiler turns selects into one). A
                            // word's hash is stored at each byte and kept (`count` moves on) only
                            // at a word's end.
                            let lower = UInt64(wordByte[Int(c)])
                            let letter = bit(lower != 0)
                            let keep = 0 &- letter
                            let next = (h ^ lower) &* prime
                            out[count] = h
                            count &+= Int(truncatingIfNeeded: (letter ^ 1) & bit(length >= least))
                            h = (next & keep) | (offset & ~keep)
                            length = (length &+ 1) & Int(truncatingIfNeeded: keep)
                            i &+= 1
                            continue
                        }
                        let (width, letter) = nonASCIIWordCharacter(bytes, at: i) {
                            h = (h ^ UInt64($0)) &* prime
                            length += 1
                        }
                        if !letter {
                            if length >= least {
                                out[count] = h
                                count += 1
                            }
                            h = offset
                            length = 0
                        }
                        i += width
                    }
                    if length >= least {
                        out[count] = h
                        count += 1
                    }
                    return count
                }
            }
            hashes.removeLast(hashes.count - end)
        }
    }

    /// `asciiWordByte` of every ASCII byte, looked up in one load.
    private static let asciiWordBytes: [UInt8] = (0..<128).map { asciiWordByte(UInt8($0)) }

    /// 1 for true, 0 for false, as an integer to mask with.
    @inline(__always)
    private static func bit(_ b: Bool) -> UInt64 { UInt64(unsafeBitCast(b, to: UInt8.self)) }

    /// The words of the text as `forEachWord` defines them: `byte` gets each lower-cased byte
    /// of a word, `wordEnd` is called after the last byte of each.
    @inline(__always)
    private static func scanWords(in text: String, byte: (UInt8) -> Void, wordEnd: () -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var i = 0
            var inWord = false
            let n = bytes.count
            while i < n {
                let (width, letter) = wordCharacter(bytes, at: i, byte: byte)
                if !letter && inWord { wordEnd() }
                inWord = letter
                i += width
            }
            if inWord { wordEnd() }
        }
    }

    /// An ASCII byte as part of a word: a letter lower-cased, a digit as it is, 0 for the rest.
    @inline(__always)
    static func asciiWordByte(_ c: UInt8) -> UInt8 {
        let lower = c | 0x20
        if lower &- 0x61 < 26 { return lower }
        return c &- 0x30 < 10 ? c : 0
    }

    /// The character at `i`: its width in bytes and whether it is a letter or digit, in which
    /// case `byte` gets its lower-cased UTF-8.
    @inline(__always)
    private static func wordCharacter(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, byte: (UInt8) -> Void
    ) -> (width: Int, letter: Bool) {
        guard bytes[i] < 0x80 else { return nonASCIIWordCharacter(bytes, at: i, byte: byte) }
        let lower = asciiWordByte(bytes[i])
        if lower != 0 { byte(lower) }
        return (1, lower != 0)
    }

    /// The character whose first byte, not ASCII, is at `i`: its width in bytes and whether it
    /// is a letter or digit, in which case `byte` gets its lower-cased UTF-8. A malformed or cut
    /// sequence is one byte wide and no letter.
    @inline(__always)
    private static func nonASCIIWordCharacter(
        _ bytes: UnsafeBufferPointer<UInt8>, at i: Int, byte: (UInt8) -> Void
    ) -> (width: Int, letter: Bool) {
        let c = bytes[i]
        let length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (1, false) }
        var value = UInt32(c) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value),
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        else { return (length, false) }
        if scalar.properties.changesWhenLowercased {
            for b in scalar.properties.lowercaseMapping.utf8 { byte(b) }
        } else {
            for k in i..<(i + length) { byte(bytes[k]) }
        }
        return (length, true)
    }

    /// How many times `needle` occurs in `haystack` (overlaps counted), by bytes.
    static func occurrences(of needle: [UInt8], in haystack: [UInt8]) -> Int {
        needle.withUnsafeBufferPointer { n in haystack.withUnsafeBufferPointer { occurrences(of: n, in: $0) } }
    }

    private static func occurrences(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>)
        -> Int
    {
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
