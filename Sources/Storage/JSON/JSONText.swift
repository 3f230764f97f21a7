import Foundation

/// Writes the JSON text of recall's own records into a byte buffer, without Foundation's encoder.
struct JSONText {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 256) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    /// A string, quoted and escaped as RFC 8259 requires (control characters as `\uXXXX`).
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): raw("\\\"")
            case UInt8(ascii: "\\"): raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                raw("\\u00")
                bytes.append(Self.hex[Int(b >> 4)])
                bytes.append(Self.hex[Int(b & 0xF)])
            default: bytes.append(b)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func int(_ n: Int) { raw(String(n)) }

    /// A non-negative number in decimal, zero-padded to `width` digits.
    mutating func digits(_ n: Int64, width: Int) {
        var n = n
        let start = bytes.count
        repeat {
            bytes.append(UInt8(truncatingIfNeeded: 0x30 + n % 10))
            n /= 10
        } while n > 0
        while bytes.count - start < width { bytes.append(0x30) }
        bytes[start...].reverse()
    }

    /// A finite double in its shortest form that reads back to the same value.
    mutating func double(_ d: Double) {
        precondition(d.isFinite, "JSON has no infinities or NaN")
        // Swift's description is the shortest round-tripping form ("3.0", "1e-05", "12.5").
        raw(d.description)
    }

    mutating func null() { raw("null") }
    mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    /// A key and its colon.
    mutating func key(_ name: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(name)
        raw("\":")
    }
}
