/// Decimal text to the nearest double without `strtod`, for the common case; `strtod` decides
/// the rest.
///
/// A review log line carries up to four 17-digit doubles, and `strtod` was a fifth of reading
/// one. This is the Eisel–Lemire algorithm (as in Go's `strconv`): the up-to-19 significant
/// digits, normalized, times a 128-bit approximation of the power of ten
/// (`powersOfTen128`, generated exactly by `Scripts/powers-of-ten.py`); when the product
/// cannot settle the rounding (an exact halfway case or too little precision), or the result
/// is subnormal, infinite or has more than 19 digits, it gives up and the caller uses
/// `strtod`. Small exact cases take Clinger's fast path (one correctly rounded operation).
/// `FastDoubleTests` checks it against `strtod` bit for bit.
enum FastDouble {
    static let minimumExponent = -348
    static let maximumExponent = 347

    /// 10^0...10^22, each exact as a double.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads a JSON number at `p[start]`, checking its grammar as `JSONScanner` does: the
    /// correctly rounded double and the offset after the number. Nil when the text is not a
    /// well-formed number (the caller's slow path then reports the error) or when only a slow
    /// exact method can round it.
    @inline(__always)
    static func read(_ p: UnsafePointer<UInt8>, from start: Int, end: Int) -> (value: Double, next: Int)? {
        @inline(__always) func digit(_ i: Int) -> UInt8? {
            guard i < end else { return nil }
            let d = p[i] &- 0x30
            return d < 10 ? d : nil
        }
        var i = start
        let negative = i < end && p[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard let firstDigit = digit(i) else { return nil }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        if firstDigit == 0 {
            i += 1
            if digit(i) != nil { return nil }  // a leading zero
        } else {
            while let d = digit(i) {
                guard accumulate(d, into: &mantissa, significant: &significant) else { return nil }
                i += 1
            }
        }
        if i < end, p[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) != nil else { return nil }
            // Eight digits at a time while they fit (leading zeros counted: a few more
            // numbers go to strtod, none is misread).
            while significant <= 11, end - i >= 8 {
                let chunk = UInt64(littleEndian: UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self))
                guard let value = eightDigits(chunk) else { break }
                mantissa = mantissa &* 100_000_000 &+ value
                significant += 8
                exponent -= 8
                i += 8
            }
            while let d = digit(i) {
                guard accumulate(d, into: &mantissa, significant: &significant) else { return nil }
                exponent -= 1
                i += 1
            }
        }
        if i < end, p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < end, p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            guard digit(i) != nil else { return nil }
            var written = 0
            while let d = digit(i) {
                // Beyond any double's range either way; saturate rather than overflow.
                if written < 100_000 { written = written * 10 + Int(d) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        let value: Double
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Both operands exact, so the one rounding of the product or quotient is correct.
            let exact = Double(mantissa)
            value = exponent < 0 ? exact / exactPowers[-exponent] : exact * exactPowers[exponent]
        } else {
            guard let v = eiselLemire(mantissa, exponent: exponent) else { return nil }
            value = v
        }
        return (negative ? -value : value, i)
    }

    /// The value of eight ASCII digits loaded little-endian (the first digit in the low byte);
    /// nil when any byte is not a digit.
    @inline(__always)
    static func eightDigits(_ chunk: UInt64) -> UInt64? {
        // Every byte 0x30...0x39: its high nibble is 3, also after adding 6.
        guard chunk & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030,
            (chunk &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0 == 0x3030_3030_3030_3030
        else { return nil }
        var v = chunk &- 0x3030_3030_3030_3030
        v = (v &* 10) &+ (v >> 8)  // pairs of digits
        let pairs1 = (v & 0x0000_00FF_0000_00FF) &* (100 + (1_000_000 << 32))
        let pairs2 = ((v >> 16) & 0x0000_00FF_0000_00FF) &* (1 + (10_000 << 32))
        return ((pairs1 &+ pairs2) >> 32) & 0xFFFF_FFFF
    }

    /// Adds a digit; false past 19 significant digits (more than a UInt64 surely holds).
    @inline(__always)
    private static func accumulate(_ digit: UInt8, into mantissa: inout UInt64, significant: inout Int) -> Bool {
        if mantissa == 0 && digit == 0 { return true }
        guard significant < 19 else { return false }
        mantissa = mantissa &* 10 &+ UInt64(digit)
        significant += 1
        return true
    }

    /// mantissa · 10^exponent for a nonzero mantissa, correctly rounded, when the 128-bit
    /// product decides it and the result is a normal finite double; nil otherwise.
    @inline(__always)
    static func eiselLemire(_ mantissa: UInt64, exponent: Int) -> Double? {
        guard exponent >= minimumExponent, exponent <= maximumExponent else { return nil }
        let leadingZeros = mantissa.leadingZeroBitCount
        let normalized = mantissa << leadingZeros
        // 217706 / 2^16 ≈ log2(10); the shift floors, also for negative exponents.
        var exponent2 = UInt64(bitPattern: Int64(((217_706 * exponent) >> 16) + 64 + 1023 - leadingZeros))
        let index = 2 * (exponent - minimumExponent)
        var (high, low) = normalized.multipliedFullWidth(by: powersOfTen128[index + 1])
        // The low bits of the top 64 may be wrong by the truncated tail: widen with the low word.
        if high & 0x1FF == 0x1FF && low &+ normalized < normalized {
            let (yHigh, yLow) = normalized.multipliedFullWidth(by: powersOfTen128[index])
            var mergedHigh = high
            let mergedLow = low &+ yHigh
            if mergedLow < low { mergedHigh &+= 1 }
            if mergedHigh & 0x1FF == 0x1FF && mergedLow &+ 1 == 0 && yLow &+ normalized < normalized {
                return nil
            }
            high = mergedHigh
            low = mergedLow
        }
        let top = high >> 63
        var result = high >> (top + 9)
        exponent2 &-= 1 ^ top
        // Exactly halfway between two doubles: only an exact method can round to even.
        if low == 0 && high & 0x1FF == 0 && result & 3 == 1 { return nil }
        result &+= result & 1
        result >>= 1
        if result >> 53 > 0 {
            result >>= 1
            exponent2 &+= 1
        }
        // Zero or less: subnormal; 0x7FF or more: infinite. Both left to strtod.
        guard exponent2 &- 1 < 0x7FF - 1 else { return nil }
        return Double(bitPattern: exponent2 << 52 | result & 0x000F_FFFF_FFFF_FFFF)
    }
}
