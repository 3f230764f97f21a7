import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

/// The progress readers' fast path (members exactly in the order recall writes them) against
/// the general reader (members in any order) on generated, reordered, spaced and damaged
/// input: the same values, and the same errors at the same offsets.
struct FastDecoderTests {
    @Test func logLinesAsWrittenTakeTheFastPath() {
        var rng = SeededGenerator(seed: 21)
        for i in 1...3000 {
            let entry = LogGen.entry(id: i, &rng)
            let body = Array(entry.line().dropLast())
            let (fast, general) = body.withUnsafeBufferPointer { line in
                (try? LogEntry.readAsWritten(line: line), try? LogEntry.readAnyOrder(line: line))
            }
            #expect(fast == entry)
            #expect(general == entry)
        }
    }

    @Test func reorderedAndSpacedLogLinesReadTheSame() {
        var rng = SeededGenerator(seed: 22)
        for i in 1...3000 {
            let entry = LogGen.entry(id: i, &rng)
            let body = Array(Self.shuffledLine(entry, &rng).utf8)
            let read = body.withUnsafeBufferPointer { line in try? LogEntry.read(line: line) }
            #expect(read == entry, "\(String(decoding: body, as: UTF8.self))")
        }
    }

    @Test func damagedLogLinesGiveTheGeneralReadersResultOrError() {
        var rng = SeededGenerator(seed: 23)
        var rejected = 0
        for i in 1...8000 {
            let entry = LogGen.entry(id: i, &rng)
            var bytes = Array(i % 2 == 0 ? Array(entry.line().dropLast()) : Array(Self.shuffledLine(entry, &rng).utf8))
            JSONGen.damage(&bytes, &rng)
            let (fast, general) = bytes.withUnsafeBufferPointer { line in
                (
                    Result { () throws(JSONSyntaxError) in try LogEntry.read(line: line) },
                    Result { () throws(JSONSyntaxError) in try LogEntry.readAnyOrder(line: line) }
                )
            }
            #expect(fast == general, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            if case .failure = general { rejected += 1 }
        }
        #expect(rejected > 4000)
    }

    @Test func damagedProgressGivesTheGeneralReadersResultErrorAndPosition() {
        var rng = SeededGenerator(seed: 24)
        let time = Timestamp.date(milliseconds: 1_770_000_000_000)
        for i in 0..<8000 {
            let progress = LogGen.progress(&rng, time)
            var text = Self.text(of: progress)
            if i % 3 == 0 { text = Self.object(Self.members(ofFlat: text), &rng) }
            var bytes = Array(text.utf8) + Array(",1".utf8)
            if i % 4 != 0 { JSONGen.damage(&bytes, &rng) }
            bytes.withUnsafeBufferPointer { b in
                var fastScanner = JSONScanner(b)
                var generalScanner = JSONScanner(b)
                let fast = Result { () throws(JSONSyntaxError) in try CardProgress.read(from: &fastScanner) }
                let general = Result { () throws(JSONSyntaxError) in
                    try CardProgress.readAnyOrder(from: &generalScanner)
                }
                #expect(fast == general, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
                if case .success = general { #expect(fastScanner.position == generalScanner.position) }
            }
        }
    }

    @Test func snapshotsReadBackInAnyLayoutAndRefuseRepeatedCards() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("snapshot.json").path
        var rng = SeededGenerator(seed: 25)
        let time = Timestamp.date(milliseconds: 1_770_000_000_000)
        var cards: [CardID: CardProgress] = [:]
        for i in 0..<500 { cards[CardID("card\(i)")] = LogGen.progress(&rng, time) }
        let snapshot = Snapshot(deck: "d", log: LogPosition(bytes: 10, lines: 2, lastID: 1), cards: cards)
        let written = String(decoding: snapshot.encoded(), as: UTF8.self)
        try Data(written.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Snapshot.read(path) == snapshot)

        // Cards with their members reordered and spaced take the general reader.
        var lines = written.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (i, line) in lines.enumerated() where line.hasPrefix("{\"card\":") && i % 2 == 0 {
            let comma = line.hasSuffix(",") ? "," : ""
            let body = comma.isEmpty ? line : String(line.dropLast())
            let split = try #require(body.range(of: ",\"progress\":"))
            let id = String(body[body.index(body.startIndex, offsetBy: 8)..<split.lowerBound])
            let progress = String(body[split.upperBound..<body.index(before: body.endIndex)])
            lines[i] =
                "{ \"progress\" : " + Self.object(Self.members(ofFlat: progress), &rng) + " , \"card\":" + id + "}"
                + comma
        }
        try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
        #expect(try Snapshot.read(path) == snapshot)

        // A card listed twice, in the written layout or another, is an error.
        for layout in [0, 1] {
            var repeated = lines
            let first = try #require(repeated.firstIndex { $0.contains("\"card\"") })
            let card = repeated[first + layout]
            repeated.insert(card.hasSuffix(",") ? card : card + ",", at: first + layout)
            try Data(repeated.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
            let error = #expect(throws: StorageError.self) { try Snapshot.read(path) }
            #expect(error.map { "\($0)" }?.contains("listed twice") == true)
        }
    }

    /// A snapshot over 1 MB is read in two halves on two cores: the same cards as one pass, and
    /// on damage (anywhere, also near the split) the same error at the same offset.
    @Test func largeSnapshotsReadInHalvesAsInOnePass() throws {
        var rng = SeededGenerator(seed: 26)
        let snapshot = Self.snapshot(cards: 9000, &rng)
        let cards = snapshot.cards
        let written = snapshot.encoded()
        #expect(written.count > 1 << 20)
        func both(_ bytes: [UInt8]) -> (Result<Snapshot, JSONSyntaxError>, Result<Snapshot, JSONSyntaxError>) {
            bytes.withUnsafeBufferPointer { b in
                (
                    Result { () throws(JSONSyntaxError) in try Snapshot.decode(b) },
                    Result { () throws(JSONSyntaxError) in try Snapshot.decode(b, inHalves: false) }
                )
            }
        }
        // The halves do read it (not a fallback every time).
        let start = try #require(written.firstRange(of: Array("\"cards\":".utf8))).upperBound
        let split = written.withUnsafeBufferPointer { Snapshot.readCardsInHalves($0, at: start) }
        #expect(split?.cards == cards)
        let (halves, onePass) = both(written)
        #expect(halves == .success(snapshot))
        #expect(onePass == .success(snapshot))
        // Damage, half of it in the second and third eighths, where the split is (a quarter in).
        for i in 0..<40 {
            var bytes = written
            let eighth = bytes.count / 8
            let at = i % 2 == 0 ? eighth + Int(rng.next() % UInt64(2 * eighth)) : Int(rng.next() % UInt64(bytes.count))
            var tail = Array(bytes[at...])
            JSONGen.damage(&tail, &rng)
            bytes.replaceSubrange(at..., with: tail)
            let (damagedHalves, damagedOnePass) = both(bytes)
            #expect(damagedHalves == damagedOnePass)
        }
        // A card listed twice, once in each half.
        let text = String(decoding: written, as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let firstCard = try #require(lines.firstIndex { $0.hasPrefix("{\"card\":") })
        // A card listed twice: once in each part, or twice in the second (in another batch).
        for (card, at) in [(firstCard, lines.count - 3), (lines.count - 6000, lines.count - 3)] {
            var repeated = lines
            repeated.insert(lines[card], at: at)
            let (repeatedHalves, repeatedOnePass) = both(Array(repeated.joined(separator: "\n").utf8))
            #expect(repeatedHalves == repeatedOnePass)
            if case .failure(let error) = repeatedHalves {
                #expect(error.message.contains("listed twice"))
            } else {
                Issue.record("a card listed twice was accepted")
            }
        }
        // A damaged card early in the second part, while the first is still being read.
        var damaged = lines
        damaged[lines.count - 6500] = String(damaged[lines.count - 6500].dropLast(3))
        let (damagedHalves, damagedOnePass) = both(Array(damaged.joined(separator: "\n").utf8))
        #expect(damagedHalves == damagedOnePass)
        #expect((try? damagedHalves.get()) == nil)
    }

    /// A snapshot is read from its mapped file: the same snapshot or the same error as read
    /// into memory, when intact, damaged anywhere, of a newer format, empty or missing.
    @Test func mappedSnapshotsReadAsReadIntoMemory() throws {
        let dir = TemporaryDirectory()
        let path = dir.url.appendingPathComponent("snapshot.json").path
        var rng = SeededGenerator(seed: 27)
        let snapshot = Self.snapshot(cards: 6000, &rng)
        let written = snapshot.encoded()
        func both(_ bytes: [UInt8]?) throws -> (Result<Snapshot?, StorageError>, Result<Snapshot?, StorageError>) {
            try? FileManager.default.removeItem(atPath: path)
            if let bytes { try Data(bytes).write(to: URL(fileURLWithPath: path)) }
            return (
                Result { () throws(StorageError) in try Snapshot.read(path) },
                Result { () throws(StorageError) in try Snapshot.read(path, mapped: false) }
            )
        }
        let (mapped, inMemory) = try both(written)
        #expect(mapped == .success(snapshot))
        #expect(inMemory == .success(snapshot))
        var newer = written
        newer.replaceSubrange(0..<11, with: Array("{\"format\":9".utf8))
        var small = Array(Snapshot(deck: "d", log: .start, cards: [:]).encoded())
        small.removeLast(3)
        for bytes in [newer, small, [], Array(" ".utf8), nil] {
            let (m, r) = try both(bytes)
            #expect(m == r)
        }
        #expect(try both(newer).0 == .failure(.newerFormat(path: path, found: 9, supported: 1)))
        #expect(try both(nil).0 == .success(nil))
        for _ in 0..<30 {
            var bytes = written
            let at = Int(rng.next() % UInt64(bytes.count))
            var tail = Array(bytes[at...])
            JSONGen.damage(&tail, &rng)
            bytes.replaceSubrange(at..., with: tail)
            let (m, r) = try both(bytes)
            #expect(m == r)
        }
    }

    // MARK: Generating layouts

    /// A snapshot of `count` cards with random progress and ids like recall's (12 hex digits).
    static func snapshot(cards count: Int, _ rng: inout SeededGenerator) -> Snapshot {
        let time = Timestamp.date(milliseconds: 1_770_000_000_000)
        var cards: [CardID: CardProgress] = [:]
        for i in 0..<count { cards[CardID(String(format: "%012x", i &* 2_654_435_761))] = LogGen.progress(&rng, time) }
        return Snapshot(deck: "d", log: LogPosition(bytes: 10, lines: 2, lastID: 1), cards: cards)
    }

    static func text(of progress: CardProgress) -> String {
        var t = JSONText()
        progress.write(into: &t)
        return String(decoding: t.bytes, as: UTF8.self)
    }

    /// The members of an object whose values hold no comma, brace or colon outside strings
    /// that have none either (card progress, a log line's head).
    static func members(ofFlat object: String) -> [(String, String)] {
        object.dropFirst().dropLast().split(separator: ",").map { member in
            let colon = member.firstIndex(of: ":")!
            return (String(member[..<colon]), String(member[colon...].dropFirst()))
        }
    }

    /// The members in a random order, with random white space around them.
    static func object(_ members: [(String, String)], _ rng: inout SeededGenerator) -> String {
        var members = members
        for i in stride(from: members.count - 1, to: 0, by: -1) {
            members.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        let ws = ["", "", " ", "\n", "\t "]
        func space() -> String { ws[Int(rng.next() % UInt64(ws.count))] }
        return "{" + space() + members.map { $0.0 + space() + ":" + space() + $0.1 }.joined(separator: space() + ",")
            + space() + "}"
    }

    /// A log line with its members (and its progress objects' members) shuffled.
    static func shuffledLine(_ entry: LogEntry, _ rng: inout SeededGenerator) -> String {
        let line = String(decoding: entry.line().dropLast(), as: UTF8.self)
        let before = line.range(of: ",\"before\":")!
        var members = members(ofFlat: String(line[..<before.lowerBound]) + "}")
        members.append(("\"before\"", object(Self.members(ofFlat: text(of: entry.before)), &rng)))
        members.append(("\"after\"", object(Self.members(ofFlat: text(of: entry.after)), &rng)))
        return object(members, &rng)
    }
}
