import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

struct RebuiltDeckTests {
    @Test func survivingCardsKeepProgressRemovedOnesAreOrphanedNewOnesStartNew() throws {
        let f = try Fixture(cards: 6)
        let saved = try f.answer(3)
        let ids = Fixture.deck(6).cards.map(\.id)
        let before = try f.read()

        // Rebuild: card 1 removed, card 0's answer edited (same question, same id), card 6 new.
        var edited = Fixture.card(0)
        edited.back = "A better answer."
        try f.save(Deck(title: "Sample", cards: [edited, Fixture.card(2), Fixture.card(6)]))

        let after = try f.read()
        #expect(after.progress(of: ids[0]) == before.progress(of: ids[0]))
        #expect(after.progress(of: ids[2]) == before.progress(of: ids[2]))
        #expect(after.progress(of: Fixture.card(6).id).isNew)
        #expect(after.orphans == [ids[1]])
        #expect(!after.queue().entries.contains { $0.cardID == ids[1] })
        // The orphan's history stays in the log.
        #expect(try after.history().map(\.card) == saved.map(\.card))
        let notes = ProgressDoctor(home: f.home).check()
        #expect(notes.contains { $0.severity == .note && $0.message.hasPrefix("1 card(s) with history") })

        // Answering it is refused; a session on the rebuilt deck keeps its progress on disk.
        let p = try f.open()
        #expect(throws: StorageError.unknownCard(id: ids[1].rawValue, deck: "sample")) {
            try p.answer(ids[1], rating: .good)
        }
        try p.answer(Fixture.card(6).id, rating: .good)
        try p.close()

        // A later rebuild that brings the question back brings its progress back.
        try f.save(Fixture.deck(7))
        let restored = try f.read()
        #expect(restored.orphans.isEmpty)
        #expect(restored.progress(of: ids[1]) == before.progress(of: ids[1]))
        #expect(restored.progress(of: Fixture.card(6).id).reps == 1)
    }
}
