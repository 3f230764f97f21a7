import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

/// `recall review`, `recall due` and `recall doctor` as a user meets them.
struct ProgressCommandTests {
    let dir = TemporaryDirectory("recall-cli-progress")

    init() throws {
        let deck = Deck(
            title: "Sample",
            cards: (0..<5).map { Card(kind: .faq, front: "Question \($0)?", back: "Answer \($0).") })
        try DeckStore(home: DataHome(root: dir.url)).save(deck, as: DeckName("sample"))
    }

    func recall(_ args: [String]) throws -> RecallProcess.Result {
        try RecallProcess.run(args + ["--home", dir.path])
    }

    func firstDue() throws -> (kind: String, id: String) {
        let line = try #require(try recall(["due", "sample"]).stdout.split(separator: "\n").first)
        let fields = line.split(separator: "\t")
        return (String(fields[0]), String(fields[1]))
    }

    @Test func reviewSavesAndPrintsTheNewDueDate() throws {
        let (kind, id) = try firstDue()
        #expect(kind == "new")
        let r = try recall(["review", "sample", id, "good", "--duration", "1200"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("saved review 1: \(id) good, learning, due "))
        let log = try dir.read("Progress/sample/reviews.jsonl")
        #expect(log.contains("\"card\":\"\(id)\"") && log.contains("\"duration\":1200"))
        // Due ten minutes later: the new cards come first, then it, as learning ahead.
        let due = try recall(["due", "sample"])
        #expect(due.status == 0)
        let lines = due.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.last?.hasPrefix("learning\t\(id)\t") == true)
    }

    @Test func dueListsNewCardsInDeckOrder() throws {
        let r = try recall(["due", "sample"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.first?.hasSuffix("Question 0?") == true)
        #expect(lines.allSatisfy { $0.hasPrefix("new\t") })
    }

    @Test func badInputIsRefusedPlainly() throws {
        let badRating = try recall(["review", "sample", "abc", "7"])
        #expect(badRating.status == 64)
        let unknownCard = try recall(["review", "sample", "nosuchcard", "good"])
        #expect(unknownCard.status == 1)
        #expect(unknownCard.stderr.contains("Error: deck 'sample' has no card 'nosuchcard'"))
        let unknownDeck = try recall(["due", "nope"])
        #expect(unknownDeck.status == 1)
        #expect(unknownDeck.stderr.contains("no deck 'nope'"))
    }

    @Test func doctorIsQuietOnHealthyDataAndExitsNonZeroOnDamage() throws {
        let (_, id) = try firstDue()
        _ = try recall(["review", "sample", id, "again"])
        let ok = try recall(["doctor"])
        #expect(ok.status == 0, "\(ok.stdout)\(ok.stderr)")
        #expect(ok.stdout.hasSuffix(": ok\n"))
        let log = dir.url.appendingPathComponent("Progress/sample/reviews.jsonl")
        var text = try String(contentsOf: log, encoding: .utf8)
        text += "{\"id\":2,\"kind\":\"review\"\n{\"id\":3}\n"
        try text.write(to: log, atomically: false, encoding: .utf8)
        let bad = try recall(["doctor"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("reviews.jsonl:3: error: "))
        #expect(bad.stderr.contains("problem(s) found"))
    }
}
