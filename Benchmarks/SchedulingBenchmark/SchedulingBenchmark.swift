import Flashcards
import Foundation
import Scheduling

/// Benchmark goal (a) of issue 3: replaying a parsed review log into card states.
///
/// Generates a collection (default 100,000 cards, 1,000,000 reviews, seeded), then times
/// `Scheduler.replay` over the whole log several times and prints the best and median rate.
/// Usage: `swift run -c release SchedulingBenchmark [cards] [reviews] [runs]`.
@main
struct SchedulingBenchmark {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
        let cardCount = arguments.count > 0 ? arguments[0] : 100_000
        let reviewCount = arguments.count > 1 ? arguments[1] : 1_000_000
        let runs = arguments.count > 2 ? arguments[2] : 7

        let scheduler = try Scheduler(.default)
        let leech = LeechPolicy()
        let generated = generate(cards: cardCount, reviews: reviewCount, scheduler: scheduler, leech: leech)
        print("collection: \(cardCount) cards, \(generated.log.count) reviews (seeded), fuzz on")

        for (label, s) in [
            ("fuzz on ", scheduler), ("fuzz off", try Scheduler(SchedulerConfiguration(enableFuzzing: false))),
        ] {
            var rates: [Double] = []
            var cpuRates: [Double] = []
            var check = 0.0
            for _ in 0..<runs {
                var progress = [CardProgress](repeating: .new, count: cardCount)
                let start = DispatchTime.now().uptimeNanoseconds
                let cpuStart = processCPUSeconds()
                s.replay(generated.log, into: &progress, cardKeys: generated.keys, leech: leech)
                let cpu = processCPUSeconds() - cpuStart
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                rates.append(Double(generated.log.count) / seconds)
                cpuRates.append(Double(generated.log.count) / cpu)
                check = progress.reduce(0) { $0 + ($1.schedule?.stability ?? 0) }
                if label == "fuzz on " && progress != generated.final {
                    print("error: replay differs from the live answers")
                    exit(1)
                }
            }
            rates.sort()
            cpuRates.sort()
            let fmt = { (x: Double) in String(format: "%.2f M reviews/s", x / 1e6) }
            print(
                "replay \(label): wall best \(fmt(rates[rates.count - 1])), median \(fmt(rates[rates.count / 2])); "
                    + "on-CPU best \(fmt(cpuRates[cpuRates.count - 1])), median \(fmt(cpuRates[cpuRates.count / 2]))"
                    + "  (check \(String(format: "%.6g", check)))")
        }
        timeSingleCard(scheduler: scheduler, log: generated.log, runs: runs)
        let lastAnswer = generated.log.last?.time ?? Date()
        timeQueue(ids: generated.ids, progress: generated.final, now: lastAnswer, runs: runs)
    }

    /// The FSRS step alone: the log's ratings and time gaps applied to one card that stays in
    /// cache, for the compute cost per review without the collection's memory traffic.
    static func timeSingleCard(scheduler: Scheduler, log: [ReplayedReview], runs: Int) {
        var best = Double.infinity
        var check = 0.0
        let id = CardID("0123456789ab")
        for _ in 0..<runs {
            var card = CardProgress.new
            var time = Date(timeIntervalSince1970: 1_600_000_000)
            var previous = log.first?.time ?? time
            let start = processCPUSeconds()
            for review in log {
                // Same-day gaps and day gaps as in the log, but on one card.
                time += max(60, min(review.time.timeIntervalSince(previous), 400 * 86400))
                previous = review.time
                // The non-generic entry point: a generic call from another module is not specialized.
                card.record(review.rating, at: time, cardID: id, scheduler: scheduler, leech: LeechPolicy())
            }
            best = min(best, processCPUSeconds() - start)
            check += card.schedule?.stability ?? 0
        }
        print(
            String(
                format: "FSRS step alone (one card in cache, fuzz on): %.0f ns of CPU per review (check %.4g)",
                best / Double(log.count) * 1e9, check))
    }

    /// CPU time of the process (all threads): on a shared machine, the time the replay actually ran.
    static func processCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Times building the study queue over the whole collection, as a session does after
    /// each answer (not a goal of issue 3; a number for the REPL's 10 ms budget).
    static func timeQueue(ids: [CardID], progress: [CardProgress], now: Date, runs: Int) {
        let cards = ids.enumerated().map { index, id in
            Card(id: id, kind: .faq, front: "Q\(index)?", back: "A", section: ["S\(index / 5)"])
        }
        var byID: [CardID: CardProgress] = [:]
        for (id, p) in zip(ids, progress) { byID[id] = p }
        var times: [Double] = []
        var counts = StudyQueue.Counts(new: 0, learning: 0, review: 0)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let queue = StudyQueue(
                cards: cards, progress: byID, answers: [], settings: .default, now: now,
                timeZone: TimeZone(identifier: "Europe/Berlin") ?? .current)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            counts = queue.counts
        }
        times.sort()
        print(
            String(
                format: "study queue over %d cards: median %.1f ms, best %.1f ms (due %d, learning %d, new %d)",
                cards.count, times[times.count / 2], times[0], counts.review, counts.learning, counts.new))
    }

    /// A seeded collection: each card answered about `reviews / cards` times, mostly near its
    /// due time (some early, some late, a few the same day), ratings weighted like a real
    /// learner's; the log is in time order, as a real one is. Also returns the live result.
    static func generate(cards: Int, reviews: Int, scheduler: Scheduler, leech: LeechPolicy)
        -> (log: [ReplayedReview], ids: [CardID], keys: [UInt64], final: [CardProgress])
    {
        var rng = SeededGenerator(seed: 20_261_129)
        let ids = (0..<cards).map { CardID(String(format: "%012x", $0 &* 2_654_435_761)) }
        let keys = ids.map(ReviewFuzz.cardKey)
        let epoch = Date(timeIntervalSince1970: 1_600_000_000)
        var progress = [CardProgress](repeating: .new, count: cards)
        var log: [ReplayedReview] = []
        log.reserveCapacity(reviews)
        let perCard = reviews / cards
        let extra = reviews % cards
        for card in 0..<cards {
            var time = epoch + Double(rng.next() % (3 * 365 * 86400))
            for _ in 0..<(perCard + (card < extra ? 1 : 0)) {
                let roll = rng.next() % 100
                let rating: Rating = roll < 10 ? .again : roll < 20 ? .hard : roll < 85 ? .good : .easy
                var fuzz = ReviewFuzz.generator(cardKey: keys[card], at: time)
                progress[card].record(rating, at: time, scheduler: scheduler, leech: leech, using: &fuzz)
                log.append(ReplayedReview(card: Int32(card), rating: rating, time: time))
                let due = progress[card].schedule?.due ?? time
                let interval = max(due.timeIntervalSince(time), 60)
                // On time 60%, late 25%, early 10%, same day 5%; whole seconds.
                let timing = rng.next() % 100
                let next: Double
                if timing < 60 {
                    next = interval
                } else if timing < 85 {
                    next = interval * (1 + rng.nextUnit())
                } else if timing < 95 {
                    next = interval * (0.5 + 0.5 * rng.nextUnit())
                } else {
                    next = 60 + Double(rng.next() % 20_000)
                }
                time = time + next.rounded()
            }
        }
        // A real log is in time order across cards; replaying it so touches cards at random.
        let order = log.indices.sorted { log[$0].time < log[$1].time }
        return (order.map { log[$0] }, ids, keys, progress)
    }
}
