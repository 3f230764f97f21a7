import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

/// The study index (`Progress/<slug>/index.bin`) against the JSON files it caches: the same
/// queue and questions either way, and any stale, damaged or foreign index ignored.
struct StudyIndexTests {
    static let utc = TimeZone(identifier: "UTC")!

    /// A deck with key points, FAQs and cards without a section; answered over several days
    /// with every rating, some suspended, buried and left in learning, siblings answered on
    /// the last day. Closed, so the index is written.
    static func studied(cards: Int = 60, seed: UInt64 = 7) throws -> Fixture {
        let f = try Fixture(cards: 1)
        let cards = (0..<cards).map { i in
            Card(
                kind: i % 4 == 0 ? .keypoint : .faq, front: "Question \(i) \(i % 6 == 0 ? "é\u{1B}[31m" : "")?",
                back: "Answer \(i).", section: i % 7 == 3 ? [] : ["Part \(i % 5)", "Sub \(i % 2)"])
        }
        try f.save(Deck(title: "Studied", cards: cards))
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<4 {
            let p = try f.open()
            for card in cards where rng.next() % 3 == 0 {
                f.clock.advance(by: Double(rng.next() % 600))
                let rating = Rating(rawValue: Int(rng.next() % 4) + 1)!
                try p.answer(card.id, rating: rating, duration: 1000)
                switch rng.next() % 12 {
                case 0: try p.suspend(card.id)
                case 1: try p.bury(card.id)
                default: break
                }
            }
            try p.close()
            f.clock.advance(by: 86400 * Double(1 + rng.next() % 3))
        }
        // Today: a few answers (siblings of other cards), one of them undone.
        let p = try f.open()
        for card in cards.prefix(9) where rng.next() % 2 == 0 { try p.answer(card.id, rating: .good) }
        try p.undo()
        try p.close()
        return f
    }

    /// What `recall due` prints, from the index when it is usable.
    static func listing(_ f: Fixture, at time: Date) throws -> (text: String, usedIndex: Bool) {
        let l = try StudyListing.read(home: f.home, deck: f.name, clock: f.clock, timeZone: utc)
        let q = l.queue(at: time)
        let fronts = l.fronts(of: q.entries.map(\.cardID))
        l.saveIndex()
        #expect(q.entries.first.map { l.front(of: $0.cardID) } == fronts.first)
        return (render(q, fronts), l.usedIndex)
    }

    /// The same from the JSON files alone.
    static func reference(_ f: Fixture, at time: Date) throws -> String {
        let p = try f.read()
        let q = p.queue(at: time)
        return render(q, q.entries.map { p.card($0.cardID)?.front })
    }

    static func render(_ q: StudyQueue, _ fronts: [String?]) -> String {
        var out = "\(q.counts) \(q.answeredToday) next \(String(describing: q.nextDue))\n"
        for (e, front) in zip(q.entries, fronts) {
            out += "\(e.kind)\t\(e.cardID)\t\(String(describing: e.due))\t\(front ?? "-")\n"
        }
        return out
    }

    static func expectSame(_ f: Fixture, usingIndex: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for (k, hours): (Int, Double) in [-30.0, 0, 0.5, 5, 26, 24 * 9].enumerated() {
            let time = f.clock.now.addingTimeInterval(hours * 3600)
            let got = try listing(f, at: time)
            let expected = try reference(f, at: time)
            #expect(got.text == expected, sourceLocation: sourceLocation)
            // A listing without the index writes it, so the next one has it.
            #expect(got.usedIndex == (usingIndex || k > 0), sourceLocation: sourceLocation)
        }
    }

    /// The index is written as it is encoded, its checksum computed piece by piece: the same
    /// as over the whole bytes, however they are cut.
    @Test func checksumInPiecesIsTheChecksumOfTheWhole() {
        var rng = SeededGenerator(seed: 11)
        for length in [0, 1, 31, 32, 33, 64, 100, 1000, 4099] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
            let whole = bytes.withUnsafeBytes { StudyIndex.checksum($0) }
            for _ in 0..<20 {
                var sum = StudyIndex.StreamingChecksum()
                var at = 0
                while at < length {
                    let n = min(length - at, Int(rng.next() % 70))
                    bytes.withUnsafeBytes { sum.update(UnsafeRawBufferPointer(rebasing: $0[at..<at + n])) }
                    at += n
                }
                #expect(sum.finish() == whole)
            }
        }
    }

    @Test func indexRoundTripsEveryField() throws {
        let f = try Self.studied()
        let p = try f.read()
        guard case .success(let index) = StudyIndex.read(f.paths.studyIndex) else {
            Issue.record("no index written")
            return
        }
        #expect(index.cardCount == p.deck.cards.count)
        for (i, card) in p.deck.cards.enumerated() {
            #expect(index.cardID(i) == card.id)
            #expect(index.front(i) == card.front)
            #expect(index.isKeypoint(i) == (card.kind == .keypoint))
            #expect(index.progressRecord(ofCard: i).map(index.progress) == p.progress[card.id])
            #expect(index.positions(of: card.id) == [i])
        }
        let all = (0..<index.progressCount).map { (index.progressID($0), index.progress($0)) }
        #expect(Dictionary(uniqueKeysWithValues: all) == p.progress)
        #expect(p.progress.values.contains { $0.suspended } && p.progress.values.contains { $0.buriedUntil != nil })
        #expect(index.positions(of: CardID("nope")).isEmpty)
    }

    @Test func sectionsGroupExactlyTheSameSections() throws {
        let f = try Self.studied()
        let p = try f.read()
        guard case .success(let index) = StudyIndex.read(f.paths.studyIndex) else {
            Issue.record("no index written")
            return
        }
        for (i, a) in p.deck.cards.enumerated() {
            #expect((index.section(i) == 0) == a.section.isEmpty)
            for (j, b) in p.deck.cards.enumerated() where !a.section.isEmpty && !b.section.isEmpty {
                #expect((index.section(i) == index.section(j)) == (a.section == b.section))
            }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64]) func dueIsTheSameWithAndWithoutTheIndex(seed: UInt64) throws {
        let f = try Self.studied(seed: seed)
        try Self.expectSame(f, usingIndex: true)
        try FileManager.default.removeItem(atPath: f.paths.studyIndex)
        try Self.expectSame(f, usingIndex: false)
        // The full read wrote it again.
        #expect(FileBytes.exists(f.paths.studyIndex))
        try Self.expectSame(f, usingIndex: true)
    }

    @Test func appendedLogIsReplayedAfterTheIndex() throws {
        let f = try Self.studied()
        let p = try f.open()
        let id = p.deck.cards[5].id
        try p.answer(id, rating: .again)
        try p.suspend(p.deck.cards[6].id)
        try p.close(snapshotAfter: .max)
        #expect(StudyIndex.peekBasis(f.paths.studyIndex)?.log.bytes ?? 0 < FileBytes.size(f.paths.log) ?? 0)
        try Self.expectSame(f, usingIndex: true)
    }

    @Test func staleDeckFallsBackToTheFiles() throws {
        let f = try Self.studied()
        var deck = try f.read().deck
        deck.cards.swapAt(0, 10)
        deck.cards.removeLast()
        try Self.saveBehindTheIndex(deck, f)
        try Self.expectSame(f, usingIndex: false)
    }

    @Test func rewrittenLogFallsBackToTheFiles() throws {
        let f = try Self.studied()
        // Same bytes, new inode (an atomic rewrite).
        try AtomicFile.write(Data(f.bytes(f.paths.log)), to: URL(fileURLWithPath: f.paths.log))
        #expect(try Self.listing(f, at: f.clock.now).usedIndex == false)
        try Self.expectSame(f, usingIndex: true)  // written anew by the fallback
    }

    @Test func logCutAndRegrownInPlaceFallsBack() throws {
        let f = try Self.studied()
        var log = f.bytes(f.paths.log)
        let covered = StudyIndex.peekBasis(f.paths.studyIndex)!.log.bytes
        // The end of the last line changed in place (same inode, same length), as when a log
        // is cut back and other answers appended.
        log[covered - 3] ^= 0x01
        let h = try FileHandle(forWritingTo: URL(fileURLWithPath: f.paths.log))
        try h.write(contentsOf: Data(log))
        try h.close()
        #expect(
            StudyIndex.read(f.paths.studyIndex).map { $0.isCurrent(paths: f.paths, deckPath: deckPath(f)) }
                == .success(false))
    }

    func deckPath(_ f: Fixture) -> String { DeckStore(home: f.home).url(for: f.name).path }

    /// Writes the deck file as another program would (`DeckStore.save` refreshes the index).
    static func saveBehindTheIndex(_ deck: Deck, _ f: Fixture) throws {
        try AtomicFile.write(DeckStore.encode(deck), to: DeckStore(home: f.home).url(for: f.name))
    }

    @Test(arguments: ["truncated", "flipped", "version", "empty", "garbage", "huge count"])
    func damagedIndexIsIgnored(damage: String) throws {
        let f = try Self.studied()
        var bytes = f.bytes(f.paths.studyIndex)
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "flipped": bytes[bytes.count / 2] ^= 0x40
        case "version": bytes[8] = 99
        case "empty": bytes = []
        case "garbage": bytes = Array(repeating: 0xAB, count: 5000)
        default: bytes.replaceSubrange(168..<176, with: [0xFF, 0xFF, 0xFF, 0x7F, 0, 0, 0, 0])
        }
        try f.write(f.paths.studyIndex, bytes)
        guard case .failure(.damaged) = StudyIndex.read(f.paths.studyIndex) else {
            Issue.record("damage '\(damage)' not noticed")
            return
        }
        let time = f.clock.now
        let got = try Self.listing(f, at: time)
        #expect(got.usedIndex == false)
        #expect(got.text == (try Self.reference(f, at: time)))
        // Rebuilt by that full read.
        #expect(try Self.listing(f, at: time).usedIndex)
        #expect(ProgressDoctor(home: f.home).check().allSatisfy { !$0.path.hasSuffix("index.bin") })
    }

    /// A record out of bounds in an index whose checksum is right (written by a faulty program,
    /// or by hand): refused, and its memory freed once (it used to be freed by the failed
    /// initializer's `deinit` and again by `read`, a double free).
    @Test func recordOutOfBoundsUnderAGoodChecksumIsRefused() throws {
        let f = try Self.studied()
        var bytes = f.bytes(f.paths.studyIndex)
        let at = StudyIndex.headerSize
        bytes.replaceSubrange(at..<at + 4, with: [0xFF, 0xFF, 0xFF, 0x7F])
        let sum = bytes.withUnsafeBytes { StudyIndex.checksum(UnsafeRawBufferPointer(rebasing: $0[32...])) }
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
        try f.write(f.paths.studyIndex, bytes)
        for _ in 0..<3 {
            guard case .failure(.damaged(let why)) = StudyIndex.read(f.paths.studyIndex) else {
                Issue.record("a card record out of bounds was not noticed")
                return
            }
            #expect(why == "card record 0 out of bounds")
        }
        let time = f.clock.now
        #expect(try Self.listing(f, at: time).text == (try Self.reference(f, at: time)))
    }

    @Test func anIndexThatCannotBeWrittenIsNoError() throws {
        let f = try Self.studied()
        // Something the index cannot be renamed over (as good as a read-only directory, which
        // root, running these tests, would not be refused).
        try FileManager.default.removeItem(atPath: f.paths.studyIndex)
        try FileManager.default.createDirectory(
            atPath: f.paths.studyIndex + "/inside", withIntermediateDirectories: true)
        let time = f.clock.now
        let got = try Self.listing(f, at: time)
        #expect(!got.usedIndex)
        #expect(got.text == (try Self.reference(f, at: time)))
        let p = try f.open()
        try p.answer(p.deck.cards[1].id, rating: .easy)
        try p.close()
        let light = try DeckProgress.open(home: f.home, deck: f.name, clock: f.clock, withoutDeck: true)
        try light.answer(light.deck.cards[2].id, rating: .easy)
        try light.close()
        #expect(try Self.listing(f, at: time).text == (try Self.reference(f, at: time)))
        let stray = try FileManager.default.contentsOfDirectory(atPath: f.paths.directory.path)
            .filter { $0.hasSuffix(".tmp") }
        #expect(stray.isEmpty)
    }

    @Test func doctorSaysWhatTheIndexIs() throws {
        let f = try Self.studied()
        #expect(ProgressDoctor(home: f.home).check().isEmpty)
        try f.write(f.paths.studyIndex, [1, 2, 3])
        let damaged = ProgressDoctor(home: f.home).check().filter { $0.path == f.paths.studyIndex }
        #expect(damaged.map(\.severity) == [.note])
        #expect(damaged.first?.message.contains("rebuilt automatically") == true)
        try FileManager.default.removeItem(atPath: f.paths.studyIndex)
        _ = try f.read()
        var deck = try f.read().deck
        deck.cards.removeLast()
        try Self.saveBehindTheIndex(deck, f)
        let stale = ProgressDoctor(home: f.home).check().filter { $0.path == f.paths.studyIndex }
        #expect(stale.first?.message.contains("stale") == true)
    }

    @Test func answeringWithoutTheDeckIsTheSameAnswer() throws {
        let a = try Self.studied()
        let b = try Self.studied()
        let ids = try a.read().deck.cards.map(\.id)
        for (k, id) in ids.enumerated() where k % 3 == 0 {
            let full = try a.open()
            let light = try DeckProgress.open(
                home: b.home, deck: b.name, clock: b.clock, timeZone: Self.utc, withoutDeck: true)
            #expect(full.progress == light.progress)
            let x = try full.answer(id, rating: .hard, duration: 10)
            let y = try light.answer(id, rating: .hard, duration: 10)
            #expect(x == y)
            try full.close(snapshotAfter: 5)
            try light.close(snapshotAfter: 5)
            a.clock.advance(by: 3000)
            b.clock.advance(by: 3000)
        }
        #expect(a.bytes(a.paths.log) == b.bytes(b.paths.log))
        #expect(try a.read().progress == b.read().progress)
        try Self.expectSame(b, usingIndex: true)
        let light = try DeckProgress.open(home: b.home, deck: b.name, clock: b.clock, withoutDeck: true)
        #expect(throws: StorageError.self) { try light.answer(CardID("nope"), rating: .good) }
        #expect(light.orphans.isEmpty)
    }

    @Test func aConcurrentAppenderNeverMakesAWrongListing() throws {
        let f = try Self.studied(cards: 200)
        let ids = try f.read().deck.cards.map(\.id.rawValue)
        // Another process answers (a snapshot and a new index now and then) while this one lists.
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c",
            "for id in \(ids.prefix(40).joined(separator: " ")); do \"$0\" review sample $id good --home \"$1\" >/dev/null || exit 1; done",
            Paths.products.appendingPathComponent("recall").path, f.dir.url.path,
        ]
        try writer.run()
        var checked = 0
        while writer.isRunning || checked < 3 {
            let l = try StudyListing.read(home: f.home, deck: f.name, clock: f.clock, timeZone: Self.utc)
            let time = Date().addingTimeInterval(3600)
            #expect(Self.render(l.queue(at: time), []) == (try Self.expected(f, upTo: l.logEnd.lastID, at: time)))
            checked += 1
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(checked > 3)
    }

    /// The queue from the first `lastID` entries of the log.
    static func expected(_ f: Fixture, upTo lastID: Int, at time: Date) throws -> String {
        var replay = ProgressReplay()
        var line = 1
        _ = try ReviewLogReader.scan(f.paths.log) { entry in
            guard entry.id <= lastID else { return }
            line += 1
            replay.apply(entry, line: line)
        }
        let deck = try DeckStore(home: f.home).load(f.name)
        let q = StudyQueue(
            cards: deck.cards, progress: replay.progress, answers: replay.recent.map(\.answer), settings: .default,
            now: time, timeZone: utc)
        return render(q, [])
    }

    @Test func recallDueMakesAndUsesTheIndex() throws {
        let f = try Self.studied()
        try FileManager.default.removeItem(atPath: f.paths.studyIndex)
        let cold = try RecallProcess.run(["due", "sample", "--home", f.dir.url.path])
        #expect(cold.status == 0)
        #expect(FileBytes.exists(f.paths.studyIndex))
        let before = FileIdentity.of(f.paths.studyIndex)
        let warm = try RecallProcess.run(["due", "sample", "--home", f.dir.url.path])
        #expect(warm.stdout == cold.stdout)
        #expect(FileIdentity.of(f.paths.studyIndex) == before)  // not rewritten
        let id = String(warm.stdout.split(separator: "\t")[1])
        let review = try RecallProcess.run(["review", "sample", id, "good", "--home", f.dir.url.path])
        #expect(review.status == 0)
        let again = try RecallProcess.run(["due", "sample", "--home", f.dir.url.path])
        #expect(!again.stdout.contains("\t\(id)\t") || again.stdout != warm.stdout)
    }
}
