import Flashcards
import Foundation
import Testing

@testable import ParameterFitting

@Suite struct GradientTests {
    /// Sequences that reach every branch: first reviews of each rating, short-term reviews
    /// (floored and not), lapses on both sides of the short-term bound, Hard and Easy bonuses.
    static let sequences: [[(rating: UInt8, days: Double)]] = [
        [(3, 0), (3, 2), (3, 9), (1, 30), (1, 0), (3, 0), (3, 3), (2, 7), (4, 15)],
        [(1, 0), (1, 0), (3, 0), (2, 1), (1, 2), (3, 1), (4, 4)],
        [(4, 0), (3, 12), (2, 40), (1, 90), (3, 0), (3, 2)],
        [(2, 0), (3, 1), (4, 0), (1, 5), (4, 3), (3, 8)],
    ]

    func dataset(weights: Bool) -> ReviewDataset {
        var data = ReviewDataset()
        for sequence in Self.sequences {
            for (position, review) in sequence.enumerated() {
                data.ratings.append(review.rating)
                data.elapsed.append(review.days)
                let label = position > 0 && review.days >= 1
                data.weights.append(label ? (weights ? 0.25 + 0.1 * Double(position) : 1) : 0)
                if label { data.labelCount += 1 }
            }
            data.cardStarts.append(data.ratings.count)
        }
        data.labelWeightSum = data.weights.reduce(0, +)
        return data
    }

    func lossAndGradient(_ w: [Double], _ data: ReviewDataset) -> (Double, [Double]) {
        let engine = LossEngine(data: data, workers: 1)
        var gradient = [Double](repeating: 0, count: 21)
        let loss = gradient.withUnsafeMutableBufferPointer {
            engine.evaluate(MemoryModel(parameters: w), cards: nil, gradient: $0.baseAddress)
        }
        return (loss, gradient)
    }

    @Test(arguments: [false, true])
    func gradientMatchesFiniteDifferences(weighted: Bool) {
        let data = dataset(weights: weighted)
        for w in [ParameterSpace.defaults, Self.perturbed] {
            let (loss, gradient) = lossAndGradient(w, data)
            let engine = LossEngine(data: data, workers: 1)
            #expect(abs(loss - engine.evaluate(MemoryModel(parameters: w), cards: nil, gradient: nil)) < 1e-12)
            for i in 0..<21 {
                let h = 1e-6 * max(1, abs(w[i]))
                var up = w
                var down = w
                up[i] += h
                down[i] -= h
                let numeric =
                    (engine.evaluate(MemoryModel(parameters: up), cards: nil, gradient: nil)
                        - engine.evaluate(MemoryModel(parameters: down), cards: nil, gradient: nil)) / (2 * h)
                #expect(
                    abs(numeric - gradient[i]) <= 1e-5 * max(1, abs(numeric)),
                    "w\(i): analytic \(gradient[i]), numeric \(numeric)")
            }
        }
    }

    /// Away from the defaults, so that w7 (at its lower bound by default) and the short-term
    /// parameters matter more.
    static let perturbed: [Double] = [
        0.4, 1.1, 3.0, 9.0, 5.9, 1.1, 2.2, 0.05, 1.6, 0.25, 1.1,
        1.9, 0.1, 0.35, 1.2, 0.5, 2.2, 0.7, 0.3, 0.15, 0.3,
    ]
}
