import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

/// Saving a studied deck brings its study index up to date (`StudyIndex.refresh`): the next
/// listing reads the index and lists what the JSON files give; nothing about the save changes
/// when the index cannot be written.
struct IndexRefreshTests {
    /// The deck rebuilt: cards reordered, one removed (its progress orphaned), two added.
    static func rebuilt(_ deck: Deck) -> Deck {
        var deck = deck
        deck.cards.swapAt(0, 10)
        deck.cards.remove(at: 3)
        deck.cards.append(Card(kind: .faq, front: "A new question?", back: "New.", section: ["Part 1", "Sub 0"]))
        deck.cards.insert(Card(kind: .keypoint, front: "Another one", back: "Yes.", section: []), at: 5)
        return deck
    }

    func isCurrent(_ f: Fixture) -> Bool {
        guard case .success(let index) = StudyIndex.read(f.paths.studyIndex) else { return false }
        return index.isCurrent(paths: f.paths, deckPath: DeckStore(home: f.home).url(for: f.name).path)
    }

    @Test(arguments: [1, 2] as [UInt64]) func savingARebuiltDeckRefreshesTheIndex(seed: UInt64) throws {
        let f = try StudyIndexTests.studied(seed: seed)
        try f.save(Self.rebuilt(try f.read().deck))
        #expect(isCurrent(f))
        try StudyIndexTests.expectSame(f, usingIndex: true)
        #expect(try f.read().orphans.count == 1)
    }

    /// The storage benchmark's collection starts as a studied deck is left: with a current
    /// index that lists what its JSON files give.
    @Test func theBenchmarkCollectionStartsWithACurrentIndex() throws {
        let f = try Fixture(deck: "bench")
        try BenchmarkCollection.generate(home: f.home, deck: f.name, cards: 300, reviews: 3000, now: f.clock.now)
        #expect(isCurrent(f))
        try StudyIndexTests.expectSame(f, usingIndex: true)
    }

    @Test func saveIfChangedRefreshesOnlyWhenItWrites() throws {
        let f = try StudyIndexTests.studied()
        let store = DeckStore(home: f.home)
        let deck = Self.rebuilt(try f.read().deck)
        #expect(try store.saveIfChanged(deck, as: f.name))
        #expect(isCurrent(f))
        try StudyIndexTests.expectSame(f, usingIndex: true)
        let index = FileIdentity.of(f.paths.studyIndex)
        #expect(try !store.saveIfChanged(deck, as: f.name))
        #expect(FileIdentity.of(f.paths.studyIndex) == index)
    }

    @Test func aSnapshotlessLogAndAnUnsnapshottedTailAreIncluded() throws {
        let f = try StudyIndexTests.studied()
        let p = try f.open()
        try p.answer(p.deck.cards[7].id, rating: .again)
        try p.close(snapshotAfter: .max)
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        try f.save(Self.rebuilt(try f.read().deck))
        #expect(isCurrent(f))
        try StudyIndexTests.expectSame(f, usingIndex: true)
    }

    /// A session that edits a card saves the deck (refreshing the index) and then answers on;
    /// closing it must not put back an index of the deck as it was opened.
    @Test func aSessionThatEditedTheDeckLeavesTheIndexCurrent() throws {
        let f = try StudyIndexTests.studied()
        let p = try f.open()
        try p.answer(p.deck.cards[2].id, rating: .good)
        var deck = try DeckStore(home: f.home).load(f.name)
        deck.cards[4].front = "An edited question?"
        try DeckStore(home: f.home).save(deck, as: f.name)
        try p.answer(p.deck.cards[3].id, rating: .hard)
        f.clock.advance(by: 60)
        try p.close()
        #expect(isCurrent(f))
        try StudyIndexTests.expectSame(f, usingIndex: true)
        #expect(try StudyIndexTests.listing(f, at: f.clock.now.addingTimeInterval(86400 * 30)).text.contains("edited"))
    }

    @Test func aDeckWithoutProgressGetsNoIndex() throws {
        let f = try Fixture(cards: 4)
        try f.save(Fixture.deck(9))
        #expect(!FileBytes.exists(f.paths.directory.path))
    }

    @Test func damagedProgressLeavesTheIndexAloneAndTheSaveSucceeds() throws {
        let f = try StudyIndexTests.studied()
        let before = f.bytes(f.paths.studyIndex)
        var log = f.bytes(f.paths.log)
        let line = log.firstIndex(of: 0x0A)! + 1
        // A damaged line in the middle, and no snapshot past it: a full load stops with an error.
        log[line + 2] = 0x21
        try f.write(f.paths.log, log)
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        let deck = Self.rebuilt(try DeckStore(home: f.home).load(f.name))
        try f.save(deck)
        #expect(try DeckStore(home: f.home).load(f.name) == deck)
        let untouched = f.bytes(f.paths.studyIndex) == before
        #expect(untouched)
        #expect(!isCurrent(f))
        #expect(throws: StorageError.self) { try StudyListing.read(home: f.home, deck: f.name) }
    }

    @Test func anIndexThatCannotBeWrittenIsNoErrorForTheSave() throws {
        let f = try StudyIndexTests.studied()
        try FileManager.default.removeItem(atPath: f.paths.studyIndex)
        try FileManager.default.createDirectory(
            atPath: f.paths.studyIndex + "/inside", withIntermediateDirectories: true)
        let deck = Self.rebuilt(try f.read().deck)
        try f.save(deck)
        #expect(try DeckStore(home: f.home).load(f.name) == deck)
        let stray = try FileManager.default.contentsOfDirectory(atPath: f.paths.directory.path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(stray.isEmpty)
    }
}
