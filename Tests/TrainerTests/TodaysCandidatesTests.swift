import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

@testable import Trainer

/// The queue over today's candidates must be the queue over the whole deck, step after step.
struct TodaysCandidatesTests {
    @Test func candidateQueueEqualsTheWholeDeckQueueThroughDaysOfAnswers() throws {
        let directory = TemporaryDirectory("recall-candidates")
        let home = DataHome(root: directory.url)
        let cards = (0..<400).map { i in
            Card(
                kind: .faq, front: "Question \(i)?", back: "Answer \(i)",
                section: ["Part \(i / 40)", "Section \(i / 4)"])
        }
        let name = try DeckName("many")
        try DeckStore(home: home).save(Deck(title: "Many", cards: cards), as: name)
        let clock = FixedClock(iso: "2026-03-02T09:00:00Z")
        let utc = TimeZone(identifier: "UTC")!
        let progress = try DeckProgress.open(
            home: home, deck: name, clock: clock, random: SeededGenerator(seed: 3), timeZone: utc)
        defer { try? progress.close() }
        let candidates = TodaysCandidates(progress: progress)
        var rng = SeededGenerator(seed: 11)
        var compared = 0
        for day in 0..<12 {
            clock.set(
                ISO8601DateFormatter().date(from: "2026-03-02T09:00:00Z")!.addingTimeInterval(Double(day) * 86_400))
            for _ in 0..<60 {
                let whole = progress.queue(at: clock.now)
                let subset = candidates.queue(at: clock.now)
                #expect(subset.entries == whole.entries)
                #expect(subset.counts == whole.counts)
                compared += 1
                guard let next = whole.next else { break }
                let roll = rng.next() % 20
                if roll == 0 {
                    try progress.suspend(next.cardID)
                } else if roll == 1 {
                    try progress.bury(next.cardID)
                } else {
                    let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
                    try progress.answer(next.cardID, rating: rating, at: clock.now)
                }
                clock.advance(by: 40)
            }
        }
        #expect(compared > 300)
    }
}
