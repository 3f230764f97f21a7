/// Fuzz: a small random spread on review intervals, so cards learned together drift apart.
extension Scheduler {
    /// py-fsrs's `FUZZ_RANGES`: (start, end, factor).
    static let fuzzRanges: [(start: Double, end: Double, factor: Double)] = [
        (2.5, 7, 0.15), (7, 20, 0.10), (20, .infinity, 0.05),
    ]

    /// The lowest and highest interval py-fsrs's `_get_fuzz_range` allows for `days`.
    public func fuzzRange(days: Int) -> ClosedRange<Int> {
        var delta = 1.0
        for range in Self.fuzzRanges {
            delta += range.factor * max(min(Double(days), range.end) - range.start, 0.0)
        }
        var low = Int((Double(days) - delta).rounded(.toNearestOrEven))
        var high = Int((Double(days) + delta).rounded(.toNearestOrEven))
        low = max(2, low)
        high = min(high, configuration.maximumInterval)
        low = min(low, high)
        return low...high
    }

    /// py-fsrs's `_get_fuzzed_interval` for a whole-day interval and a uniform draw in [0, 1).
    ///
    /// Intervals under 2.5 days are kept. Like py-fsrs, the draw is rounded rather than
    /// floored, so the result can be one more than the range's top, with half the weight.
    public func fuzzedDays(_ days: Int, unit: Double) -> Int {
        if Double(days) < 2.5 { return days }
        let range = fuzzRange(days: days)
        let spread = unit * Double(range.upperBound - range.lowerBound + 1) + Double(range.lowerBound)
        return min(Int(spread.rounded(.toNearestOrEven)), configuration.maximumInterval)
    }
}
