import Flashcards
import Foundation
import Scheduling
import TestSupport
import Testing

@testable import Storage

struct DamagedFileTests {
    @Test func tornLastLineIsDroppedWithAWarningAndRepairedOnOpen() throws {
        let f = try Fixture()
        let saved = try f.answer(3, snapshot: false)
        let before = f.bytes(f.paths.log)
        try f.append(f.paths.log, #"{"id":4,"kind":"review","card":"abc","ti"#)
        let reread = try f.read()
        #expect(reread.warnings.count == 1)
        #expect(reread.warnings.first?.line == 5)
        #expect(reread.warnings.first?.message.contains("torn") == true)
        #expect(try reread.history().map(\.id) == saved.map(\.id))
        // Reading never writes.
        #expect(f.bytes(f.paths.log).count == before.count + 40)
        // A session cuts the torn bytes off (keeping them aside) and appends on a clean line.
        let p = try f.open()
        #expect(f.bytes(f.paths.log) == before)
        #expect(try f.dir.read("Progress/sample/reviews.torn").hasPrefix(#"{"id":4,"#))
        let next = try p.answer(p.deck.cards[4].id, rating: .hard)
        #expect(next.id == 4)
        try p.close()
        let clean = try f.read()
        #expect(clean.warnings.isEmpty)
        #expect(try clean.history().count == 4)
    }

    @Test func damagedLastLineWithNewlineIsAlsoTreatedAsTorn() throws {
        let f = try Fixture()
        try f.answer(2, snapshot: false)
        try f.append(f.paths.log, "\0\0\0\0\n")
        let reread = try f.read()
        #expect(reread.warnings.count == 1)
        #expect(try reread.history().count == 2)
    }

    @Test func corruptLineInTheMiddleStopsNamingFileAndLineAndNothingIsRewritten() throws {
        let f = try Fixture()
        try f.answer(4, snapshot: false)
        var text = try f.dir.read("Progress/sample/reviews.jsonl")
        let range = try #require(
            text.range(of: "\"rating\":3", range: text.index(text.startIndex, offsetBy: 200)..<text.endIndex))
        text.replaceSubrange(range, with: "\"rating\":3,,")
        try f.dir.write("Progress/sample/reviews.jsonl", text)
        let damagedLine = text[..<range.lowerBound].filter { $0 == "\n" }.count + 1
        let before = f.bytes(f.paths.log)
        #expect(throws: StorageError.self) { try f.read() }
        do {
            _ = try f.open()
            Issue.record("opened a damaged log")
        } catch let error as StorageError {
            guard case .corrupt(let path, let line, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == f.paths.log)
            #expect(line == damagedLine)
            #expect(error.description.hasPrefix("\(f.paths.log):\(damagedLine): "))
        }
        #expect(f.bytes(f.paths.log) == before)
        #expect(!f.dir.exists("Progress/sample/snapshot.json"))
    }

    @Test func corruptSnapshotIsRebuiltFromTheLog() throws {
        let f = try Fixture()
        try f.answer(4)
        let good = try f.read().progress
        try f.write(f.paths.snapshot, Array("{\"format\":1,\"cards\":[".utf8))
        let reread = try f.read()
        #expect(reread.progress == good)
        #expect(reread.warnings.first?.message.contains("damaged snapshot") == true)
        // The next session's close writes a good one again.
        try f.open().close()
        #expect(try f.read().warnings.isEmpty)
    }

    @Test func missingSnapshotIsRebuiltFromTheLog() throws {
        let f = try Fixture()
        try f.answer(4)
        let good = try f.read().progress
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        #expect(try f.read().progress == good)
    }

    @Test func snapshotThatDoesNotFitTheLogIsRebuilt() throws {
        let f = try Fixture()
        try f.answer(4)
        let snapshot = f.bytes(f.paths.snapshot)
        // The log is replaced by a shorter one: the snapshot's offset no longer fits.
        try FileManager.default.removeItem(atPath: f.paths.log)
        try FileManager.default.removeItem(atPath: f.paths.snapshot)
        try f.answer(1, snapshot: false)
        try f.write(f.paths.snapshot, snapshot)
        let reread = try f.read()
        #expect(reread.progress.count == 1)
        #expect(reread.warnings.first?.message.contains("does not match") == true)
    }

    @Test(arguments: ["log", "snapshot", "settings"])
    func newerFormatIsRefusedAndNotOverwritten(file: String) throws {
        let f = try Fixture()
        try f.answer(2)
        let path: String
        switch file {
        case "log":
            path = f.paths.log
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: #"{"format":1,"#, with: #"{"format":2,"#)
            try f.write(path, Array(text.utf8))
        case "snapshot":
            path = f.paths.snapshot
            var text = try String(contentsOfFile: path, encoding: .utf8)
            text = text.replacingOccurrences(of: #"{"format":1,"#, with: #"{"format":2,"future":[1],"#)
            try f.write(path, Array(text.utf8))
        default:
            path = f.paths.settings
            try f.write(path, Array(#"{"format":2,"newPerDay":5}"#.utf8))
        }
        let before = f.bytes(path)
        #expect(throws: StorageError.newerFormat(path: path, found: 2, supported: 1)) { try f.read() }
        #expect(throws: StorageError.newerFormat(path: path, found: 2, supported: 1)) { try f.open() }
        #expect(f.bytes(path) == before)
    }

    @Test func doctorReportsDamageAndExitsWithFindings() throws {
        let f = try Fixture()
        try f.answer(3)
        #expect(ProgressDoctor(home: f.home).check().filter { $0.severity != .note }.isEmpty)
        try f.append(f.paths.log, "{\"id\":")
        let findings = ProgressDoctor(home: f.home).check()
        #expect(findings.contains { $0.severity == .warning && $0.path == f.paths.log && $0.line == 5 })
    }
}
