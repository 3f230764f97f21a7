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
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
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
            default: return i
            }
            guard i + length <= n else { return i }
            if !(lower...upper).contains(bytes[i + 1]) { return i }
            for k in 2..<length where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += length
        }
        return nil
    }
}
