import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

/// Every command that rewrites a studied deck's files leaves its study index current, so the
/// next `recall due` reads the index (not the deck and the snapshot), and lists exactly what it
/// lists from the JSON files.
struct IndexFreshnessTests {
    let dir = TemporaryDirectory("recall-cli-index")
    var index: String { dir.url.appendingPathComponent("Progress/rivers/index.bin").path }

    func recall(_ args: [String]) throws -> RecallProcess.Result {
        try RecallProcess.run(args + ["--home", dir.path])
    }

    /// An article of `sections` sections of two questions each.
    func article(sections: Int, variant: String = "") throws -> String {
        var text = "Rivers of Europe\n\n"
        for s in 0..<sections {
            text += "River \(s)\(variant)\n\nRiver \(s) flows through \(s + 2) countries on its way to the sea.\n\n"
            text += "How long is river \(s)\(variant)?\n\nAbout \(100 * (s + 1)) kilometres.\n\n"
            text += "Where does river \(s) rise?\n\nIn the mountains of region \(s).\n\n"
        }
        try dir.write("rivers.txt", text)
        return dir.url.appendingPathComponent("rivers.txt").path
    }

    /// Builds the deck, answers some cards, and lists once (which writes the index).
    func studied() throws {
        let built = try recall(["build", try article(sections: 12), "--deck", "rivers"])
        #expect(built.status == 0, "\(built.stderr)")
        let due = try recall(["due", "rivers"])
        let ids = due.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[1]) }
        #expect(ids.count > 8)
        for (k, id) in ids.prefix(8).enumerated() {
            let r = try recall(["review", "rivers", id, ["again", "hard", "good", "easy"][k % 4]])
            #expect(r.status == 0, "\(r.stderr)")
        }
        _ = try recall(["due", "rivers"])
        #expect(FileManager.default.fileExists(atPath: index))
    }

    /// The inode and modification time of the index: a listing that had to read the JSON files
    /// writes it anew (a rename: a new inode).
    func indexIdentity() throws -> [String] {
        let a = try FileManager.default.attributesOfItem(atPath: index)
        return ["\(a[.systemFileNumber] ?? "-")", "\(a[.modificationDate] ?? "-")", "\(a[.size] ?? "-")"]
    }

    /// The index is current: doctor has nothing to say about it, `recall due` leaves it as it
    /// is, and lists the same as without it.
    func expectCurrentIndex(after command: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let doctor = try recall(["doctor"])
        #expect(!doctor.stdout.contains("study index"), "\(command): \(doctor.stdout)", sourceLocation: sourceLocation)
        let before = try indexIdentity()
        let warm = try recall(["due", "rivers"])
        #expect(warm.status == 0, sourceLocation: sourceLocation)
        #expect(try indexIdentity() == before, "\(command): the index was rebuilt", sourceLocation: sourceLocation)
        try FileManager.default.removeItem(atPath: index)
        let cold = try recall(["due", "rivers"])
        #expect(warm.stdout == cold.stdout, "\(command)", sourceLocation: sourceLocation)
        #expect(warm.stdout.split(separator: "\n").count > 3, sourceLocation: sourceLocation)
    }

    @Test func rebuildingTheDeckKeepsTheIndexCurrent() throws {
        try studied()
        // Sections added and questions reworded: new cards, removed (orphaned) ones, others kept.
        let rebuilt = try recall(["build", try article(sections: 15, variant: "a"), "--deck", "rivers"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        try expectCurrentIndex(after: "build")
    }

    @Test func importingCardsKeepsTheIndexCurrent() throws {
        try studied()
        try dir.write(
            "more.csv",
            "question,answer\nWhich sea does the Rhine reach?,The North Sea.\nWhich sea does the Po reach?,The Adriatic.\n"
        )
        let csv = dir.url.appendingPathComponent("more.csv").path
        let imported = try recall(["import", csv, "--deck", "rivers"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("2 added"))
        try expectCurrentIndex(after: "import")
    }

    @Test func importingReviewsKeepsTheIndexCurrent() throws {
        try studied()
        let due = try recall(["due", "rivers"])
        let ids = due.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[1]) }
        // Reviews both after the log's and before them (the log is then rewritten in time order).
        var csv = "card,time,rating,duration\n"
        for (k, id) in ids.suffix(6).enumerated() {
            csv += "\(id),\(1_600_000_000_000 + k * 86_400_000),3,1500\n"
            csv += "\(id),\(Int(Date().timeIntervalSince1970 * 1000) - 3_600_000 + k),\(k % 4 + 1),900\n"
        }
        try dir.write("reviews.csv", csv)
        let imported = try recall(["import-reviews", dir.url.appendingPathComponent("reviews.csv").path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Imported 12 review(s)"))
        try expectCurrentIndex(after: "import-reviews")
    }

    @Test func aDeckWithoutProgressGetsNoIndex() throws {
        let built = try recall(["build", try article(sections: 3), "--deck", "rivers"])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.url.appendingPathComponent("Progress/rivers").path))
    }

    @Test func anIndexThatCannotBeWrittenFailsNoCommand() throws {
        try studied()
        // Something the index cannot be renamed over (as good as a read-only directory).
        try FileManager.default.removeItem(atPath: index)
        try FileManager.default.createDirectory(atPath: index + "/inside", withIntermediateDirectories: true)
        let rebuilt = try recall(["build", try article(sections: 14), "--deck", "rivers"])
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try DeckStore(home: DataHome(root: dir.url)).load(DeckName("rivers")).cards.count > 24)
        let due = try recall(["due", "rivers"])
        #expect(due.status == 0, "\(due.stderr)")
        let stray = try FileManager.default.contentsOfDirectory(
            atPath: dir.url.appendingPathComponent("Progress/rivers").path
        ).filter { $0.hasSuffix(".tmp") }
        #expect(stray.isEmpty)
    }
}
