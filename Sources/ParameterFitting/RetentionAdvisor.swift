import Flashcards
import Foundation

/// Suggests the desired retention that costs the least review time per card remembered, by
/// simulating a learner with the given parameters at each candidate retention.
///
/// The simulated learner meets new cards evenly over the horizon, reviews each when it is due
/// at the candidate retention, remembers it with the probability the parameters predict, and
/// after a lapse relearns it the same day (one more review). Each answer costs the seconds the
/// FSRS simulator assumes by default (`default_simulator_config`: a lapse with its relearning
/// about 32 s, a Good review about 12 s), so a lapse weighs what it does for a real learner,
/// not the same as a success. At the end of the horizon the
/// cards' predicted recall is summed: that is the number remembered. Each card draws from its own
/// seeded stream, the same for every candidate, so the comparison between candidates is not blurred by noise.
public struct RetentionAdvisor: Sendable {
    public var parameters: [Double]
    /// Probabilities of Again, Hard, Good, Easy on a card's first review.
    public var firstRatings: [Double]
    /// Probabilities of Hard, Good, Easy when a card is remembered.
    public var recallRatings: [Double]
    public var horizonDays = 365
    public var cards = 4_000
    public var seed: UInt64 = 42
    /// Seconds per answer in review, for Again, Hard, Good, Easy; a first sight; a relearning step.
    public var reviewSeconds = [19.38, 17.59, 12.38, 8.94]
    public var firstSeconds = [19.58, 18.79, 13.78, 10.71]
    public var relearningSeconds = 12.32
    /// The retentions tried: 0.70 to 0.95 in steps of 0.01, the range FSRS recommends.
    public var candidates: [Double] = (70...95).map { Double($0) / 100 }

    public init(parameters: [Double], firstRatings: [Double], recallRatings: [Double]) {
        self.parameters = parameters
        self.firstRatings = firstRatings
        self.recallRatings = recallRatings
    }

    /// The rating mix a history shows (falling back to typical proportions where it shows none).
    public init(parameters: [Double], history: [CardHistory]) {
        var first = [0.0, 0, 0, 0]
        var recalled = [0.0, 0, 0]
        for card in history {
            let reviews = card.reviews.sorted { $0.time < $1.time }
            guard let head = reviews.first else { continue }
            first[head.rating.rawValue - 1] += 1
            for review in reviews.dropFirst() where review.rating != .again {
                recalled[review.rating.rawValue - 2] += 1
            }
        }
        self.init(
            parameters: parameters,
            firstRatings: first.reduce(0, +) > 0 ? first : [0.2, 0.15, 0.5, 0.15],
            recallRatings: recalled.reduce(0, +) > 0 ? recalled : [0.15, 0.75, 0.1])
    }

    /// One candidate's simulated outcome.
    public struct Outcome: Sendable, Hashable, Codable {
        public var retention: Double
        public var reviews: Int
        /// Simulated study time, in seconds.
        public var seconds: Double
        public var remembered: Double
        /// The workload the suggestion minimizes: seconds of study per card remembered.
        public var secondsPerRememberedCard: Double { remembered > 0 ? seconds / remembered : .infinity }
    }

    /// Every candidate's outcome, and the best.
    public func suggest() -> (best: Outcome, all: [Outcome]) {
        let outcomes = candidates.map(simulate)
        let best = outcomes.min { $0.secondsPerRememberedCard < $1.secondsPerRememberedCard } ?? outcomes[0]
        return (best, outcomes)
    }

    func simulate(retention: Double) -> Outcome {
        let model = MemoryModel(parameters: parameters)
        var reviews = 0
        var seconds = 0.0
        var remembered = 0.0
        let horizon = Double(horizonDays)
        let multiplier = (Foundation.pow(retention, 1 / model.decay) - 1) / model.factor
        for card in 0..<cards {
            var random = SeededGenerator(seed: seed &+ UInt64(card) &* 0x9E37_79B9)
            var day = Double(card) * horizon / Double(cards)
            var rating = HistorySimulator.draw(firstRatings, &random) + 1
            var (s, d) = model.initialState(rating: rating)
            reviews += 1
            seconds += firstSeconds[rating - 1]
            while true {
                let interval = min(max(1, (s * multiplier).rounded()), 36_500)
                if day + interval > horizon {
                    remembered += model.retrievability(elapsedDays: horizon - day, stability: s)
                    break
                }
                day += interval
                reviews += 1
                if random.nextUnit() < model.retrievability(elapsedDays: interval, stability: s) {
                    rating = HistorySimulator.draw(recallRatings, &random) + 2
                    seconds += reviewSeconds[rating - 1]
                    (s, d) = model.nextState(stability: s, difficulty: d, elapsedDays: interval, rating: rating)
                } else {
                    (s, d) = model.nextState(stability: s, difficulty: d, elapsedDays: interval, rating: 1)
                    // Relearning the same day.
                    reviews += 1
                    seconds += reviewSeconds[0] + relearningSeconds
                    (s, d) = model.nextState(stability: s, difficulty: d, elapsedDays: 0, rating: 3)
                }
            }
        }
        return Outcome(retention: retention, reviews: reviews, seconds: seconds, remembered: remembered)
    }
}
