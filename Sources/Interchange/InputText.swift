import Foundation

/// Turns an input file's bytes into text, refusing what is not UTF-8 text.
enum InputText {
    /// The text without a UTF-8 byte order mark.
    /// - Throws: `.invalidInput` for an empty file, UTF-16/32, NUL bytes or invalid UTF-8.
    static func decode(_ data: Data) throws(InterchangeError) -> String {
        // Checked in place, in Data's own buffer: a 51 MB file is copied once, into the text.
        let result = data.withUnsafeBytes { raw in
            Result { () throws(InterchangeError) in try decode(raw.bindMemory(to: UInt8.self)) }
        }
        return try result.get()
    }

    private static func decode(_ all: UnsafeBufferPointer<UInt8>) throws(InterchangeError) -> String {
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
        // Decoding repairs invalid sequences, and a repair always changes the bytes: compared
        // whole, this is several times faster than `String(validating:)`, which is not
        // specialized for a buffer here.
        var text = String(decoding: buffer, as: UTF8.self)
        let valid = text.withUTF8 { decoded in
            guard decoded.count == buffer.count else { return false }
            guard let a = decoded.baseAddress, let b = buffer.baseAddress else { return true }
            return memcmp(a, b, buffer.count) == 0
        }
        if valid { return text }
        throw .input(line: firstInvalidLine(buffer), "not valid UTF-8: a binary file, or text in another encoding")
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
