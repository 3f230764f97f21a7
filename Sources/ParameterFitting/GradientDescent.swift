import Flashcards
import Foundation

/// Minimizes the weighted log loss over a training set the way the Rust fsrs crate's
/// `compute_parameters` does: start from the pretrained initial stabilities and the default
/// parameters, Adam (ε = 1e-8) with a cosine-annealed learning rate, mini-batches of about
/// 512 labelled reviews, an L2 pull toward the starting point scaled by each parameter's
/// spread across learners, every step clipped into FSRS's bounds, and the best epoch kept.
///
/// One difference, on purpose: a batch is a random set of whole cards rather than a run of
/// equal-length review prefixes, so the gradient comes from one sweep over each card instead
/// of one per prefix, and every batch is an unbiased sample of the data.
struct GradientDescent {
    var options: FittingOptions

    static let beta1 = 0.9
    static let beta2 = 0.999
    static let epsilon = 1e-8

    /// - Parameters:
    ///   - data: the training cards, recency weighted.
    ///   - initial: the starting parameters (pretrained w0–w3, defaults elsewhere).
    ///   - progress: called after each batch with the fraction done.
    func train(data: ReviewDataset, initial: [Double], progress: (Double) -> Void) -> [Double] {
        let engine = LossEngine(data: data, workers: options.workers)
        let total = Double(max(data.labelCount, 1))
        let batches = Double(data.labelCount / options.batchSize + 1)
        let iterations = batches * Double(options.epochs)
        var w = initial
        var best = initial
        var bestLoss = Double.infinity
        var first = [Double](repeating: 0, count: ParameterSpace.count)
        var second = [Double](repeating: 0, count: ParameterSpace.count)
        var gradient = [Double](repeating: 0, count: ParameterSpace.count)
        var order = Array(0..<data.cardCount)
        let labelsPerCard = (0..<data.cardCount).map { data.labels(ofCard: $0) }
        var random = SeededGenerator(seed: options.seed)
        var step = 0.0
        var done = 0.0
        for _ in 0..<options.epochs {
            shuffle(&order, with: &random)
            var batchStart = 0
            while batchStart < order.count {
                var batchEnd = batchStart
                var labels = 0
                while batchEnd < order.count && labels < options.batchSize {
                    labels += labelsPerCard[order[batchEnd]]
                    batchEnd += 1
                }
                let model = MemoryModel(parameters: w)
                gradient.withUnsafeMutableBufferPointer { g in
                    _ = engine.evaluate(model, cards: order[batchStart..<batchEnd], gradient: g.baseAddress)
                }
                let pull = 2 * options.l2Strength * Double(labels) / total
                step += 1
                let rate = options.learningRate * (1 + Foundation.cos(Double.pi * step / iterations)) / 2
                let correction1 = 1 - Foundation.pow(Self.beta1, step)
                let correction2 = 1 - Foundation.pow(Self.beta2, step)
                for i in 0..<ParameterSpace.count {
                    let sd = ParameterSpace.standardDeviations[i]
                    let g = gradient[i] + pull * (w[i] - initial[i]) / (sd * sd)
                    first[i] = Self.beta1 * first[i] + (1 - Self.beta1) * g
                    second[i] = Self.beta2 * second[i] + (1 - Self.beta2) * g * g
                    let update = (first[i] / correction1) / ((second[i] / correction2).squareRoot() + Self.epsilon)
                    w[i] -= rate * update
                }
                ParameterSpace.clip(&w)
                done += Double(labels)
                progress(min(done / (total * Double(options.epochs)), 1))
                batchStart = batchEnd
            }
            let loss = engine.evaluate(MemoryModel(parameters: w), cards: nil, gradient: nil) / total
            var penalty = 0.0
            for i in 0..<ParameterSpace.count {
                let sd = ParameterSpace.standardDeviations[i]
                penalty += (w[i] - initial[i]) * (w[i] - initial[i]) / (sd * sd)
            }
            let objective = loss + options.l2Strength * penalty / total
            if objective < bestLoss {
                bestLoss = objective
                best = w
            }
        }
        return best
    }

    /// Fisher–Yates with our seeded generator, so a fit is reproducible everywhere.
    private func shuffle(_ values: inout [Int], with random: inout SeededGenerator) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = Int(random.next() % UInt64(i + 1))
            values.swapAt(i, j)
        }
    }
}
