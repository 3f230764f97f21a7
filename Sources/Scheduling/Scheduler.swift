import Flashcards
import Foundation

/// FSRS-6 exactly as py-fsrs 6.3.2 computes it (`/work/shared/fsrs/SPEC.md`).
///
/// A value: it holds a validated configuration and the constants derived from it, and maps a
/// schedule plus a rating to the next schedule. Time and randomness come in from the caller.
public struct Scheduler: Sendable {
    public private(set) var configuration: SchedulerConfiguration

    // Constants py-fsrs recomputes on every call; computing them once with the same expression
    // gives the same bits.
    let w: [Double]
    /// −w20.
    let decay: Double
    /// 0.9^(1/decay) − 1, so that R = 0.9 when t = S.
    let factor: Double
    /// r^(1/decay) − 1 for the desired retention r.
    let retentionTerm: Double
    /// e^w8.
    let recallScale: Double
    /// e^(w17·w18): the short-term bound on a lapse.
    let lapseDivisor: Double
    /// The unclamped initial difficulty of Easy, the target of mean reversion.
    let meanReversionTarget: Double
    /// Initial difficulty per rating (index rating − 1), clamped.
    let initialDifficulty: (Double, Double, Double, Double)
    /// e^(w17·(G − 3 + w18)) per rating (index rating − 1).
    let shortTermGrowth: (Double, Double, Double, Double)

    /// A scheduler for a configuration, which must pass `SchedulerConfiguration.validate()`.
    public init(_ configuration: SchedulerConfiguration = .default) throws(SchedulingError) {
        try configuration.validate()
        self.configuration = configuration
        let w = configuration.parameters
        self.w = w
        decay = -w[20]
        factor = pow(0.9, 1 / decay) - 1
        retentionTerm = pow(configuration.desiredRetention, 1 / decay) - 1
        recallScale = Self.e(w[8])
        lapseDivisor = Self.e(w[17] * w[18])
        func d0(_ g: Int) -> Double { w[4] - Self.e(w[5] * Double(g - 1)) + 1 }
        meanReversionTarget = d0(4)
        func clamped(_ d: Double) -> Double { min(max(d, 1), 10) }
        initialDifficulty = (clamped(d0(1)), clamped(d0(2)), clamped(d0(3)), clamped(d0(4)))
        // Python evaluates `rating - 3 + w18` as an int plus a float.
        func growth(_ g: Int) -> Double { Self.e(w[17] * (Double(g - 3) + w[18])) }
        shortTermGrowth = (growth(1), growth(2), growth(3), growth(4))
    }

    /// The schedule of a card never reviewed: learning, step 0, due at `time`.
    public func newCard(at time: Date) -> CardSchedule {
        CardSchedule(state: .learning, step: 0, stability: nil, difficulty: nil, due: time, lastReview: nil)
    }

    /// The probability of recalling the card at `time`; 0 for a card never reviewed.
    ///
    /// Like py-fsrs, it counts whole elapsed days (floored), so it steps once a day.
    public func retrievability(of schedule: CardSchedule, at time: Date) -> Double {
        guard let last = schedule.lastReview, let stability = schedule.stability else { return 0 }
        return forgettingCurve(days: max(0, Self.elapsedDays(from: last, to: time)), stability: stability)
    }

    /// The schedule after answering with `rating` at `time`.
    ///
    /// When fuzz is on and the card ends in review with an interval of three days or more,
    /// the interval is spread with one draw from `rng` (py-fsrs draws from Python's global
    /// generator, which cannot be replayed; see `ReviewFuzz` for a reproducible seed).
    public func review(
        _ schedule: CardSchedule, rating: Rating, at time: Date, using rng: inout some RandomNumberGenerator
    ) -> CardSchedule {
        var card = schedule
        let elapsed = card.lastReview.map { Self.elapsedDays(from: $0, to: time) }
        updateMemory(&card, rating: rating, elapsed: elapsed)

        var interval: TimeInterval
        var days: Int? = nil
        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? configuration.learningSteps : configuration.relearningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                card.state = .review
                card.step = nil
                days = nextInterval(stability: card.stability ?? 0)
                interval = 0
            } else {
                switch rating {
                case .again:
                    card.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = steps[0] * 1.5
                    } else if step == 0 {
                        interval = (steps[0] + steps[1]) / 2
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        card.state = .review
                        card.step = nil
                        days = nextInterval(stability: card.stability ?? 0)
                        interval = 0
                    } else {
                        card.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    card.state = .review
                    card.step = nil
                    days = nextInterval(stability: card.stability ?? 0)
                    interval = 0
                }
            }
        case .review:
            if rating == .again && !configuration.relearningSteps.isEmpty {
                card.state = .relearning
                card.step = 0
                interval = configuration.relearningSteps[0]
            } else {
                days = nextInterval(stability: card.stability ?? 0)
                interval = 0
            }
        }
        if var whole = days {
            // py-fsrs draws only for intervals it fuzzes, so a shared stream stays in step.
            if configuration.enableFuzzing && card.state == .review && Double(whole) >= 2.5 {
                whole = fuzzedDays(whole, unit: Self.unit(&rng))
            }
            interval = Double(whole) * 86400
        }
        card.due = time.addingTimeInterval(interval)
        card.lastReview = time
        return card
    }

    /// The schedule after answering with `rating`, with fuzz off whatever the configuration
    /// says: for previews and for checking against py-fsrs's fuzz-free reference vectors.
    public func unfuzzedReview(_ schedule: CardSchedule, rating: Rating, at time: Date) -> CardSchedule {
        var none = NoRandomness()
        return unfuzzed.review(schedule, rating: rating, at: time, using: &none)
    }

    /// What each rating would do to the card now, without fuzz: the REPL's
    /// `1 Again 10m · 2 Hard 1d · 3 Good 3d · 4 Easy 8d` line. A nil schedule is a new card.
    public func preview(_ schedule: CardSchedule?, at time: Date) -> [Rating: CardSchedule] {
        let current = schedule ?? newCard(at: time)
        var result: [Rating: CardSchedule] = [:]
        for rating in Rating.allCases {
            result[rating] = unfuzzedReview(current, rating: rating, at: time)
        }
        return result
    }

    /// The same scheduler with fuzz off.
    var unfuzzed: Scheduler {
        guard configuration.enableFuzzing else { return self }
        var copy = self
        copy.configuration.enableFuzzing = false
        return copy
    }
}

/// A generator for fuzz-free paths: never asked for a number.
struct NoRandomness: RandomNumberGenerator {
    mutating func next() -> UInt64 { 0 }
}
