/// Fuzz: a small random spread on review intervals, so cards learned together drift apart.
extension Scheduler {
    /// The lowest and highest interval py-fsrs's `_get_fuzz_range` allows for `days`.
    @inline(__always)
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        // py-fsrs's `FUZZ_RANGES` (start, end, factor): (2.5, 7, 0.15), (7, 20, 0.1), (20, ∞, 0.05),
        // summed in that order.
        let n = Double(days)
        var delta = 1.0
        delta += 0.15 * max(min(n, 7) - 2.5, 0.0)
        delta += 0.1 * max(min(n, 20) - 7, 0.0)
        delta += 0.05 * max(n - 20, 0.0)
        var low = ExactRounding.halfToEven(Double(days) - delta)
        var high = ExactRounding.halfToEven(Double(days) + delta)
        low = max(2, low)
        high = min(high, configuration.maximumInterval)
        low = min(low, high)
        return low...high
    }

    /// py-fsrs's `_get_fuzzed_interval` for a whole-day interval and a uniform draw in [0, 1).
    ///
    /// Intervals under 2.5 days are kept. Like py-fsrs, the draw is rounded rather than
    /// floored, so the result can be one more than the range's top, with half the weight.
    @inline(__always)
    public func fuzzedDays(_ days: Int, unit: Double) -> Int {
        if Double(days) < 2.5 { return days }
        let range = fuzzRange(days: days)
        let spread = unit * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(ExactRounding.halfToEven(spread), configuration.maximumInterval)
    }
}
