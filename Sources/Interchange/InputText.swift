import Flashcards
import Foundation

/// Turns an input file's bytes into text, refusing what is not UTF-8 text.
enum InputText {
    /// The text without a UTF-8 byte order mark.
    /// - Throws: `.invalidInput` for an empty file, UTF-16/32, NUL bytes or invalid UTF-8.
    static func decode(_ data: Data) throws(InterchangeError) -> String {
        try withText(data) { bytes in String(decoding: bytes, as: UTF8.self) }
    }

    /// Calls `body` with the file's bytes after a UTF-8 byte order mark, once they are known to
    /// be UTF-8 text, in `Data`'s own buffer: a reader that cuts the text at ASCII bytes (the
    /// CSV reader) needs no `String` of the whole 51 MB file.
    /// - Throws: `.invalidInput` for an empty file, UTF-16/32, NUL bytes or invalid UTF-8.
    static func withText<T>(
        _ data: Data, _ body: (UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> T
    ) throws(InterchangeError) -> T {
        let result = data.withUnsafeBytes { raw in
            Result { () throws(InterchangeError) in
                let bytes = try checked(raw.bindMemory(to: UInt8.self))
                return try body(bytes)
            }
        }
        return try result.get()
    }

    private static func checked(_ all: UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> UnsafeBufferPointer<
        UInt8
    > {
        var bytes = all[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .input(line: nil, "the file is UTF-16 (or UTF-32) text; save it as UTF-8")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .input(line: nil, "the file is empty")
        }
        let buffer = UnsafeBufferPointer(rebasing: bytes)
        if let base = buffer.baseAddress, let nul = memchr(base, 0, buffer.count) {
            let offset = UnsafeRawPointer(nul) - UnsafeRawPointer(base)
            throw .input(line: line(at: offset, in: buffer), "a NUL byte: this is a binary file, not CSV text")
        }
        guard isUTF8InHalves(buffer) else {
            throw .input(line: firstInvalidLine(buffer), "not valid UTF-8: a binary file, or text in another encoding")
        }
        return buffer
    }

    /// Whether the bytes are well-formed UTF-8 (Unicode 3.9, table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF). Eight ASCII bytes are passed at a time.
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
        var i = 0
        let n = bytes.count
        while true {
            while i + 8 <= n && base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            while i < n && bytes[i] < 0x80 { i += 1 }
            if i == n { return true }
            let lead = bytes[i]
            // (continuation bytes, allowed range of the first one)
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 1
            case 0xE0: (length, low) = (2, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 2
            case 0xED: (length, high) = (2, 0x9F)
            case 0xF0: (length, low) = (3, 0x90)
            case 0xF1...0xF3: length = 3
            case 0xF4: (length, high) = (3, 0x8F)
            default: return false
            }
            guard i + length < n, (low...high).contains(bytes[i + 1]) else { return false }
            for k in 2..<(length + 1) where !(0x80...0xBF).contains(bytes[i + k]) { return false }
            i += length + 1
        }
    }

    /// `isUTF8` of a large text in two halves at once, cut before a byte that starts a
    /// character (or is ASCII): no character then spans the cut, so the text is well-formed
    /// exactly when both halves are.
    static func isUTF8InHalves(_ bytes: UnsafeBufferPointer<UInt8>, splitAbove: Int = 1 << 20) -> Bool {
        guard bytes.count >= splitAbove else { return isUTF8(bytes) }
        var cut = bytes.count / 2
        while cut < bytes.count && bytes[cut] & 0xC0 == 0x80 { cut += 1 }
        nonisolated(unsafe) let halves = [
            UnsafeBufferPointer(rebasing: bytes[..<cut]), UnsafeBufferPointer(rebasing: bytes[cut...]),
        ]
        return ParallelChunks.map(2, minimum: 1) { range in range.allSatisfy { isUTF8(halves[$0]) } }
            .allSatisfy { $0 }
    }

    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func firstInvalidLine(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): if scalar == "\n" { line += 1 }
            case .emptyInput, .error: return line
            }
        }
    }
}
