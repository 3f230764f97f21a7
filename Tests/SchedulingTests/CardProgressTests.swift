import Flashcards
import Foundation
import Scheduling
import Testing

struct CardProgressTests {
    static let start = DayTests.instant("2026-01-05T09:00:00Z")

    @discardableResult
    /// Answers a card into review, then forgets it `lapses` times, each time when due.
    static func lapse(_ progress: inout CardProgress, times lapses: Int, scheduler: Scheduler, leech: LeechPolicy)
        -> [ReviewOutcome]
    {
        var none = SeededGenerator(seed: 1)
        var time = start
        var outcomes: [ReviewOutcome] = []
        if progress.schedule == nil {
            progress.record(.easy, at: time, scheduler: scheduler, leech: leech, using: &none)
        }
        for _ in 0..<lapses {
            while progress.schedule?.state != .review {
                time = progress.schedule?.due ?? time
                progress.record(.good, at: time, scheduler: scheduler, leech: leech, using: &none)
            }
            time = progress.schedule?.due ?? time
            outcomes.append(progress.record(.again, at: time, scheduler: scheduler, leech: leech, using: &none))
        }
        return outcomes
    }

    @Test func aCardThatLapsesEightTimesIsSuspendedAsALeech() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzzing: false))
        var progress = CardProgress.new
        let outcomes = Self.lapse(&progress, times: 8, scheduler: scheduler, leech: LeechPolicy())
        #expect(progress.lapses == 8)
        #expect(outcomes.map(\.leechTriggered) == [false, false, false, false, false, false, false, true])
        #expect(outcomes.allSatisfy { $0.lapsed })
        #expect(progress.isLeech)
        #expect(progress.suspended)
        #expect(progress.reps > 8)
    }

    @Test func theTagActionFlagsWithoutSuspending() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzzing: false))
        var progress = CardProgress.new
        Self.lapse(&progress, times: 3, scheduler: scheduler, leech: LeechPolicy(threshold: 3, action: .tag))
        #expect(progress.isLeech)
        #expect(!progress.suspended)
    }

    @Test func anUnsuspendedLeechIsFlaggedAgainEveryHalfThreshold() {
        let policy = LeechPolicy(threshold: 8, action: .suspend)
        #expect((1...20).filter(policy.isTriggered) == [8, 12, 16, 20])
        #expect((1...6).filter(LeechPolicy(threshold: 1, action: .tag).isTriggered) == [1, 2, 3, 4, 5, 6])
        #expect((1...50).filter(LeechPolicy(threshold: 0, action: .suspend).isTriggered).isEmpty)
    }

    @Test func againOnALearningCardIsNotALapse() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzzing: false))
        var progress = CardProgress.new
        var rng = SeededGenerator(seed: 3)
        let first = progress.record(.again, at: Self.start, scheduler: scheduler, leech: LeechPolicy(), using: &rng)
        #expect(first.wasNew)
        #expect(!first.lapsed)
        progress.record(.again, at: Self.start + 60, scheduler: scheduler, leech: LeechPolicy(), using: &rng)
        #expect(progress.lapses == 0)
        #expect(progress.reps == 2)
        #expect(progress.schedule?.state == .learning)
    }

    @Test func progressRoundTripsAndToleratesAbsentKeys() throws {
        let decoded = try JSONDecoder().decode(CardProgress.self, from: Data("{}".utf8))
        #expect(decoded == .new)
        var p = CardProgress(reps: 4, lapses: 1, suspended: true, buriedUntil: Day("2026-02-01"), isLeech: true)
        p.schedule = CardSchedule(
            state: .review, step: nil, stability: 12.5, difficulty: 4.25, due: Self.start,
            lastReview: Self.start - 86400)
        let data = try JSONEncoder().encode(p)
        #expect(try JSONDecoder().decode(CardProgress.self, from: data) == p)
    }

    /// Small logs are replayed in order; large ones by partitions of cards, on several threads.
    @Test(arguments: [(50, 2000), (5000, 40000), (257, 16_385)])
    func replayGivesTheSameProgressAsLiveAnswersFuzzIncluded(cards: Int, reviews: Int) throws {
        let scheduler = try Scheduler(.default)
        let ids = (0..<cards).map { CardID("card\($0)") }
        let keys = ids.map(ReviewFuzz.cardKey)
        var live = [CardProgress](repeating: .new, count: ids.count)
        var log: [ReplayedReview] = []
        var rng = SeededGenerator(seed: 99)
        var time = Self.start
        for _ in 0..<reviews {
            let index = Int(rng.next() % UInt64(ids.count))
            let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
            time += Double(rng.next() % UInt64(400_000_000 / reviews))
            live[index].record(rating, at: time, cardID: ids[index], scheduler: scheduler, leech: LeechPolicy())
            log.append(ReplayedReview(card: Int32(index), rating: rating, time: time))
        }
        var replayed = [CardProgress](repeating: .new, count: ids.count)
        scheduler.replay(log, into: &replayed, cardKeys: keys, leech: LeechPolicy())
        #expect(replayed == live)
        // Fuzz did act: the same log without it gives other due dates.
        var unfuzzed = [CardProgress](repeating: .new, count: ids.count)
        try Scheduler(SchedulerConfiguration(enableFuzzing: false)).replay(
            log, into: &unfuzzed, cardKeys: keys, leech: LeechPolicy())
        #expect(unfuzzed.map(\.schedule?.due) != live.map(\.schedule?.due))
        #expect(unfuzzed.map(\.schedule?.stability) == live.map(\.schedule?.stability))
    }
}
