import Foundation

/// Splits work over a range of items into one contiguous chunk per core and runs the chunks at
/// once, for the large whole-deck passes (encoding, rendering, cleaning 100,000 cards).
///
/// The results come back in order, so joining them gives what one pass over the whole range
/// gives: callers stay byte-identical whether the machine has one core or many.
public enum ParallelChunks {
    /// `body` over consecutive chunks of `0..<count`, in order.
    /// - Parameter minimum: the fewest items worth a chunk of their own; below twice this, one
    ///   chunk runs on the calling thread.
    public static func map<T: Sendable>(
        _ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> T
    ) -> [T] {
        let chunks = max(1, min(ProcessInfo.processInfo.activeProcessorCount, count / max(1, minimum)))
        if chunks == 1 { return [body(0..<count)] }
        let ranges = (0..<chunks).map { k in (count * k / chunks)..<(count * (k + 1) / chunks) }
        var results = [T?](repeating: nil, count: chunks)
        results.withUnsafeMutableBufferPointer { slots in
            // Each chunk writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: chunks) { k in slots[k] = body(ranges[k]) }
        }
        return results.compactMap { $0 }
    }
}
