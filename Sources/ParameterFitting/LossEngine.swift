import Dispatch
import Foundation

/// Evaluates the log loss and its gradient over sets of cards, splitting the work across
/// cores, with all memory allocated once up front: nothing is allocated per review or per batch.
final class LossEngine: @unchecked Sendable {
    // @unchecked: the review arrays never change after init, and each worker writes only its
    // own slice of the scratch buffers.
    let data: ReviewDataset
    let workers: Int
    private let ratings: UnsafeMutablePointer<UInt8>
    private let elapsed: UnsafeMutablePointer<Double>
    private let weights: UnsafeMutablePointer<Double>
    private let starts: UnsafeMutablePointer<Int>
    private let partials: UnsafeMutablePointer<Double>
    private let kinds: UnsafeMutablePointer<UInt8>
    private let gradients: UnsafeMutablePointer<Double>
    private let losses: UnsafeMutablePointer<Double>
    private let partialsPerWorker: Int
    private let longest: Int

    /// Below this many reviews a batch is summed on one core: handing it out costs more than it saves.
    static let parallelThreshold = 2_000

    init(data: ReviewDataset, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.data = data
        self.workers = max(1, workers)
        longest = max(data.longestCard, 1)
        partialsPerWorker = longest * MemoryModel.Partials.stride
        let reviews = max(data.reviewCount, 1)
        ratings = .allocate(capacity: reviews)
        elapsed = .allocate(capacity: reviews)
        weights = .allocate(capacity: reviews)
        starts = .allocate(capacity: data.cardStarts.count)
        ratings.initialize(from: data.ratings, count: data.reviewCount)
        elapsed.initialize(from: data.elapsed, count: data.reviewCount)
        weights.initialize(from: data.weights, count: data.reviewCount)
        starts.initialize(from: data.cardStarts, count: data.cardStarts.count)
        partials = .allocate(capacity: partialsPerWorker * self.workers)
        kinds = .allocate(capacity: longest * self.workers)
        gradients = .allocate(capacity: ParameterSpace.count * self.workers)
        losses = .allocate(capacity: self.workers)
    }

    deinit {
        for buffer in [elapsed, weights, partials, gradients, losses] { buffer.deallocate() }
        ratings.deallocate()
        starts.deallocate()
        kinds.deallocate()
    }

    /// The summed weighted loss of `cards` (all cards when nil), and its gradient into
    /// `gradient` (21 numbers, overwritten) when one is given.
    func evaluate(_ model: MemoryModel, cards: ArraySlice<Int>?, gradient: UnsafeMutablePointer<Double>?) -> Double {
        let count = cards?.count ?? data.cardCount
        guard count > 0 else {
            gradient?.initialize(repeating: 0, count: ParameterSpace.count)
            return 0
        }
        let averageLength = data.reviewCount / max(data.cardCount, 1)
        let chunks = count * averageLength >= Self.parallelThreshold ? min(workers, count) : 1
        let wantsGradient = gradient != nil
        let work: @Sendable (Int) -> Void = { chunk in
            let lower = count * chunk / chunks
            let upper = count * (chunk + 1) / chunks
            let g = self.gradients + chunk * ParameterSpace.count
            g.initialize(repeating: 0, count: ParameterSpace.count)
            var loss = 0.0
            for position in lower..<upper {
                let card = cards.map { $0[$0.startIndex + position] } ?? position
                let start = self.starts[card]
                let length = self.starts[card + 1] - start
                if wantsGradient {
                    loss += model.accumulateGradient(
                        ratings: self.ratings + start, elapsed: self.elapsed + start, weights: self.weights + start,
                        count: length, partials: self.partials + chunk * self.partialsPerWorker,
                        kinds: self.kinds + chunk * self.longest, gradient: g)
                } else {
                    loss += model.loss(
                        ratings: self.ratings + start, elapsed: self.elapsed + start, weights: self.weights + start,
                        count: length)
                }
            }
            self.losses[chunk] = loss
        }
        if chunks == 1 {
            work(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
        }
        var total = 0.0
        for chunk in 0..<chunks { total += losses[chunk] }
        if let gradient {
            gradient.initialize(repeating: 0, count: ParameterSpace.count)
            for chunk in 0..<chunks {
                for i in 0..<ParameterSpace.count { gradient[i] += gradients[chunk * ParameterSpace.count + i] }
            }
        }
        return total
    }
}
