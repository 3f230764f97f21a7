import Flashcards
import Foundation
import Scheduling

/// A synthetic collection for the storage benchmark (`Benchmarks/storage.md`): a deck of
/// `cards` cards and a review log of `reviews` answers spread over the cards, ending before
/// `now`, with the snapshot and study index a session would have left. Deterministic for a seed.
public enum BenchmarkCollection {
    public static func generate(
        home: DataHome, deck name: DeckName, cards cardCount: Int, reviews reviewCount: Int, now: Date,
        seed: UInt64 = 1
    ) throws {
        let cards = (0..<cardCount).map { i in
            Card(
                kind: i % 5 == 0 ? .keypoint : .faq,
                front: "What does benchmark fact number \(i) say about the subject of section \(i / 40)?",
                back: "Fact \(i) holds that the answer is \(i * 7 % 1000), as the article explains in detail.",
                section: ["Chapter \(i / 400)", "Section \(i / 40)"])
        }
        let paths = ProgressPaths(home: home, deck: name)
        try FileManager.default.createDirectory(at: paths.directory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: paths.log)
        try? FileManager.default.removeItem(atPath: paths.snapshot)

        let scheduler = try Scheduler(.default)
        let leech = DeckSettings.default.leechPolicy
        var rng = SeededGenerator(seed: seed)
        var log = ProgressFormat.logHeader(deck: name)
        log.reserveCapacity(reviewCount * 440)
        var progress: [CardID: CardProgress] = [:]
        var id = 0
        let perCard = max(1, reviewCount / max(1, cardCount))
        let base = Date(timeIntervalSince1970: 0)
        for (index, card) in cards.enumerated() where id < reviewCount {
            // Simulate the card's answers from a fixed origin, then shift them so the last
            // one falls within the 60 days before `now` (FSRS only sees elapsed time).
            let count = index == cards.count - 1 ? reviewCount - id : min(perCard, reviewCount - id)
            var entries: [LogEntry] = []
            var p = CardProgress.new
            var time = base
            for _ in 0..<count {
                let roll = rng.next() % 100
                let rating: Rating = roll < 10 ? .again : roll < 25 ? .hard : roll < 85 ? .good : .easy
                let before = p
                p.record(rating, at: time, scheduler: scheduler, leech: leech, using: &rng)
                p.unsuspend()  // keep every card in play
                entries.append(
                    LogEntry(
                        id: 0, kind: .review, card: card.id, time: time, rating: rating,
                        duration: Int(rng.next() % 20_000), before: before, after: p))
                let due = p.schedule?.due ?? time
                time = Timestamp.truncated(due.addingTimeInterval(Double(rng.next() % 3600)))
            }
            let last = entries.last?.time ?? base
            let shift = now.addingTimeInterval(-Double(rng.next() % (60 * 86400)) - 3600).timeIntervalSince(last)
            for var entry in entries {
                id += 1
                entry.id = id
                entry.time = Timestamp.truncated(entry.time + shift)
                entry.before.shift(by: shift)
                entry.after.shift(by: shift)
                log += entry.line()
                progress[card.id] = entry.after
            }
        }
        try AtomicFile.write(Data(log), to: URL(fileURLWithPath: paths.log))
        let lines = id + 1
        let snapshot = Snapshot(
            deck: name.slug, log: LogPosition(bytes: log.count, lines: lines, lastID: id), cards: progress)
        try AtomicFile.write(Data(snapshot.encoded()), to: URL(fileURLWithPath: paths.snapshot))
        // Saved last, as a studied deck is: the save finds the progress and writes the study
        // index a session would have left, so the collection starts in its steady state.
        try DeckStore(home: home).save(Deck(title: "Benchmark", cards: cards), as: name)
    }

    /// Reads a deck's whole review log, strictly, keeping nothing: the files' read speed.
    /// - Returns: bytes and entries read.
    public static func readLog(home: DataHome, deck name: DeckName) throws -> (bytes: Int, entries: Int) {
        let paths = ProgressPaths(home: home, deck: name)
        var entries = 0
        _ = try ReviewLogReader.scan(paths.log, after: nil) { _ in entries += 1 }
        return (FileBytes.size(paths.log) ?? 0, entries)
    }

    /// Reads a deck's snapshot file, strictly. - Returns: bytes and cards read.
    public static func readSnapshot(home: DataHome, deck name: DeckName) throws -> (bytes: Int, cards: Int) {
        let paths = ProgressPaths(home: home, deck: name)
        let snapshot = try Snapshot.read(paths.snapshot)
        return (FileBytes.size(paths.snapshot) ?? 0, snapshot?.cards.count ?? 0)
    }
}

extension CardProgress {
    fileprivate mutating func shift(by seconds: TimeInterval) {
        guard var s = schedule else { return }
        s.due = Timestamp.truncated(s.due + seconds)
        s.lastReview = s.lastReview.map { Timestamp.truncated($0 + seconds) }
        schedule = s
    }
}
