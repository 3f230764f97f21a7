import Flashcards
import Foundation
import Testing

@testable import Scheduling

struct SchedulerTests {
    static let t0 = DayTests.instant("2026-01-05T09:00:00Z")

    @Test func intervalsRoundHalfToEvenAsPythonDoes() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(maximumInterval: 1000, enableFuzzing: false))
        #expect(scheduler.clampDays(2.5) == 2)
        #expect(scheduler.clampDays(3.5) == 4)
        #expect(scheduler.clampDays(2.5000000001) == 3)
        #expect(scheduler.clampDays(0.4) == 1)
        #expect(scheduler.clampDays(999.5) == 1000)
        #expect(scheduler.clampDays(1e300) == 1000)
        // Fuzz rounds its draw the same way: 0.5·5 + 8 = 10.5 becomes 10.
        #expect(scheduler.fuzzedDays(10, unit: 0.5) == 10)
    }

    @Test func previewGivesTheRatingLine() throws {
        let scheduler = try Scheduler(.default)
        let preview = scheduler.preview(nil, at: Self.t0)
        let line = Rating.allCases.map { rating in
            "\(rating.rawValue) \(rating) "
                + IntervalFormatter.compact(from: Self.t0, to: preview[rating]?.due ?? Self.t0)
        }
        #expect(line == ["1 Again 1m", "2 Hard 5.5m", "3 Good 10m", "4 Easy 8d"])
    }

    @Test func intervalLabelsAreCompact() {
        #expect(IntervalFormatter.compact(45) == "45s")
        #expect(IntervalFormatter.compact(600) == "10m")
        #expect(IntervalFormatter.compact(330) == "5.5m")
        #expect(IntervalFormatter.compact(2 * 3600) == "2h")
        #expect(IntervalFormatter.compact(86400) == "1d")
        #expect(IntervalFormatter.compact(29 * 86400) == "29d")
        #expect(IntervalFormatter.compact(105 * 86400) == "3.5mo")
        #expect(IntervalFormatter.compact(438 * 86400) == "1.2y")
        #expect(IntervalFormatter.compact(-5) == "0s")
    }

    @Test func retrievabilityStepsOncePerWholeDay() throws {
        let scheduler = try Scheduler(.default)
        let card = CardSchedule(
            state: .review, step: nil, stability: 10, difficulty: 5, due: Self.t0, lastReview: Self.t0)
        #expect(scheduler.retrievability(of: card, at: Self.t0 + 86399) == 1)
        let oneDay = scheduler.retrievability(of: card, at: Self.t0 + 86400)
        #expect(oneDay < 1)
        #expect(scheduler.retrievability(of: card, at: Self.t0 + 2 * 86400 - 1) == oneDay)
        #expect(abs(scheduler.retrievability(of: card, at: Self.t0 + 10 * 86400) - 0.9) < 1e-12)
        #expect(scheduler.retrievability(of: scheduler.newCard(at: Self.t0), at: Self.t0 + 86400) == 0)
        // Time going backwards counts as no time.
        #expect(scheduler.retrievability(of: card, at: Self.t0 - 3 * 86400) == 1)
    }

    @Test func fuzzStaysInPyFSRSRangeAndComesFromTheInjectedGenerator() throws {
        let scheduler = try Scheduler(.default)
        #expect(scheduler.fuzzRange(days: 3) == 2...4)
        #expect(scheduler.fuzzRange(days: 10) == 8...12)
        #expect(scheduler.fuzzRange(days: 100) == 93...107)
        var seen: Set<Int> = []
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<20_000 { seen.insert(scheduler.fuzzedDays(10, unit: rng.nextUnit())) }
        #expect(seen == Set(8...13))
        #expect(scheduler.fuzzedDays(2, unit: 0.99) == 2)

        let card = CardSchedule(
            state: .review, step: nil, stability: 30, difficulty: 5, due: Self.t0, lastReview: Self.t0 - 30 * 86400)
        var a = SeededGenerator(seed: 1)
        var b = SeededGenerator(seed: 1)
        var dues: Set<Date> = []
        for seed in 0..<40 {
            var g = SeededGenerator(seed: UInt64(seed))
            dues.insert(scheduler.review(card, rating: .good, at: Self.t0, using: &g).due)
        }
        #expect(dues.count > 3)
        #expect(
            scheduler.review(card, rating: .good, at: Self.t0, using: &a)
                == scheduler.review(card, rating: .good, at: Self.t0, using: &b))
    }

    @Test func invalidConfigurationsAreRefusedWithAClearMessage() {
        var bad = SchedulerConfiguration.default
        bad.parameters[0] = 500
        bad.parameters[20] = 0.05
        #expect(throws: SchedulingError.self) { try Scheduler(bad) }
        do {
            _ = try Scheduler(bad)
        } catch {
            #expect(
                error.description
                    == "FSRS parameters out of bounds: parameters[0] = 500.0 is outside [0.001, 100.0]; parameters[20] = 0.05 is outside [0.1, 0.8]"
            )
        }
        #expect(throws: SchedulingError.parameterCount(3)) {
            try Scheduler(SchedulerConfiguration(parameters: [1, 2, 3]))
        }
        #expect(throws: SchedulingError.desiredRetention(1)) {
            try Scheduler(SchedulerConfiguration(desiredRetention: 1))
        }
        #expect(throws: SchedulingError.desiredRetention(0)) {
            try Scheduler(SchedulerConfiguration(desiredRetention: 0))
        }
        #expect(throws: SchedulingError.step(kind: "learning", seconds: -60)) {
            try Scheduler(SchedulerConfiguration(learningSteps: [-60]))
        }
        #expect(throws: SchedulingError.maximumInterval(0)) {
            try Scheduler(SchedulerConfiguration(maximumInterval: 0))
        }
        #expect((try? Scheduler(SchedulerConfiguration(learningSteps: [], relearningSteps: []))) != nil)
    }
}
