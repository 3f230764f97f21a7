import Foundation

/// How well a set of parameters predicted recall on some reviews, in FSRS's two measures.
public struct Evaluation: Sendable, Hashable, Codable {
    /// Mean binary cross-entropy of the predicted recall (lower is better).
    public var logLoss: Double
    /// The root mean square gap between predicted and actual recall over bins of similar
    /// reviews (by interval, number of reviews and lapses), weighted by bin size: the
    /// "RMSE (bins)" that FSRS and Anki report.
    public var rmseBins: Double
    /// How many reviews were predicted (those a day or more after the card's previous one).
    public var reviews: Int

    public init(logLoss: Double, rmseBins: Double, reviews: Int) {
        self.logLoss = logLoss
        self.rmseBins = rmseBins
        self.reviews = reviews
    }

    /// Evaluates `parameters` on the labelled reviews of `histories`, unweighted.
    public init(parameters: [Double], histories: [CardHistory]) {
        self.init(parameters: parameters, data: ReviewDataset(histories: histories, recencyWeighted: false))
    }

    /// Evaluates several groups of cards, each with its own parameters (decks with different
    /// settings), as one set of predictions.
    public init(groups: [(parameters: [Double], histories: [CardHistory])]) {
        var tally = Tally()
        for group in groups {
            tally.add(
                parameters: group.parameters, data: ReviewDataset(histories: group.histories, recencyWeighted: false))
        }
        self = tally.evaluation
    }

    init(parameters: [Double], data: ReviewDataset) {
        var tally = Tally()
        tally.add(parameters: parameters, data: data)
        self = tally.evaluation
    }

    /// Predictions summed so far: the loss and the bins.
    private struct Tally {
        var bins: [Bin: (predicted: Double, actual: Double, count: Double)] = [:]
        var loss = 0.0
        var count = 0

        mutating func add(parameters: [Double], data: ReviewDataset) {
            let model = MemoryModel(parameters: parameters)
            for card in 0..<data.cardCount {
                let start = data.cardStarts[card]
                let end = data.cardStarts[card + 1]
                var (s, d) = model.initialState(rating: Int(data.ratings[start]))
                var longTerm = 0
                var lapses = 0
                for i in (start + 1)..<max(start + 1, end) {
                    let rating = Int(data.ratings[i])
                    let t = data.elapsed[i]
                    if t >= 1 {
                        longTerm += 1
                        let r = model.retrievability(elapsedDays: t, stability: s)
                        let p = min(max(r, MemoryModel.probabilityFloor), 1 - MemoryModel.probabilityFloor)
                        let recalled = rating > 1
                        loss -= recalled ? Foundation.log(p) : Foundation.log(1 - p)
                        count += 1
                        let bin = Bin(days: t, reviews: longTerm, lapses: lapses)
                        bins[bin, default: (0, 0, 0)].predicted += r
                        bins[bin, default: (0, 0, 0)].actual += recalled ? 1 : 0
                        bins[bin, default: (0, 0, 0)].count += 1
                        if !recalled { lapses += 1 }
                    }
                    (s, d) = model.nextState(stability: s, difficulty: d, elapsedDays: t, rating: rating)
                }
            }
        }

        var evaluation: Evaluation {
            var squares = 0.0
            var total = 0.0
            // A fixed order, so the same history always gives the same digits.
            let ordered = bins.sorted {
                ($0.key.days, $0.key.reviews, $0.key.lapses) < ($1.key.days, $1.key.reviews, $1.key.lapses)
            }
            for (_, bin) in ordered {
                let gap = bin.predicted / bin.count - bin.actual / bin.count
                squares += gap * gap * bin.count
                total += bin.count
            }
            return Evaluation(
                logLoss: count > 0 ? loss / Double(count) : 0, rmseBins: total > 0 ? (squares / total).squareRoot() : 0,
                reviews: count)
        }
    }

    /// The Rust crate's `r_matrix_index`: bins on a log scale of the interval, of the number
    /// of long-term reviews so far (this one included, plus one) and of the earlier lapses.
    private struct Bin: Hashable {
        var days: Int
        var reviews: Int
        var lapses: Int

        init(days t: Double, reviews longTerm: Int, lapses: Int) {
            days = Int(
                (2.48 * Foundation.pow(3.62, (Foundation.log(t) / Foundation.log(3.62)).rounded(.down)) * 100).rounded()
            )
            let length = Double(longTerm + 1)
            reviews = Int(
                (1.99 * Foundation.pow(1.89, (Foundation.log(length) / Foundation.log(1.89)).rounded(.down))).rounded())
            self.lapses =
                lapses == 0
                ? 0
                : Int(
                    (1.65 * Foundation.pow(1.73, (Foundation.log(Double(lapses)) / Foundation.log(1.73)).rounded(.down)))
                        .rounded())
        }
    }
}
