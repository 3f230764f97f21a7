import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

/// `DeckProgress.merge`: imported histories go into the log in time order, states recomputed.
struct MergeReviewsTests {
    func at(_ minutes: Double) -> Date { Date(timeIntervalSince1970: 1_700_000_000 + minutes * 86_400) }

    /// A deck where card 0 was answered on days 10 and 20, then suspended, unsuspended,
    /// answered on day 30 and that answer undone; card 2 answered on day 5.
    func studied(_ f: Fixture) throws -> [CardID] {
        let p = try f.open()
        let ids = p.deck.cards.map(\.id)
        try p.answer(ids[0], rating: .good, at: at(10))
        try p.answer(ids[2], rating: .hard, at: at(5))
        try p.answer(ids[0], rating: .again, at: at(20))
        try p.suspend(ids[0], at: at(21))
        try p.unsuspend(ids[0], at: at(22))
        try p.answer(ids[0], rating: .easy, at: at(30))
        try p.undo(at: at(30.5))
        try p.close()
        return ids
    }

    func older(_ ids: [CardID]) -> [ImportedReview] {
        [
            ImportedReview(card: ids[0], time: at(25), rating: .good, duration: 900),
            ImportedReview(card: ids[0], time: at(1), rating: .good),
            ImportedReview(card: ids[1], time: at(3), rating: .again),
            ImportedReview(card: ids[0], time: at(15), rating: .hard),
        ]
    }

    @Test func olderReviewsGiveTheStatesOfAnsweringAllInTimeOrder() throws {
        let f = try Fixture()
        let ids = try studied(f)
        let p = try f.open()
        let merge = try p.merge(older(ids))
        #expect(merge == ReviewMerge(imported: 4, duplicates: 0, recomputedCards: 1, rewroteLog: true))
        let inMemory = p.progress
        try p.close()

        // The same history answered from scratch, in time order.
        let g = try Fixture()
        let q = try g.open()
        try q.answer(ids[0], rating: .good, at: at(1))
        try q.answer(ids[1], rating: .again, at: at(3))
        try q.answer(ids[2], rating: .hard, at: at(5))
        try q.answer(ids[0], rating: .good, at: at(10))
        try q.answer(ids[0], rating: .hard, at: at(15))
        try q.answer(ids[0], rating: .again, at: at(20))
        try q.suspend(ids[0], at: at(21))
        try q.unsuspend(ids[0], at: at(22))
        try q.answer(ids[0], rating: .good, at: at(25))
        try q.answer(ids[0], rating: .easy, at: at(30))
        try q.undo(at: at(30.5))
        try q.close()

        let merged = try f.read()
        let expected = try g.read()
        #expect(merged.warnings.isEmpty)
        #expect(merged.progress == expected.progress)
        #expect(inMemory == expected.progress)
        // Card 0's entries, in log order, are the from-scratch chain (ids aside).
        let history = try merged.history()
        #expect(history.map(\.id) == Array(1...history.count))
        let chain = history.filter { $0.card == ids[0] }
        let reference = try expected.history().filter { $0.card == ids[0] }
        #expect(chain.map(\.kind) == reference.map(\.kind))
        #expect(chain.map(\.time) == reference.map(\.time))
        #expect(chain.map(\.before) == reference.map(\.before))
        #expect(chain.map(\.after) == reference.map(\.after))
        // The undo still takes back the day-30 review, under its new id.
        let undo = try #require(chain.last)
        let undone = try #require(history.first { $0.id == undo.undoes })
        #expect(undone.time == at(30) && undone.rating == .easy)
        #expect(merged.progress(of: ids[0]).suspended == false)
        // Card 2 was not touched: its entry is the one answered before the import.
        #expect(history.first { $0.card == ids[2] }?.after == expected.progress(of: ids[2]))
    }

    @Test func reloadingAfterARewriteParsesWithAndWithoutTheSnapshot() throws {
        let f = try Fixture()
        let ids = try studied(f)
        let p = try f.open()
        try p.merge(older(ids))
        try p.close()
        let withSnapshot = try f.read()
        #expect(withSnapshot.warnings.isEmpty)
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        let fromLog = try f.read()
        #expect(fromLog.warnings.isEmpty)
        #expect(fromLog.progress == withSnapshot.progress)
        // A session can go on answering after the import.
        let again = try f.open()
        try again.answer(ids[3], rating: .good, at: at(40))
        try again.close()
        #expect(try f.read().progress(of: ids[3]).reps == 1)
    }

    @Test func duplicatesAreSkippedAndLeaveTheLogAlone() throws {
        let f = try Fixture()
        let ids = try studied(f)
        let p = try f.open()
        let batch = older(ids) + [ImportedReview(card: ids[0], time: at(10), rating: .good)]
        let first = try p.merge(batch + [batch[0]])
        #expect(first.imported == 4 && first.duplicates == 2)
        let log = f.bytes(f.paths.log)
        let second = try p.merge(batch)
        #expect(second == ReviewMerge(imported: 0, duplicates: 5, recomputedCards: 0, rewroteLog: false))
        try p.close()
        #expect(f.bytes(f.paths.log) == log)
    }

    @Test func newerReviewsAreAppendedWithoutRewriting() throws {
        let f = try Fixture()
        let ids = try studied(f)
        let log = f.bytes(f.paths.log)
        let p = try f.open()
        let reviews = [
            ImportedReview(card: ids[0], time: at(35), rating: .good),
            ImportedReview(card: ids[1], time: at(2), rating: .good),
            ImportedReview(card: ids[0], time: at(31), rating: .hard),
        ]
        let merge = try p.merge(reviews)
        #expect(merge == ReviewMerge(imported: 3, duplicates: 0, recomputedCards: 0, rewroteLog: false))
        let before = p.progress(of: ids[0])
        try p.close()
        let after = f.bytes(f.paths.log)
        #expect(Array(after.prefix(log.count)) == log)
        let history = try f.read().history()
        #expect(history.suffix(3).map(\.time) == [at(2), at(31), at(35)])
        #expect(try f.read().progress(of: ids[0]) == before)
    }

    @Test func aFailedWriteLeavesTheOldLogAndSnapshot() throws {
        let f = try Fixture()
        let ids = try studied(f)
        let log = f.bytes(f.paths.log)
        let snapshot = f.bytes(f.paths.snapshot)
        let states = try f.read().progress
        // A directory where the temporary log would go makes its creation fail.
        let temp = f.paths.directory.appendingPathComponent(".reviews.jsonl.\(getpid()).tmp")
        try FileManager.default.createDirectory(at: temp, withIntermediateDirectories: false)
        let p = try f.open()
        #expect(throws: StorageError.self) { try p.merge(older(ids)) }
        #expect(p.progress == states)
        try p.close()
        #expect(f.bytes(f.paths.log) == log)
        #expect(f.bytes(f.paths.snapshot) == snapshot)
        try FileManager.default.removeItem(at: temp)
        #expect(try f.read().progress == states)
    }
}
