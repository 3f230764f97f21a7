/// Rounding to whole numbers without a libm call: on baseline x86-64 `Double.rounded` is a call
/// to `round` or `rint`, a noticeable share of a replayed review. Both functions give exactly
/// the result of `rounded`; `ExactRoundingTests` checks them against it.
enum ExactRounding {
    /// `Int64(x.rounded())`: half away from zero. Traps where that traps (NaN, out of range).
    @inline(__always)
    static func halfAwayFromZero(_ x: Double) -> Int64 {
        guard x.magnitude < 0x1p52 else { return Int64(x) }
        let whole = Int64(x)  // truncates toward zero
        let fraction = x - Double(whole)  // exact: both have the same exponent or less
        if fraction >= 0.5 { return whole + 1 }
        if fraction <= -0.5 { return whole - 1 }
        return whole
    }

    /// `Int(x.rounded(.toNearestOrEven))`, as Python's `round`. Traps where that traps.
    @inline(__always)
    static func halfToEven(_ x: Double) -> Int {
        guard x.magnitude < 0x1p52 else { return Int(x) }
        // Adding and removing 2^52 leaves no fraction bits: the addition rounds to nearest even.
        let magnitude = (x.magnitude + 0x1p52) - 0x1p52
        let whole = Int(magnitude)
        return x < 0 ? -whole : whole
    }
}
