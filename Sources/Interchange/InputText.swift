import Foundation

/// Turns an input file's bytes into text, refusing what is not UTF-8 text.
enum InputText {
    /// The text without a UTF-8 byte order mark.
    /// - Throws: `.invalidInput` for an empty file, UTF-16/32, NUL bytes or invalid UTF-8.
    static func decode(_ data: Data) throws(InterchangeError) -> String {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw .input(line: nil, "the file is UTF-16 (or UTF-32) text; save it as UTF-8")
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            throw .input(line: nil, "the file is empty")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .input(line: line(at: nul, in: bytes), "a NUL byte: this is a binary file, not CSV text")
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        throw .input(line: firstInvalidLine(bytes), "not valid UTF-8: a binary file, or text in another encoding")
    }

    static func line(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    private static func firstInvalidLine(_ bytes: [UInt8]) -> Int {
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
