import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

/// Checks against py-fsrs 6.3.2 itself (through the reference Python) what the vector files
/// cannot pin: fuzz, and parameter validation. Fails when the reference Python is missing.
struct PyFSRSReferenceTests {
    /// Runs py-fsrs with `random` patched to return the given draws, one per fuzzed interval.
    static let fuzzScript = #"""
        import sys, json
        from datetime import datetime, timezone, timedelta
        import fsrs
        import fsrs.scheduler as S
        data = json.load(sys.stdin)
        def draws(ks):
            it = iter([k * 2.0 ** -53 for k in ks])
            used = [0]
            def random():
                used[0] += 1
                return next(it)
            return random, used
        ranges = []
        for case in data["ranges"]:
            sch = S.Scheduler(maximum_interval=case["max"], enable_fuzzing=True)
            S.random, used = draws(case["draws"])
            got = []
            for _ in case["draws"]:
                got.append(sch._get_fuzzed_interval(interval=timedelta(days=case["days"])).days)
            ranges.append(got)
        sequences = []
        for seq in data["sequences"]:
            sch = S.Scheduler(
                desired_retention=seq["retention"], maximum_interval=seq["max"], enable_fuzzing=True,
                learning_steps=[timedelta(seconds=x) for x in seq["learning"]],
                relearning_steps=[timedelta(seconds=x) for x in seq["relearning"]])
            S.random, used = draws(seq["draws"])
            card = fsrs.Card(due=datetime.fromtimestamp(seq["times"][0], timezone.utc))
            rows = []
            for rating, ts in zip(seq["ratings"], seq["times"]):
                card, _ = sch.review_card(card, fsrs.Rating(rating), datetime.fromtimestamp(ts, timezone.utc))
                rows.append({"due": card.due.timestamp(), "state": card.state.value, "draws": used[0],
                             "step": -1 if card.step is None else card.step,
                             "stability": card.stability, "difficulty": card.difficulty})
            sequences.append(rows)
        print(json.dumps({"ranges": ranges, "sequences": sequences}))
        """#

    /// A generator that hands out prepared numbers, and counts them.
    struct Scripted: RandomNumberGenerator {
        var values: [UInt64]
        var used = 0
        mutating func next() -> UInt64 {
            defer { used += 1 }
            return values[used]
        }
    }

    @Test func fuzzMatchesPyFSRSDrawForDraw() throws {
        var rng = SeededGenerator(seed: 7)
        // Ranges: every interval up to 120 days, then a spread to the cap, each with edge draws.
        var rangeCases: [(days: Int, max: Int, draws: [UInt64])] = []
        let edges: [UInt64] = [0, 1 << 52, (1 << 53) - 1, (1 << 53) / 3, (1 << 52) + 12345]
        for days in Array(1...120) + [200, 365, 1000, 5000, 36499, 36500] {
            rangeCases.append((days, 36500, edges + (0..<5).map { _ in rng.next() >> 11 }))
        }
        for (days, max) in [(10, 10), (10, 11), (50, 40), (3, 3), (5, 4)] {
            rangeCases.append((days, max, edges))
        }
        // Whole review sequences with fuzz on, sharing one stream of draws, under several
        // step and retention settings (the vector files pin only two).
        let settings: [(learning: [Double], relearning: [Double], retention: Double, max: Int)] = [
            ([60, 600], [600], 0.9, 36500), ([60], [], 0.8, 365), ([30, 300, 3600], [600, 7200], 0.95, 30),
            ([], [300], 0.7, 36500), ([120, 86400], [3600], 0.85, 1000),
        ]
        var sequences: [(ratings: [Int], times: [Int64], setting: Int, draws: [UInt64])] = []
        for index in 0..<100 {
            var time: Int64 = 1_700_000_000 + Int64(index) * 7919
            var ratings: [Int] = []
            var times: [Int64] = []
            for _ in 0..<(5 + Int(rng.next() % 20)) {
                ratings.append([1, 2, 3, 3, 3, 4][Int(rng.next() % 6)])
                times.append(time)
                // Minutes apart (learning steps, same day) or days apart.
                time += rng.next() % 5 < 2 ? Int64(30 + rng.next() % 7200) : Int64(rng.next() % (40 * 86400))
            }
            sequences.append((ratings, times, index % settings.count, (0..<40).map { _ in rng.next() >> 11 }))
        }
        let input: [String: Any] = [
            "ranges": rangeCases.map { ["days": $0.days, "max": $0.max, "draws": $0.draws.map { Int($0) }] },
            "sequences": sequences.map {
                let setting = settings[$0.setting]
                return [
                    "ratings": $0.ratings, "times": $0.times, "retention": setting.retention, "max": setting.max,
                    "learning": setting.learning, "relearning": setting.relearning, "draws": $0.draws.map { Int($0) },
                ] as [String: Any]
            },
        ]
        let result = try ReferencePython.run(
            script: Self.fuzzScript, stdin: try JSONSerialization.data(withJSONObject: input))
        try #require(result.status == 0, "py-fsrs failed: \(result.stderr)")
        let output = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let expectedRanges = try #require(output["ranges"] as? [[Int]])
        let expectedSequences = try #require(output["sequences"] as? [[[String: Any]]])

        var differences: [String] = []
        for (case_, expected) in zip(rangeCases, expectedRanges) {
            let scheduler = try Scheduler(SchedulerConfiguration(maximumInterval: case_.max))
            let got = case_.draws.map { scheduler.fuzzedDays(case_.days, unit: Double($0) * 0x1.0p-53) }
            if got != expected { differences.append("days \(case_.days) max \(case_.max): \(got) != \(expected)") }
        }
        for (index, (sequence, expected)) in zip(sequences, expectedSequences).enumerated() {
            let setting = settings[sequence.setting]
            let scheduler = try Scheduler(
                SchedulerConfiguration(
                    desiredRetention: setting.retention, learningSteps: setting.learning,
                    relearningSteps: setting.relearning, maximumInterval: setting.max))
            var generator = Scripted(values: sequence.draws.map { $0 << 11 })
            var card = scheduler.newCard(at: Date(timeIntervalSince1970: TimeInterval(sequence.times[0])))
            for (row, (rating, time)) in zip(sequence.ratings, sequence.times).enumerated() {
                card = scheduler.review(
                    card, rating: try #require(Rating(rawValue: rating)),
                    at: Date(timeIntervalSince1970: TimeInterval(time)), using: &generator)
                let want = expected[row]
                let got: [String: Double] = [
                    "due": card.due.timeIntervalSince1970, "state": Double(card.state.rawValue),
                    "draws": Double(generator.used), "step": Double(card.step ?? -1),
                    "stability": card.stability ?? .nan, "difficulty": card.difficulty ?? .nan,
                ]
                for (key, value) in got {
                    let reference = (want[key] as? NSNumber)?.doubleValue ?? .nan
                    let exact = key != "stability" && key != "difficulty"
                    if exact ? value != reference : !FSRSParityTests.close(value, reference) {
                        differences.append("sequence \(index) row \(row) \(key): \(value) != \(reference)")
                    }
                }
            }
        }
        #expect(expectedRanges.count == rangeCases.count)
        #expect(expectedSequences.count == sequences.count)
        let report = differences.prefix(20).joined(separator: "\n")
        #expect(differences.isEmpty, "\(differences.count) differences:\n\(report)")
    }

    static let validationScript = #"""
        import sys, json, re
        import fsrs
        out = []
        for params in json.load(sys.stdin):
            params = [float("nan") if p is None else p for p in params]
            try:
                fsrs.Scheduler(parameters=params)
                out.append("ok")
            except ValueError as e:
                msg = str(e)
                if msg.startswith("Expected"):
                    out.append("count")
                else:
                    out.append(sorted(int(i) for i in re.findall(r"parameters\[(\d+)\]", msg)))
        print(json.dumps(out))
        """#

    @Test func parameterValidationAgreesWithPyFSRS() throws {
        var rng = SeededGenerator(seed: 11)
        let lower = SchedulerConfiguration.lowerBounds
        let upper = SchedulerConfiguration.upperBounds
        var cases: [[Double]] = [
            SchedulerConfiguration.defaultParameters, lower, upper,
            Array(SchedulerConfiguration.defaultParameters.prefix(20)),
            SchedulerConfiguration.defaultParameters + [0.5], [],
        ]
        for _ in 0..<200 {
            cases.append(
                (0..<21).map { i in
                    let span = upper[i] - lower[i]
                    // Mostly inside; sometimes just outside either bound.
                    switch rng.next() % 10 {
                    case 0: return lower[i] - span * 0.01 - 1e-9
                    case 1: return upper[i] + span * 0.01 + 1e-9
                    case 2: return lower[i]
                    case 3: return upper[i]
                    default: return lower[i] + span * rng.nextUnit()
                    }
                })
        }
        var withNaN = SchedulerConfiguration.defaultParameters
        withNaN[7] = .nan
        cases.append(withNaN)
        let json = cases.map { $0.map { $0.isNaN ? "null" : "\($0)" }.joined(separator: ",") }
        let result = try ReferencePython.run(
            script: Self.validationScript, stdin: Data(("[" + json.map { "[\($0)]" }.joined(separator: ",") + "]").utf8)
        )
        try #require(result.status == 0, "py-fsrs failed: \(result.stderr)")
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [Any])
        try #require(expected.count == cases.count)
        var sawRejections = 0
        for (parameters, reference) in zip(cases, expected) {
            let got: String
            do {
                try SchedulerConfiguration(parameters: parameters).validate()
                got = "ok"
            } catch .parameterCount {
                got = "count"
            } catch .parametersOutOfBounds(let list) {
                got = list.map { String($0.index) }.joined(separator: ",")
                sawRejections += 1
            } catch {
                got = "\(error)"
            }
            let want: String
            if let text = reference as? String {
                want = text
            } else {
                want = ((reference as? [Int]) ?? []).map(String.init).joined(separator: ",")
            }
            #expect(got == want, "parameters \(parameters)")
        }
        #expect(sawRejections > 50)
    }
}
