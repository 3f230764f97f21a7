import Foundation

/// FSRS-6's memory model with everything the fitting needs from one parameter vector
/// precomputed, so the per-review work is a handful of `pow`/`exp` calls.
///
/// It follows the Rust fsrs crate's training model (`model.rs`): the first review sets the
/// initial stability w0–w3 and difficulty; a review with zero elapsed days goes through the
/// short-term formula (w17–w19); later ones through the recall or lapse formulas; stability
/// is kept within [0.001, 36500] and difficulty within [1, 10].
struct MemoryModel: Sendable {
    static let minimumStability = 0.001
    static let maximumStability = 36500.0

    let w: [Double]
    /// The forgetting curve's decay (`-w20`) and its factor `0.9^(1/decay) - 1`.
    let decay: Double
    let factor: Double
    /// d factor / d w20.
    let factorSlope: Double
    let expW8: Double
    /// The short-term bound on a lapse, `1 / e^(w17·w18)`.
    let lapseShortTermScale: Double
    /// The unclamped initial difficulty of Easy, the mean-reversion target.
    let easyInitialDifficulty: Double
    /// `e^(w17·(G − 3 + w18))` for G = 1…4 (index G − 1).
    let shortTermGrowth: [Double]

    init(parameters w: [Double]) {
        precondition(w.count == 21, "FSRS-6 has 21 parameters")
        self.w = w
        decay = -w[20]
        let base = Foundation.exp(Foundation.log(0.9) / decay)
        factor = base - 1
        // factor = e^(-ln 0.9 / w20) - 1, so d/dw20 = e^(…) · ln 0.9 / w20².
        factorSlope = base * Foundation.log(0.9) / (w[20] * w[20])
        expW8 = Foundation.exp(w[8])
        lapseShortTermScale = Foundation.exp(-w[17] * w[18])
        easyInitialDifficulty = w[4] - Foundation.exp(3 * w[5]) + 1
        shortTermGrowth = (1...4).map { Foundation.exp(w[17] * (Double($0) - 3 + w[18])) }
    }

    /// The probability of recall `t` days after a review that left stability `s`.
    @inline(__always)
    func retrievability(elapsedDays t: Double, stability s: Double) -> Double {
        Foundation.pow(1 + factor * t / s, decay)
    }

    /// Stability and difficulty after a card's first review.
    @inline(__always)
    func initialState(rating: Int) -> (stability: Double, difficulty: Double) {
        let s = min(max(w[rating - 1], Self.minimumStability), Self.maximumStability)
        let d = w[4] - Foundation.exp(w[5] * Double(rating - 1)) + 1
        return (s, min(max(d, 1), 10))
    }

    /// Stability and difficulty after a later review, `t` whole days after the previous one.
    @inline(__always)
    func nextState(stability s: Double, difficulty d: Double, elapsedDays t: Double, rating: Int)
        -> (stability: Double, difficulty: Double)
    {
        var next: Double
        if t == 0 {
            var growth = shortTermGrowth[rating - 1] * Foundation.pow(s, -w[19])
            if rating >= 2 { growth = max(growth, 1) }
            next = s * growth
        } else {
            let r = retrievability(elapsedDays: t, stability: s)
            if rating == 1 {
                let longTerm =
                    w[11] * Foundation.pow(d, -w[12]) * (Foundation.pow(s + 1, w[13]) - 1)
                    * Foundation.exp(w[14] * (1 - r))
                next = min(longTerm, s * lapseShortTermScale)
            } else {
                let hard = rating == 2 ? w[15] : 1
                let easy = rating == 4 ? w[16] : 1
                next =
                    s
                    * (1 + expW8 * (11 - d) * Foundation.pow(s, -w[9]) * (Foundation.exp(w[10] * (1 - r)) - 1)
                        * hard * easy)
            }
        }
        next = min(max(next, Self.minimumStability), Self.maximumStability)
        return (next, nextDifficulty(d, rating: rating))
    }

    @inline(__always)
    func nextDifficulty(_ d: Double, rating: Int) -> Double {
        let delta = -w[6] * (Double(rating) - 3)
        let damped = d + (10 - d) * delta / 9
        let reverted = w[7] * (easyInitialDifficulty - damped) + damped
        return min(max(reverted, 1), 10)
    }
}
