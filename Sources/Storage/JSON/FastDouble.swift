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
/// The differential tests check it against `strtod` bit for bit.
enum FastDouble {
    static let minimumExponent = -348
    static let maximumExponent = 347

    /// 10^0...10^22, each exact as a double.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    ]

    /// The double nearest to the JSON number in `p[0..<count]` (its grammar already checked),
    /// correctly rounded; nil when only a slow exact method can tell.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Double? {
        var i = 0
        let negative = p[0] == UInt8(ascii: "-")
        if negative { i = 1 }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        while i < count, p[i] &- 0x30 < 10 {
            guard accumulate(p[i] &- 0x30, into: &mantissa, significant: &significant) else { return nil }
            i += 1
        }
        if i < count, p[i] == UInt8(ascii: ".") {
            i += 1
            while i < count, p[i] &- 0x30 < 10 {
                guard accumulate(p[i] &- 0x30, into: &mantissa, significant: &significant) else { return nil }
                exponent -= 1
                i += 1
            }
        }
        if i < count {  // 'e' or 'E'
            i += 1
            var exponentNegative = false
            if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
                exponentNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            while i < count {
                // Beyond any double's range either way; saturate rather than overflow.
                if written < 100_000 { written = written * 10 + Int(p[i] &- 0x30) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        let value: Double
        if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            // Both operands exact, so the one rounding of the product or quotient is correct.
            let exact = Double(mantissa)
            value = exponent < 0 ? exact / exactPowers[-exponent] : exact * exactPowers[exponent]
        } else {
            guard let v = eiselLemire(mantissa, exponent: exponent) else { return nil }
            value = v
        }
        return negative ? -value : value
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
