import Flashcards
import Foundation

/// One review of a parsed log, with its card already resolved to an index.
public struct ReplayedReview: Hashable, Sendable {
    /// The card's index into the progress array being rebuilt.
    public var card: Int32
    public var rating: Rating
    public var time: Date

    public init(card: Int32, rating: Rating, time: Date) {
        self.card = card
        self.rating = rating
        self.time = time
    }
}

extension Scheduler {
    /// Cards per partition of a large replay: 256 cards' progress (about 30 KB) stays in the
    /// core's L1 cache while their reviews are replayed (measured faster than 512 to 2048).
    static let replayPartitionShift = 8

    /// Rebuilds card progress from a review log: each review goes through
    /// `CardProgress.record`, the same path as a live answer, so the result is exactly what
    /// the learner's sessions produced. Each card's reviews are replayed in log order.
    ///
    /// Nothing is allocated per review; it is the hot path of loading a large collection.
    /// - Parameters:
    ///   - reviews: the log's reviews in the order they were made.
    ///   - progress: one entry per card index, updated in place (start from `.new`, or from a
    ///     snapshot taken before the first of `reviews`).
    ///   - cardKeys: `ReviewFuzz.cardKey` of each card, so fuzzed due dates are reproduced;
    ///     ignored (and may be empty) when fuzz is off.
    public func replay(
        _ reviews: [ReplayedReview], into progress: inout [CardProgress], cardKeys: [UInt64], leech: LeechPolicy
    ) {
        precondition(!configuration.enableFuzzing || cardKeys.count == progress.count, "one fuzz key per card")
        let shift = Self.replayPartitionShift
        let cardCount = progress.count
        guard cardCount > 1 << shift, reviews.count > 1 << 14 else {
            for review in reviews { Self.check(review, cardCount: cardCount) }
            reviews.withUnsafeBufferPointer { log in
                cardKeys.withUnsafeBufferPointer { keys in
                    progress.withUnsafeMutableBufferPointer { cards in
                        replayInOrder(log, into: cards, cardKeys: keys, leech: leech)
                    }
                }
            }
            return
        }
        // A log in time order touches a large collection's cards at random: a cache and TLB miss
        // per review. Cards are independent, so the log is first split, stably, into partitions
        // of neighbouring cards; each partition's cards then fit in cache while it is replayed,
        // and partitions are replayed on all cores at once.
        let partitions = (cardCount >> shift) + 1
        let (grouped, starts) = Self.partition(reviews, partitions: partitions, cardCount: cardCount)
        grouped.withUnsafeBufferPointer { log in
            cardKeys.withUnsafeBufferPointer { keys in
                progress.withUnsafeMutableBufferPointer { cards in
                    let shared = SharedBuffers(log: log, cards: cards, keys: keys)
                    let starts = starts
                    DispatchQueue.concurrentPerform(iterations: partitions) { p in
                        // Partitions hold disjoint cards, so the writes never overlap.
                        let part = UnsafeBufferPointer(rebasing: shared.log[starts[p]..<starts[p + 1]])
                        replayInOrder(part, into: shared.cards, cardKeys: shared.keys, leech: leech)
                    }
                }
            }
        }
    }

    /// Splits the log stably by partition (card index >> `replayPartitionShift`); returns the
    /// grouped log and where each partition starts in it (plus its end). Both passes, counting
    /// and moving, run on all cores over slices of the log, so the split is not a serial step
    /// of the replay: each slice moves its reviews to its own place within each partition.
    private static func partition(
        _ reviews: [ReplayedReview], partitions: Int, cardCount: Int
    ) -> (grouped: [ReplayedReview], starts: [Int]) {
        let shift = replayPartitionShift
        let slices = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 16))
        let sliceLength = (reviews.count + slices - 1) / slices
        // counts[slice * partitions + p]: reviews of partition p in the slice; then where the
        // slice's first review of partition p goes.
        var counts = [Int](repeating: 0, count: slices * partitions)
        return reviews.withUnsafeBufferPointer { log in
            counts.withUnsafeMutableBufferPointer { counts in
                let shared = PartitionBuffers(log: log, counts: counts)
                DispatchQueue.concurrentPerform(iterations: slices) { slice in
                    let local = UnsafeMutableBufferPointer<Int>.allocate(capacity: partitions)
                    defer { local.deallocate() }
                    local.initialize(repeating: 0)
                    let end = min(shared.log.count, (slice + 1) * sliceLength)
                    for review in shared.log[min(end, slice * sliceLength)..<end] {
                        check(review, cardCount: cardCount)
                        local[Int(review.card) >> shift] += 1
                    }
                    for p in 0..<partitions { shared.counts[slice * partitions + p] = local[p] }
                }
                var starts = [Int](repeating: 0, count: partitions + 1)
                var running = 0
                for p in 0..<partitions {
                    starts[p] = running
                    for slice in 0..<slices {
                        let count = counts[slice * partitions + p]
                        counts[slice * partitions + p] = running
                        running += count
                    }
                }
                starts[partitions] = running
                let grouped = [ReplayedReview](unsafeUninitializedCapacity: log.count) { buffer, initialized in
                    let target = MovedBuffers(log: log, offsets: shared.counts, grouped: buffer)
                    DispatchQueue.concurrentPerform(iterations: slices) { slice in
                        let next = UnsafeMutableBufferPointer(
                            rebasing: target.offsets[slice * partitions..<(slice + 1) * partitions])
                        let end = min(target.log.count, (slice + 1) * sliceLength)
                        for review in target.log[min(end, slice * sliceLength)..<end] {
                            let p = Int(review.card) >> shift
                            target.grouped.initializeElement(at: next[p], to: review)
                            next[p] += 1
                        }
                    }
                    initialized = log.count
                }
                return (grouped, starts)
            }
        }
    }

    @inline(__always)
    private static func check(_ review: ReplayedReview, cardCount: Int) {
        precondition(
            review.card >= 0 && Int(review.card) < cardCount, "review of card \(review.card) outside the collection")
    }

    /// Replays reviews one after the other; card indices are already checked.
    private func replayInOrder(
        _ log: UnsafeBufferPointer<ReplayedReview>, into cards: UnsafeMutableBufferPointer<CardProgress>,
        cardKeys keys: UnsafeBufferPointer<UInt64>, leech: LeechPolicy
    ) {
        if configuration.enableFuzzing {
            for review in log {
                let card = Int(review.card)
                var rng = ReviewFuzz.generator(cardKey: keys[card], at: review.time)
                cards[card].record(review.rating, at: review.time, scheduler: self, leech: leech, using: &rng)
            }
        } else {
            var none = NoRandomness()
            for review in log {
                cards[Int(review.card)].record(
                    review.rating, at: review.time, scheduler: self, leech: leech, using: &none)
            }
        }
    }
}

/// The replay's buffers, shared by the worker threads of one `replay` call, which outlives
/// them; each thread writes only its own partition's cards.
private struct SharedBuffers: @unchecked Sendable {
    let log: UnsafeBufferPointer<ReplayedReview>
    let cards: UnsafeMutableBufferPointer<CardProgress>
    let keys: UnsafeBufferPointer<UInt64>
}

/// The log and the per-slice counts, shared by the counting threads of `partition`.
private struct PartitionBuffers: @unchecked Sendable {
    let log: UnsafeBufferPointer<ReplayedReview>
    let counts: UnsafeMutableBufferPointer<Int>
}

/// The log, each slice's first destination per partition, and the grouped log being filled;
/// each thread writes only the places its own slice's counts reserved.
private struct MovedBuffers: @unchecked Sendable {
    let log: UnsafeBufferPointer<ReplayedReview>
    let offsets: UnsafeMutableBufferPointer<Int>
    let grouped: UnsafeMutableBufferPointer<ReplayedReview>
}
