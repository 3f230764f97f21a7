import Flashcards

/// Turns an article's bytes into checked text: refuses what is not UTF-8 text, strips a BOM.
public enum ArticleDecoder {
    /// The largest article read, in bytes: 10 MiB. Articles are a few kilobytes; anything this
    /// big is almost certainly the wrong file, and refusing it keeps memory bounded.
    public static let defaultSizeLimit = 10 * 1_048_576

    /// Checks and decodes `bytes`; `path` names the file in errors.
    /// - Throws: `ArticleError` for an empty, binary, UTF-16, non-UTF-8 or oversized input.
    public static func decode(_ bytes: [UInt8], path: String, sizeLimit: Int = defaultSizeLimit) throws(ArticleError)
        -> String
    {
        if bytes.count > sizeLimit { throw .tooLarge(path: path, limit: sizeLimit) }
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { throw .utf16(path: path) }
        if let nul = firstNUL(bytes) { throw .binary(path: path, offset: nul) }
        if let bad = firstInvalidUTF8(bytes, from: start) { throw .invalidUTF8(path: path, offset: bad) }
        let body = bytes[start...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty(path: path) }
        return String(decoding: body, as: UTF8.self)
    }

    /// `decode`, and which controls the text holds (`DeckBuilder.controls(in:)` of the text),
    /// from one scan of the bytes: printable ASCII eight bytes at a time, and byte by byte the
    /// line breaks, controls and multi-byte sequences, checked as `firstInvalidUTF8` checks
    /// them. Input with a NUL or a malformed sequence takes `decode`'s path, which throws the
    /// same error it always did.
    static func decodeScanningControls(_ bytes: [UInt8], path: String, sizeLimit: Int = defaultSizeLimit)
        throws(ArticleError) -> (text: String, terminal: Bool, any: Bool)
    {
        if bytes.count > sizeLimit { throw .tooLarge(path: path, limit: sizeLimit) }
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let found = bytes.withUnsafeBufferPointer { scan($0, from: start) }
        guard let found else {
            let text = try decode(bytes, path: path, sizeLimit: sizeLimit)
            let controls = DeckBuilder.controls(in: text)
            return (text, controls.terminal, controls.any)
        }
        // UTF-16's byte order marks are malformed UTF-8, so the scan sent them to `decode`.
        let body = bytes[start...]
        if body.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { throw .empty(path: path) }
        return (String(decoding: body, as: UTF8.self), found.terminal, found.terminal || found.sawReturn)
    }

    /// Whether the bytes from `start` hold a terminal control and a carriage return, or nil
    /// when they hold a NUL or are not well-formed UTF-8.
    private static func scan(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> (terminal: Bool, sawReturn: Bool)? {
        var terminal = false
        var sawReturn = false
        var i = start
        let n = b.count
        while i < n {
            if i + 8 <= n, FastText.isPrintableASCII(b, at: i) {
                i += 8
                continue
            }
            let c = b[i]
            if c < 0x80 {
                switch c {
                case 0x00: return nil
                case 0x0D: sawReturn = true
                case 0x09, 0x0A, 0x20..<0x7F: break
                default: terminal = true  // the other C0 controls and DEL
                }
                i += 1
                continue
            }
            guard let length = sequenceLength(b, at: i) else { return nil }
            // U+0080–U+009F, the C1 controls.
            if c == 0xC2 && b[i + 1] <= 0x9F { terminal = true }
            i += length
        }
        return (terminal, sawReturn)
    }

    /// The offset of the first NUL byte, or nil; eight bytes at a time.
    static func firstNUL(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b in
            let i = ByteFinder(0).next(in: b, from: 0)
            return i < b.count ? i : nil
        }
    }

    /// The byte offset of the first byte that is not part of a well-formed UTF-8 sequence
    /// (overlong forms, surrogates and values past U+10FFFF included), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8], from start: Int) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidUTF8($0, from: start) }
    }

    private static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var i = start
        let n = bytes.count
        while i < n {
            // Eight ASCII bytes at a time.
            if i + 8 <= n, FastText.word(bytes, i) & FastText.highBits == 0 {
                i += 8
                continue
            }
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard let length = sequenceLength(bytes, at: i) else { return i }
            i += length
        }
        return nil
    }

    /// The length of the well-formed multi-byte UTF-8 sequence at `i` (overlong forms,
    /// surrogates and values past U+10FFFF are not), or nil.
    @inline(__always)
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch bytes[i] {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            upper = 0x9F
        case 0xF0:
            length = 4
            lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            upper = 0x8F
        default: return nil
        }
        guard i + length <= bytes.count, (lower...upper).contains(bytes[i + 1]) else { return nil }
        for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return nil }
        return length
    }
}
