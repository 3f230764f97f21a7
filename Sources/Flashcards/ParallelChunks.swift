import Foundation

/// Splits work over a range of items into one contiguous chunk per core and runs the chunks at
/// once, for the large whole-deck passes (encoding, rendering, cleaning 100,000 cards).
///
/// The results come back in order, so joining them gives what one pass over the whole range
/// gives: callers stay byte-identical whether the machine has one core or many.
public enum ParallelChunks {
    /// `element(i)` for every `i` in `0..<count`, computed in chunks at once and stored in
    /// place (no joining of per-chunk arrays, which copies every element once more).
    public static func array<T: Sendable>(_ count: Int, minimum: Int, _ element: @Sendable (Int) -> T) -> [T] {
        let ranges = chunks(count, minimum: minimum)
        if ranges.count == 1 { return (0..<count).map(element) }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each chunk initializes only its own elements.
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in
                guard let base = buffer.baseAddress else { return }
                for i in ranges[k] { (base + i).initialize(to: element(i)) }
            }
            initialized = count
        }
    }

    /// `body` over consecutive chunks of `0..<count`, in order.
    /// - Parameter minimum: the fewest items worth a chunk of their own; below twice this, one
    ///   chunk runs on the calling thread.
    public static func map<T: Sendable>(
        _ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let ranges = chunks(count, minimum: minimum)
        if ranges.count == 1 { return [body(0..<count)] }
        var results = [T?](repeating: nil, count: ranges.count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each chunk writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: ranges.count) { k in slots[k] = body(ranges[k]) }
        }
        return results.compactMap { $0 }
    }

    /// One range per core (at least `minimum` items each), covering `0..<count` in order.
    private static func chunks(_ count: Int, minimum: Int) -> [Range<Int>] {
        let n = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimum)))
        return (0..<n).map { k in (count * k / n)..<(count * (k + 1) / n) }
    }
}
