import Foundation

/// The first step of fitting, as the Rust fsrs crate does it (`pre_training.rs`): estimate the
/// initial stabilities w0–w3 from how often cards were recalled at their first review a day
/// or more after the first one, grouped by the first rating, then drop rare outlying groups.
struct InitialStability {
    /// w0–w3: the fitted (or filled-in) initial stability for Again, Hard, Good, Easy.
    var stabilities: [Double]
    /// How many first long-term reviews each first rating had (index rating − 1).
    var counts: [Int]
    /// Cards whose (first rating, first interval) group was too rare to trust, to leave out
    /// of training like the Rust crate's outlier filter does.
    var outlierCards: Set<Int>

    static let minimum = 0.1
    static let maximum = 100.0

    private struct Observation {
        var card: Int
        var firstRating: Int
        var days: Double
        var recalled: Bool
    }

    /// - Returns: nil when no card has a review a day or more after its first one.
    init?(data: ReviewDataset) {
        var observations: [Observation] = []
        var recalled = 0
        for card in 0..<data.cardCount {
            let start = data.cardStarts[card]
            for i in start..<data.cardStarts[card + 1] where data.weights[i] > 0 {
                if data.ratings[i] > 1 { recalled += 1 }
            }
            for i in (start + 1)..<max(start + 1, data.cardStarts[card + 1]) where data.elapsed[i] >= 1 {
                observations.append(
                    Observation(
                        card: card, firstRating: Int(data.ratings[start]), days: data.elapsed[i],
                        recalled: data.ratings[i] > 1))
                break
            }
        }
        guard !observations.isEmpty else { return nil }
        let averageRecall = Double(recalled) / Double(max(data.labelCount, 1))
        var outliers = Set<Int>()
        var fitted: [Int: Double] = [:]
        var counts = [0, 0, 0, 0]
        for rating in 1...4 {
            let groups = Dictionary(grouping: observations.filter { $0.firstRating == rating }, by: \.days)
            guard !groups.isEmpty else { continue }
            let kept = Self.keptGroups(groups, rating: rating, outliers: &outliers)
            guard !kept.isEmpty else { continue }
            counts[rating - 1] = kept.reduce(0) { $0 + $1.value.count }
            fitted[rating] = Self.search(
                groups: kept, averageRecall: averageRecall, defaultStability: ParameterSpace.defaults[rating - 1])
        }
        guard let filled = Self.smoothAndFill(fitted, counts: counts) else { return nil }
        stabilities = filled
        self.counts = counts
        outlierCards = outliers
    }

    /// The Rust crate's `filter_outlier`: drop the smallest interval groups (and any far-out
    /// or tiny one) until about 5% of the rating's cards (at least 20) are gone.
    private static func keptGroups(
        _ groups: [Double: [Observation]], rating: Int, outliers: inout Set<Int>
    ) -> [Double: [Observation]] {
        let ordered = groups.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key > $1.key
        }
        let total = ordered.reduce(0) { $0 + $1.value.count }
        var removed = 0
        var kept: [Double: [Observation]] = [:]
        for (days, group) in ordered.reversed() {
            if removed + group.count >= max(20, total / 20) {
                if group.count >= 6 && days <= (rating == 4 ? 365 : 100) {
                    kept[days] = group
                } else {
                    outliers.formUnion(group.map(\.card))
                }
            } else {
                removed += group.count
                outliers.formUnion(group.map(\.card))
            }
        }
        return kept
    }

    /// Ternary search for the stability whose forgetting curve best fits the groups' recall
    /// (log loss weighted by the square root of each group's size, plus a small pull toward
    /// the default).
    private static func search(groups: [Double: [Observation]], averageRecall: Double, defaultStability: Double)
        -> Double
    {
        // In order of the interval: summing in a dictionary's order would make the result
        // differ in the last bits from one run to the next.
        let points = groups.sorted { $0.key < $1.key }.map { days, group in
            (
                days: days, recall: Double(group.filter(\.recalled).count) / Double(group.count),
                count: Double(group.count)
            )
        }
        let n = points.reduce(0) { $0 + $1.count }
        let model = MemoryModel(parameters: ParameterSpace.defaults)
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for point in points {
                let recall = (point.recall * n + averageRecall) / (n + 1)
                let r = min(max(model.retrievability(elapsedDays: point.days, stability: s), 1e-9), 1 - 1e-9)
                total -= (recall * Foundation.log(r) + (1 - recall) * Foundation.log(1 - r)) * point.count.squareRoot()
            }
            return total + abs(s - defaultStability) / 16
        }
        var low = minimum
        var high = maximum
        var iterations = 0
        while high - low > 1e-7 && iterations < 1000 {
            iterations += 1
            let first = low + (high - low) / 3
            let second = high - (high - low) / 3
            if loss(first) < loss(second) { high = second } else { low = first }
        }
        return (low + high) / 2
    }

    /// The Rust crate's `smooth_and_fill`: make the stabilities grow with the rating (the
    /// rating seen more often wins a conflict), estimate missing ratings from the others,
    /// and keep each within [0.1, 100].
    static func smoothAndFill(_ fitted: [Int: Double], counts: [Int]) -> [Double]? {
        var s = fitted
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let a = s[small], let b = s[big], a > b {
                if counts[small - 1] > counts[big - 1] { s[big] = a } else { s[small] = b }
            }
        }
        let w1 = 3.0 / 5
        let w2 = 3.0 / 5
        func p(_ x: Double, _ y: Double) -> Double { Foundation.pow(x, y) }
        switch s.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = s.first else { return nil }
            let scale = value / ParameterSpace.defaults[rating - 1]
            return (0..<4).map { min(max(ParameterSpace.defaults[$0] * scale, minimum), maximum) }
        default:
            let r1 = s[1]
            let r2 = s[2]
            let r3 = s[3]
            let r4 = s[4]
            var filled = [r1, r2, r3, r4]
            switch (r1, r2, r3, r4) {
            case (nil, nil, let r3?, let r4?):
                let two = p(r3, 1 / (1 - w2)) * p(r4, 1 - 1 / (1 - w2))
                filled[1] = two
                filled[0] = p(two, 1 / w1) * p(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let three = p(r2, 1 - w2) * p(r4, w2)
                filled[2] = three
                filled[0] = p(r2, 1 / w1) * p(three, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                filled[3] = p(r2, 1 - 1 / w2) * p(r3, 1 / w2)
                filled[0] = p(r2, 1 / w1) * p(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let share = w1 / (w1 + w2 - w1 * w2)
                let other = w2 / (w1 + w2 - w1 * w2)
                filled[1] = p(r1, share) * p(r4, 1 - share)
                filled[2] = p(r1, 1 - other) * p(r4, other)
            case (let r1?, nil, let r3?, nil):
                let two = p(r1, w1) * p(r3, 1 - w1)
                filled[1] = two
                filled[3] = p(two, 1 - 1 / w2) * p(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let three = p(r1, 1 - 1 / (1 - w1)) * p(r2, 1 / (1 - w1))
                filled[2] = three
                filled[3] = p(r2, 1 - 1 / w2) * p(three, 1 / w2)
            case (nil, let r2?, let r3?, _):
                filled[0] = p(r2, 1 / w1) * p(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                filled[1] = p(r1, w1) * p(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                filled[2] = p(r2, 1 - w2) * p(r4, w2)
            case (_, let r2?, let r3?, nil):
                filled[3] = p(r2, 1 - 1 / w2) * p(r3, 1 / w2)
            default:
                break
            }
            return filled.enumerated().map { index, value in
                min(max(value ?? ParameterSpace.defaults[index], minimum), maximum)
            }
        }
    }
}
