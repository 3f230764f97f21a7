import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

struct DeckProgressTests {
    @Test func answerIsOnDiskAndReloads() throws {
        let f = try Fixture()
        let p = try f.open()
        let card = p.deck.cards[0]
        let entry = try p.answer(card.id, rating: .good, duration: 2300)
        #expect(entry.id == 1)
        #expect(entry.before.isNew)
        #expect(entry.after.reps == 1)
        // Before any close, the log alone has it.
        let log = try f.dir.read("Progress/sample/reviews.jsonl")
        #expect(log.split(separator: "\n").count == 2)
        #expect(log.contains("\"duration\":2300"))
        let reread = try f.read()
        #expect(reread.progress(of: card.id) == p.progress(of: card.id))
        try p.close()
        #expect(f.dir.exists("Progress/sample/snapshot.json"))
        #expect(try f.read().progress == p.progress)
    }

    @Test func snapshotPlusTailEqualsWholeLog() throws {
        let f = try Fixture(cards: 10)
        try f.answer(5)
        try f.answer(8, snapshot: false)
        let withSnapshot = try f.read()
        #expect(withSnapshot.warnings.isEmpty)
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        let fromLog = try f.read()
        #expect(fromLog.progress == withSnapshot.progress)
        #expect(fromLog.warnings.isEmpty)
        #expect(try fromLog.history().count == 13)
    }

    @Test func historyIsKeptInFull() throws {
        let f = try Fixture()
        try f.answer(3)
        try f.answer(3)
        let history = try f.read().history()
        #expect(history.map(\.id) == Array(1...6))
        #expect(history.allSatisfy { $0.kind == .review && $0.duration == 1500 })
        #expect(history[3].before == history[0].after)
    }

    @Test func undoTakesBackTheLastAnswerOnDiskToo() throws {
        let f = try Fixture()
        let p = try f.open()
        let a = p.deck.cards[0].id
        let b = p.deck.cards[1].id
        try p.answer(a, rating: .good)
        let second = try p.answer(b, rating: .easy)
        let undo = try p.undo()
        #expect(undo.kind == .undo && undo.undoes == second.id && undo.card == b)
        #expect(p.progress(of: b).isNew)
        try p.undo()
        #expect(p.progress(of: a).isNew)
        #expect(throws: StorageError.nothingToUndo) { try p.undo() }
        try p.close()
        let reread = try f.read()
        #expect(reread.progress(of: a).isNew && reread.progress(of: b).isNew)
        #expect(try reread.history().map(\.kind) == [.review, .review, .undo, .undo])
        // Undone answers no longer count toward today's new-card limit.
        #expect(reread.queue().counts.new == 6)
    }

    @Test func suspendAndBuryAreLoggedAndReplayed() throws {
        let f = try Fixture()
        let p = try f.open()
        let ids = p.deck.cards.map(\.id)
        try p.suspend(ids[0])
        try p.bury(ids[1])
        #expect(!p.queue().entries.contains { $0.cardID == ids[0] || $0.cardID == ids[1] })
        try p.close()
        let reread = try f.read()
        #expect(reread.progress(of: ids[0]).suspended)
        #expect(reread.progress(of: ids[1]).buriedUntil == Day(2026, 3, 2))
        let again = try f.open()
        try again.unsuspend(ids[0])
        try again.close()
        #expect(try f.read().progress(of: ids[0]).suspended == false)
    }

    @Test func unknownCardIsRefused() throws {
        let f = try Fixture()
        let p = try f.open()
        #expect(throws: StorageError.unknownCard(id: "nope", deck: "sample")) {
            try p.answer(CardID("nope"), rating: .good)
        }
    }

    @Test func secondSessionIsRefusedNamingTheHolder() throws {
        let f = try Fixture()
        let first = try f.open()
        do {
            _ = try f.open()
            Issue.record("a second session opened")
        } catch let error as StorageError {
            #expect(error == .locked(path: f.paths.lock, pid: getpid()))
            #expect(error.description.contains("pid \(getpid())"))
        }
        try first.close()
        let second = try f.open()
        try second.close()
    }

    @Test func readOnlyProgressCannotAnswer() throws {
        let f = try Fixture()
        let p = try f.read()
        #expect(throws: StorageError.self) { try p.answer(p.deck.cards[0].id, rating: .good) }
    }

    @Test func settingsComeFromTheFileOrDefaults() throws {
        let f = try Fixture()
        #expect(try f.read().settings == .default)
        try f.dir.write("Progress/sample/settings.json", #"{"format":1,"newPerDay":2}"#)
        let p = try f.read()
        #expect(p.settings.newPerDay == 2)
        #expect(p.queue().counts.new == 2)
    }

    @Test func injectedRandomDrivesFuzz() throws {
        let f = try Fixture()
        // Review-state answers with a long interval are fuzzed; with the same seed, the same dates.
        func run() throws -> [Date?] {
            let dir = try Fixture()
            let p = try DeckProgress.open(
                home: dir.home, deck: dir.name, clock: dir.clock, random: SeededGenerator(seed: 7),
                timeZone: TimeZone(identifier: "UTC")!)
            var dues: [Date?] = []
            let id = p.deck.cards[0].id
            for _ in 0..<6 {
                dir.clock.advance(by: 40 * 86400)
                dues.append(try p.answer(id, rating: .easy).after.schedule?.due)
            }
            try p.close()
            return dues
        }
        _ = f
        #expect(try run() == run())
    }
}

extension Day {
    init?(_ y: Int, _ m: Int, _ d: Int) { self.init(year: y, month: m, day: d) }
}
