import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

/// Replays every row of py-fsrs 6.3.2's reference vectors: state, step and due exactly equal;
/// stability and difficulty within a relative 1e-9 (bit-exact in practice on glibc).
struct FSRSParityTests {
    @Test(arguments: VectorFile.paths)
    func everyRowMatchesPyFSRS(_ url: URL) throws {
        let file = try VectorFile.load(url)
        let scheduler = try Scheduler(file.configuration)
        var rows = 0
        var mismatches: [String] = []
        for sequence in file.sequences {
            let start = Date(timeIntervalSince1970: TimeInterval(sequence.startTs))
            guard let state = LearningState(rawValue: file.newCard.state) else {
                Issue.record("newCard state \(file.newCard.state) is not 1, 2 or 3")
                return
            }
            var card = CardSchedule(
                state: state, step: file.newCard.step, stability: file.newCard.stability,
                difficulty: file.newCard.difficulty, due: start, lastReview: nil)
            for (index, row) in sequence.reviews.enumerated() {
                rows += 1
                let time = Date(timeIntervalSince1970: TimeInterval(row.reviewTs))
                let rating = try #require(Rating(rawValue: row.rating))
                if let expected = row.retrievabilityBefore {
                    let r = scheduler.retrievability(of: card, at: time)
                    if !Self.close(r, expected) {
                        mismatches.append("seq \(sequence.id) row \(index): R \(r) != \(expected)")
                    }
                }
                // Fuzz off for parity: the vectors were made with it off; a file with it on
                // cannot pin dates.
                card = scheduler.unfuzzedReview(card, rating: rating, at: time)
                var problems: [String] = []
                if card.state.rawValue != row.state { problems.append("state \(card.state.rawValue) != \(row.state)") }
                if card.step != row.step {
                    problems.append("step \(String(describing: card.step)) != \(String(describing: row.step))")
                }
                if card.due.timeIntervalSince1970 != TimeInterval(row.dueTs) {
                    problems.append("due \(card.due.timeIntervalSince1970) != \(row.dueTs)")
                }
                if !Self.close(card.stability, row.stability) {
                    problems.append("stability \(String(describing: card.stability)) != \(row.stability)")
                }
                if !Self.close(card.difficulty, row.difficulty) {
                    problems.append("difficulty \(String(describing: card.difficulty)) != \(row.difficulty)")
                }
                if let raw = row.intervalRawDays,
                    !Self.close(scheduler.rawInterval(stability: card.stability ?? 0), raw)
                {
                    problems.append("raw interval != \(raw)")
                }
                if !problems.isEmpty {
                    mismatches.append(
                        "seq \(sequence.id) (\(sequence.kind)) row \(index): " + problems.joined(separator: ", "))
                }
            }
        }
        #expect(rows > 0)
        let report = mismatches.prefix(20).joined(separator: "\n")
        #expect(
            mismatches.isEmpty, "\(mismatches.count) of \(rows) rows differ in \(url.lastPathComponent):\n\(report)")
    }

    @Test func aMissingVectorFileFailsRatherThanSkips() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/vectors.json")
        #expect(throws: VectorFile.Missing.self) { try VectorFile.load(missing) }
    }

    @Test func anEmptyVectorFileFails() throws {
        let dir = TemporaryDirectory()
        let empty = try dir.write("empty.json", "")
        #expect(throws: VectorFile.Missing.self) { try VectorFile.load(empty) }
        let noRows = try dir.write(
            "none.json",
            #"{"scheduler":{"parameters":[],"desired_retention":0.9,"learning_steps":[],"relearning_steps":[],"maximum_interval":1,"enable_fuzzing":false},"new_card":{"state":1,"step":0},"sequences":[]}"#
        )
        #expect(throws: VectorFile.Missing.self) { try VectorFile.load(noRows) }
    }

    static func close(_ a: Double?, _ b: Double) -> Bool {
        guard let a else { return false }
        if a == b { return true }
        return abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }
}
