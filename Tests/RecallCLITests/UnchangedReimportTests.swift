import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `recall import` of a file that changes nothing: the deck file is left exactly as it is
/// (recall's own encoding is recognised while the deck is read, so it is not even encoded);
/// a deck file in another layout is rewritten in recall's, as before; any change is written.
struct UnchangedReimportTests {
    let home = TemporaryDirectory("recall-reimport")
    var store: DeckStore { DeckStore(home: DataHome(root: home.url)) }
    let name = try! DeckName("copy")

    func recall(_ arguments: [String]) throws -> RecallProcess.Result {
        try RecallProcess.run(arguments + ["--home", home.path])
    }

    /// Inode, size, modification and change times in nanoseconds.
    func stamp() -> [Int] {
        var info = stat()
        _ = stat(store.url(for: name).path, &info)
        return [
            Int(info.st_ino), Int(info.st_size), Int(info.st_mtim.tv_sec), Int(info.st_mtim.tv_nsec),
            Int(info.st_ctim.tv_sec), Int(info.st_ctim.tv_nsec),
        ]
    }

    /// Exports 300 cards (tricky text, or plain questions) and imports them into the deck
    /// `copy`; returns the CSV's path.
    func exported(tricky: Bool = true) throws -> String {
        var text = TrickyText(seed: 71)
        let cards =
            tricky
            ? text.storedCards(300)
            : (0..<300).map { Card(kind: .faq, front: "Question \($0)?", back: "Answer \($0).") }
        try store.save(Deck(title: "Tricky", cards: cards), as: DeckName("tricky"))
        let file = home.url.appendingPathComponent("out.csv").path
        #expect(try recall(["export", "tricky", "--output", file]).status == 0)
        #expect(try recall(["import", file, "--deck", "copy"]).status == 0)
        return file
    }

    @Test func anUnchangedReimportLeavesTheDeckFileUntouched() throws {
        let file = try exported()
        let bytes = try Data(contentsOf: store.url(for: name))
        let before = stamp()
        let again = try recall(["import", file, "--deck", "copy"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(
            again.stdout
                == "Imported 300 cards from \(file) (csv) into Decks/copy.json: 0 added, 0 updated, 300 unchanged.\n")
        #expect(again.stderr.isEmpty)
        #expect(stamp() == before)
        #expect(try Data(contentsOf: store.url(for: name)) == bytes)
    }

    /// An equal deck written by another program (compact JSON, `\/` escapes) is rewritten with
    /// the bytes `DeckStore.save` writes, with the same message.
    @Test func anEqualDeckInAnotherLayoutIsRewrittenCanonically() throws {
        let file = try exported()
        let url = store.url(for: name)
        let canonical = try Data(contentsOf: url)
        let deck = try store.load(name)
        try JSONEncoder().encode(deck).write(to: url)
        #expect(try Data(contentsOf: url) != canonical)
        let again = try recall(["import", file, "--deck", "copy"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix(": 0 added, 0 updated, 300 unchanged.\n"))
        #expect(try Data(contentsOf: url) == canonical)
        #expect(try store.load(name) == deck)
    }

    /// One character of one cell changed: the card is updated and the deck written.
    @Test func aOneCharacterChangeIsWritten() throws {
        let file = try exported(tricky: false)
        let url = store.url(for: name)
        let before = try Data(contentsOf: url)
        var lines = try String(contentsOfFile: file, encoding: .utf8).components(separatedBy: "\r\n")
        // The first card's row: "Question 0?" becomes "Question 0!".
        #expect(lines[1].contains("Question 0?"))
        lines[1] = lines[1].replacingOccurrences(of: "Question 0?", with: "Question 0!")
        try lines.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        let again = try recall(["import", file, "--deck", "copy"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasSuffix(": 0 added, 1 updated, 299 unchanged.\n"), "\(again.stdout)")
        let written = try Data(contentsOf: url)
        #expect(written != before)
        let deck = try store.load(name)
        try store.save(deck, as: name)
        #expect(try Data(contentsOf: url) == written)
    }
}
