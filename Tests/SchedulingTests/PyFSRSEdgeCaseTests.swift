import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

/// State-machine corners the vector files do not reach, checked against py-fsrs itself:
/// steps shortened under a card, no steps at all, odd-second steps, a first review in review.
struct PyFSRSEdgeCaseTests {
    struct Case {
        var state: LearningState
        var step: Int?
        var stability: Double?
        var difficulty: Double?
        /// Seconds from the last review to this one; nil for a card never reviewed.
        var elapsed: Int?
        var rating: Rating
        var learning: [Double]
        var relearning: [Double]
    }

    static let script = #"""
        import sys, json
        from datetime import datetime, timezone, timedelta
        import fsrs
        out = []
        now = datetime.fromtimestamp(1_750_000_000, timezone.utc)
        for c in json.load(sys.stdin):
            sch = fsrs.Scheduler(enable_fuzzing=False,
                learning_steps=[timedelta(seconds=x) for x in c["learning"]],
                relearning_steps=[timedelta(seconds=x) for x in c["relearning"]])
            last = None if c["elapsed"] is None else now - timedelta(seconds=c["elapsed"])
            card = fsrs.Card(state=fsrs.State(c["state"]), step=c["step"], stability=c["stability"],
                             difficulty=c["difficulty"], due=now, last_review=last)
            card, _ = sch.review_card(card, fsrs.Rating(c["rating"]), now)
            out.append({"state": card.state.value, "step": -1 if card.step is None else card.step,
                        "due": (card.due - now).total_seconds(), "stability": card.stability,
                        "difficulty": card.difficulty})
        print(json.dumps(out))
        """#

    /// Each corner, answered with each rating. Columns: state, step, S, D, seconds since the
    /// last review (nil: never reviewed), learning steps, relearning steps.
    static let corners: [(LearningState, Int?, Double?, Double?, Int?, [Double], [Double])] = [
        // A learning card at step 2 after the steps were cut to one.
        (.learning, 2, 3, 5, 600, [60], [600]),
        // Relearning at step 1 with a single relearning step left.
        (.relearning, 1, 3, 5, 90_000, [60], [600]),
        // No steps at all: new cards go straight to review, lapses stay in review.
        (.learning, 0, nil, nil, nil, [], []),
        (.review, nil, 20, 7, 25 * 86400, [], []),
        // Odd-second steps: Hard at step 0 lands on a half second.
        (.learning, 0, nil, nil, nil, [61], [601]),
        (.learning, 0, nil, nil, nil, [61, 601, 3601], [601]),
        (.relearning, 0, 1, 9, 601, [61], [601]),
        // A middle learning step, reviewed the next day (long-term formula in learning).
        (.learning, 1, 2.3, 2.1, 2 * 86400 + 5, [60, 600, 3600], [600]),
        // Review with S and D but no last review: retrievability counts as 0.
        (.review, nil, 5, 4, nil, [60], [600]),
        // Time going backwards: a negative day count takes the short-term formula.
        (.review, nil, 5, 4, -3 * 86400, [60], [600]),
    ]

    static var cases: [Case] {
        Rating.allCases.flatMap { rating in
            corners.map {
                Case(
                    state: $0.0, step: $0.1, stability: $0.2, difficulty: $0.3, elapsed: $0.4, rating: rating,
                    learning: $0.5, relearning: $0.6)
            }
        }
    }

    @Test func stateMachineCornersMatchPyFSRS() throws {
        let cases = Self.cases
        let input: [[String: Any]] = cases.map {
            [
                "state": $0.state.rawValue, "step": $0.step as Any? ?? NSNull(),
                "stability": $0.stability as Any? ?? NSNull(), "difficulty": $0.difficulty as Any? ?? NSNull(),
                "elapsed": $0.elapsed as Any? ?? NSNull(), "rating": $0.rating.rawValue, "learning": $0.learning,
                "relearning": $0.relearning,
            ]
        }
        let result = try ReferencePython.run(
            script: Self.script, stdin: try JSONSerialization.data(withJSONObject: input))
        try #require(result.status == 0, "py-fsrs failed: \(result.stderr)")
        let expected = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        try #require(expected.count == cases.count)
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        for (index, (c, want)) in zip(cases, expected).enumerated() {
            let scheduler = try Scheduler(
                SchedulerConfiguration(learningSteps: c.learning, relearningSteps: c.relearning, enableFuzzing: false))
            let before = CardSchedule(
                state: c.state, step: c.step, stability: c.stability, difficulty: c.difficulty, due: now,
                lastReview: c.elapsed.map { now - Double($0) })
            let after = scheduler.unfuzzedReview(before, rating: c.rating, at: now)
            func number(_ key: String) -> Double { (want[key] as? NSNumber)?.doubleValue ?? .nan }
            #expect(Double(after.state.rawValue) == number("state"), "case \(index)")
            #expect(Double(after.step ?? -1) == number("step"), "case \(index)")
            #expect(after.due.timeIntervalSince(now) == number("due"), "case \(index)")
            #expect(FSRSParityTests.close(after.stability, number("stability")), "case \(index)")
            #expect(FSRSParityTests.close(after.difficulty, number("difficulty")), "case \(index)")
        }
    }
}
