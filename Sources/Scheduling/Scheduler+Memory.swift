import Flashcards
import Foundation

/// The memory model: stability and difficulty updates, the forgetting curve, intervals.
/// Every expression keeps py-fsrs's evaluation order, and e^x is `pow(M_E, x)` as Python's
/// `math.e ** x` is, so results match py-fsrs bit for bit on glibc (SPEC.md section 8).
extension Scheduler {
    static let stabilityMin = 0.001

    /// e^x the way py-fsrs computes it.
    @inline(__always)
    static func e(_ x: Double) -> Double { pow(M_E, x) }

    /// Whole days from `start` to `end`, floored as Python's `timedelta.days` floors
    /// (negative when time went backwards). Counted in microseconds, as timedelta counts.
    @inline(__always)
    static func elapsedDays(from start: Date, to end: Date) -> Int {
        let seconds = end.timeIntervalSince(start)
        let micro = ExactRounding.halfAwayFromZero(seconds * 1_000_000)
        let perDay: Int64 = 86_400_000_000
        let (q, r) = micro.quotientAndRemainder(dividingBy: perDay)
        return Int(r < 0 ? q - 1 : q)
    }

    /// A double in [0, 1) from one draw: 53 random bits, the same on every platform.
    @inline(__always)
    static func unit(_ rng: inout some RandomNumberGenerator) -> Double {
        Double(rng.next() >> 11) * 0x1.0p-53
    }

    /// R(t, S) = (1 + FACTOR·t/S)^DECAY.
    @inline(__always)
    func forgettingCurve(days: Int, stability: Double) -> Double {
        pow(1 + factor * Double(days) / stability, decay)
    }

    /// Updates stability and difficulty for a rating; `elapsed` is nil on a card's first review.
    /// The rule is the same in every state (SPEC.md section 4, "Which update applies").
    @inline(__always)
    func updateMemory(_ card: inout CardSchedule, rating: Rating, elapsed: Int?) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            // py-fsrs's first-review branch exists only in Learning; Review and Relearning
            // cards always carry both values.
            card.stability = max(w[rating.rawValue - 1], Self.stabilityMin)
            card.difficulty = pick(initialDifficulty, rating)
            return
        }
        if let elapsed, elapsed < 1 {
            card.stability = shortTermStability(stability, rating: rating)
        } else {
            let r: Double
            if let elapsed, card.lastReview != nil {
                r = forgettingCurve(days: max(0, elapsed), stability: stability)
            } else {
                r = 0
            }
            card.stability = longTermStability(stability, difficulty: difficulty, retrievability: r, rating: rating)
        }
        card.difficulty = nextDifficulty(difficulty, rating: rating)
    }

    @inline(__always)
    func shortTermStability(_ s: Double, rating: Rating) -> Double {
        var increase = pick(shortTermGrowth, rating) * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return max(s * increase, Self.stabilityMin)
    }

    @inline(__always)
    func longTermStability(_ s: Double, difficulty d: Double, retrievability r: Double, rating: Rating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * Self.e((1 - r) * w[14])
            let shortTerm = s / lapseDivisor
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? w[15] : 1
            let easyBonus = rating == .easy ? w[16] : 1
            next =
                s
                * (1 + recallScale * (11 - d) * pow(s, -w[9]) * (Self.e((1 - r) * w[10]) - 1) * hardPenalty * easyBonus)
        }
        return max(next, Self.stabilityMin)
    }

    @inline(__always)
    func nextDifficulty(_ d: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = d + (10.0 - d) * delta / 9.0
        let reverted = w[7] * meanReversionTarget + (1 - w[7]) * damped
        return min(max(reverted, 1), 10)
    }

    /// The interval in days for a stability: (S/FACTOR)·(r^(1/DECAY) − 1), rounded half to
    /// even as Python's `round`, at least 1, at most the maximum interval.
    @inline(__always)
    func nextInterval(stability: Double) -> Int {
        let raw = (stability / factor) * retentionTerm
        return clampDays(raw)
    }

    /// The raw interval in days before rounding (SPEC.md section 5).
    public func rawInterval(stability: Double) -> Double {
        (stability / factor) * retentionTerm
    }

    @inline(__always)
    func clampDays(_ raw: Double) -> Int {
        let maximum = configuration.maximumInterval
        // Capped before converting so an absurd value cannot overflow Int.
        guard raw < Double(maximum) else { return maximum }
        return min(max(ExactRounding.halfToEven(raw), 1), maximum)
    }

    @inline(__always)
    func pick(_ values: (Double, Double, Double, Double), _ rating: Rating) -> Double {
        switch rating {
        case .again: values.0
        case .hard: values.1
        case .good: values.2
        case .easy: values.3
        }
    }
}
