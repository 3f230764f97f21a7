import Foundation

/// Cards' review sequences in flat arrays, ready for the forward and backward passes.
///
/// Review `i` of card `c` sits at `cardStarts[c] + i`. Elapsed days are whole 24-hour periods
/// since the card's previous review, as py-fsrs counts them (0 means the short-term formula).
/// A review is a *label* (a prediction the loss scores) when it is not the card's first and
/// comes a day or more after the previous one, as in FSRS's own training data; its weight is
/// the FSRS recency weight, which grows from 0.25 for the oldest label to 1 for the newest.
struct ReviewDataset: Sendable {
    var ratings: [UInt8] = []
    var elapsed: [Double] = []
    var weights: [Double] = []
    var cardStarts: [Int] = [0]
    var labelCount = 0
    var labelWeightSum = 0.0

    var cardCount: Int { cardStarts.count - 1 }
    var reviewCount: Int { ratings.count }

    init() {}

    /// - Parameter recencyWeighted: weight labels by recency (FSRS's training) or all alike
    ///   (evaluation).
    init(histories: [CardHistory], recencyWeighted: Bool) {
        var labelTimes: [(time: Double, index: Int)] = []
        for history in histories {
            let reviews = history.reviews.sorted { $0.time < $1.time }
            guard !reviews.isEmpty else { continue }
            var previous = reviews[0].time
            for (position, review) in reviews.enumerated() {
                let days = position == 0 ? 0 : max(0, (review.time.timeIntervalSince(previous) / 86_400).rounded(.down))
                previous = review.time
                if position > 0 && days >= 1 {
                    labelTimes.append((review.time.timeIntervalSinceReferenceDate, ratings.count))
                }
                ratings.append(UInt8(review.rating.rawValue))
                elapsed.append(days)
                weights.append(0)
            }
            cardStarts.append(ratings.count)
        }
        labelCount = labelTimes.count
        if recencyWeighted {
            labelTimes.sort { $0.time < $1.time }
            let span = max(Double(labelTimes.count) - 1, 1)
            for (rank, label) in labelTimes.enumerated() {
                let x = Double(rank) / span
                weights[label.index] = 0.25 + 0.75 * x * x * x
            }
        } else {
            for label in labelTimes { weights[label.index] = 1 }
        }
        labelWeightSum = weights.reduce(0, +)
    }

    /// The dataset with the same reviews and every label weighted 1.
    func unweighted() -> ReviewDataset {
        var copy = self
        for i in copy.weights.indices where copy.weights[i] > 0 { copy.weights[i] = 1 }
        copy.labelWeightSum = Double(labelCount)
        return copy
    }

    /// The cards at `indices`, in that order.
    func cards(_ indices: [Int]) -> ReviewDataset {
        var subset = ReviewDataset()
        for card in indices {
            let range = cardStarts[card]..<cardStarts[card + 1]
            subset.ratings.append(contentsOf: ratings[range])
            subset.elapsed.append(contentsOf: elapsed[range])
            subset.weights.append(contentsOf: weights[range])
            subset.cardStarts.append(subset.ratings.count)
        }
        subset.labelCount = subset.weights.lazy.filter { $0 > 0 }.count
        subset.labelWeightSum = subset.weights.reduce(0, +)
        return subset
    }

    func labels(ofCard card: Int) -> Int {
        (cardStarts[card]..<cardStarts[card + 1]).lazy.filter { weights[$0] > 0 }.count
    }

    var longestCard: Int {
        (0..<cardCount).map { cardStarts[$0 + 1] - cardStarts[$0] }.max() ?? 0
    }
}
