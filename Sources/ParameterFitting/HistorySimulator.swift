import Flashcards
import Foundation

/// Simulated learners: review histories drawn from known FSRS-6 parameters.
///
/// Each card is first rated from a fixed mix, then reviewed when its predicted recall falls
/// to the desired retention (give or take a random spread, as a learner who is early or late
/// would be), remembered with the probability the true parameters predict, and sometimes
/// reviewed again the same day after a lapse. Tests use it to check that fitting recovers what
/// generated the data; the retention suggestion uses the same memory model to count workload.
public struct HistorySimulator: Sendable {
    public var parameters: [Double]
    public var desiredRetention: Double
    /// Probabilities of Again, Hard, Good, Easy on a card's first review.
    public var firstRatings: [Double] = [0.2, 0.15, 0.5, 0.15]
    /// Probabilities of Hard, Good, Easy when a card is remembered.
    public var recallRatings: [Double] = [0.15, 0.75, 0.1]
    /// Chance of a same-day re-review after a lapse.
    public var sameDayAfterLapse = 0.5
    /// How far from the due day reviews happen, as a multiple of the interval.
    public var intervalSpread: ClosedRange<Double> = 0.6...1.4

    public init(parameters: [Double], desiredRetention: Double = 0.9) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
    }

    /// `cards` histories of `reviews` reviews each, the first on `start`.
    public func histories(
        cards: Int, reviews: Int, seed: UInt64, start: Date = Date(timeIntervalSince1970: 1_700_000_000)
    ) -> [CardHistory] {
        var random = SeededGenerator(seed: seed)
        let model = MemoryModel(parameters: parameters)
        let spacing = 86_400.0 * 2 / Double(max(cards, 1))
        return (0..<cards).map { index in
            var time = start.addingTimeInterval(Double(index) * spacing)
            var rating = Self.draw(firstRatings, &random) + 1
            var list = [HistoricalReview(rating: Rating(rawValue: rating) ?? .good, time: time)]
            var (s, d) = model.initialState(rating: rating)
            while list.count < reviews {
                var days: Double
                if rating == 1 && random.nextUnit() < sameDayAfterLapse {
                    days = 0
                    time.addTimeInterval(600 + 3_000 * random.nextUnit())
                } else {
                    let interval =
                        interval(for: s, model: model)
                        * (intervalSpread.lowerBound
                            + (intervalSpread.upperBound - intervalSpread.lowerBound) * random.nextUnit())
                    days = max(1, interval.rounded())
                    time.addTimeInterval(days * 86_400 + 3_600 * random.nextUnit())
                }
                let recall = days == 0 ? 1.0 : model.retrievability(elapsedDays: days, stability: s)
                if days > 0 && random.nextUnit() >= recall {
                    rating = 1
                } else if days == 0 {
                    rating = random.nextUnit() < 0.2 ? 1 : 3
                } else {
                    rating = Self.draw(recallRatings, &random) + 2
                }
                list.append(HistoricalReview(rating: Rating(rawValue: rating) ?? .good, time: time))
                (s, d) = model.nextState(stability: s, difficulty: d, elapsedDays: days, rating: rating)
            }
            return CardHistory(card: CardID("sim-\(seed)-\(index)"), reviews: list)
        }
    }

    /// Days until recall falls to the desired retention.
    func interval(for stability: Double, model: MemoryModel) -> Double {
        stability / model.factor * (Foundation.pow(desiredRetention, 1 / model.decay) - 1)
    }

    static func draw(_ weights: [Double], _ random: inout SeededGenerator) -> Int {
        var x = random.nextUnit() * weights.reduce(0, +)
        for (index, weight) in weights.enumerated() {
            x -= weight
            if x < 0 { return index }
        }
        return weights.count - 1
    }
}
