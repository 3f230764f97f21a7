/// A set of ASCII bytes as a 128-bit mask: a membership test is a shift and an AND, where a
/// `Set<UInt8>` hashes the byte first. The byte-level rules test one byte of most lines.
struct ByteSet: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The bytes of `ascii`, which must be ASCII.
    init(_ ascii: StaticString) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        ascii.withUTF8Buffer { bytes in
            for b in bytes {
                precondition(b < 0x80, "ByteSet holds ASCII bytes")
                if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
            }
        }
        self.low = low
        self.high = high
    }

    /// Adds an ASCII byte.
    mutating func insert(_ b: UInt8) {
        precondition(b < 0x80, "ByteSet holds ASCII bytes")
        if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
    }

    @inline(__always)
    func contains(_ b: UInt8) -> Bool {
        b < 64 ? low & (1 << UInt64(b)) != 0 : b < 128 && high & (1 << UInt64(b &- 64)) != 0
    }
}
