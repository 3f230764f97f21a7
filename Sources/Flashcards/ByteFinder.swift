/// Finds the next byte of a small set (any byte below a bound, and up to four exact values) in
/// UTF-8 text, eight bytes at a time: the scans over whole deck files and CSV files (for
/// quotes, escapes, separators, line breaks) spend most of their time on bytes that are none
/// of these, and a 64-bit word of such bytes is passed over with a few arithmetic operations.
public struct ByteFinder: Sendable {
    // Inlinable, with what it reads: the CSV and JSON readers call it once per cell or string.
    @usableFromInline let below: UInt8
    @usableFromInline let targets: (UInt8, UInt8, UInt8, UInt8)

    /// - Parameters:
    ///   - below: find bytes less than this (at most 0x80; 0 for none).
    ///   - bytes: find bytes equal to any of these (one to four).
    public init(below: UInt8 = 0, _ bytes: UInt8...) {
        precondition(below <= 0x80 && (1...4).contains(bytes.count), "a bound up to 0x80 and one to four bytes")
        self.below = below
        let b = bytes + Array(repeating: bytes[0], count: 4 - bytes.count)
        targets = (b[0], b[1], b[2], b[3])
    }

    /// Whether `byte` is one this finder looks for.
    @inlinable @inline(__always)
    public func matches(_ byte: UInt8) -> Bool {
        byte < below || byte == targets.0 || byte == targets.1 || byte == targets.2 || byte == targets.3
    }

    /// The index of the first matching byte at or after `start`, or `bytes.count`.
    ///
    /// Sixteen bytes at a time with SIMD compares while nothing matches (3× a word loop on the
    /// long runs of a deck's text), then one or two 64-bit words whose lowest flagged byte is
    /// the match: the borrow of `x - 0x01…01` only flags bytes above a true match, never below.
    @inlinable
    public func next(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            let n = bytes.count
            let bound = SIMD16<UInt8>(repeating: below)
            let t0 = SIMD16<UInt8>(repeating: targets.0)
            let t1 = SIMD16<UInt8>(repeating: targets.1)
            let t2 = SIMD16<UInt8>(repeating: targets.2)
            let t3 = SIMD16<UInt8>(repeating: targets.3)
            while i + 16 <= n {
                let v = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                if any((v .< bound) .| (v .== t0) .| (v .== t1) .| (v .== t2) .| (v .== t3)) { break }
                i += 16
            }
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= n {
                let w = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // Each term has a byte's high bit set when that byte matches it.
                let low = (w &- ones &* UInt64(below)) & ~w & highs
                let x0 = w ^ (ones &* UInt64(targets.0))
                let x1 = w ^ (ones &* UInt64(targets.1))
                let x2 = w ^ (ones &* UInt64(targets.2))
                let x3 = w ^ (ones &* UInt64(targets.3))
                let equal =
                    ((x0 &- ones) & ~x0) | ((x1 &- ones) & ~x1) | ((x2 &- ones) & ~x2) | ((x3 &- ones) & ~x3)
                let found = low | (equal & highs)
                // The lowest flagged byte (in little-endian order) is the first in memory.
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
        }
        while i < bytes.count && !matches(bytes[i]) { i += 1 }
        return i
    }
}
