import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

/// `recall export` and `recall import` as a user runs them.
struct ExportImportTests {
    let home = TemporaryDirectory("recall-interchange")
    var store: DeckStore { DeckStore(home: DataHome(root: home.url)) }

    let cells = Deck(
        title: "Cells",
        cards: [
            Card(
                id: CardID("aaa111"), kind: .faq, front: "What is a cell?", back: "The smallest unit of life.",
                context: "Cells are the basic unit.", section: ["Biology", "Cells"], tags: ["bio", "exam"]),
            Card(
                id: CardID("bbb222"), kind: .keypoint, front: "Mitochondria",
                back: "=Powerhouse, \"of\" the cell\nline 2"),
        ])

    func recall(_ arguments: [String], stdin: Data? = nil) throws -> RecallProcess.Result {
        try RecallProcess.run(arguments + ["--home", home.path], stdin: stdin)
    }

    @Test(arguments: ["csv", "tsv"])
    func exportThenImportIsLossless(format: String) throws {
        var text = TrickyText(seed: 42)
        let deck = Deck(title: "Tricky", cards: text.storedCards(300))
        try store.save(deck, as: DeckName("tricky"))
        let file = home.url.appendingPathComponent("out.\(format)").path
        let export = try recall(["export", "tricky", "--format", format, "--output", file])
        #expect(export.status == 0, "\(export.stderr)")
        let imported = try recall(["import", file, "--deck", "copy"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("300 added, 0 updated, 0 unchanged"))
        #expect(try store.load(DeckName("copy")).cards == deck.cards)

        let again = try recall(["import", file, "--deck", "copy"])
        #expect(again.stdout.contains("0 added, 0 updated, 300 unchanged"))
    }

    /// Re-importing an unchanged file leaves the deck file as it is (same bytes, same inode: no
    /// rewrite); a changed file rewrites it with the bytes `DeckStore.save` writes.
    @Test func reimportingAnUnchangedFileDoesNotRewriteTheDeck() throws {
        var text = TrickyText(seed: 7)
        let deck = Deck(title: "Tricky", cards: text.storedCards(200))
        try store.save(deck, as: DeckName("tricky"))
        let file = home.url.appendingPathComponent("out.csv").path
        #expect(try recall(["export", "tricky", "--output", file]).status == 0)
        #expect(try recall(["import", file, "--deck", "copy"]).status == 0)
        let copy = try DeckName("copy")
        let url = store.url(for: copy)
        func inode() throws -> Int? {
            try FileManager.default.attributesOfItem(atPath: url.path)[.systemFileNumber] as? Int
        }
        let bytes = try Data(contentsOf: url)
        let before = try inode()
        let again = try recall(["import", file, "--deck", "copy"])
        #expect(again.stdout.contains("0 added, 0 updated, 200 unchanged"))
        #expect(try Data(contentsOf: url) == bytes)
        #expect(try inode() == before)

        var changed = try String(contentsOfFile: file, encoding: .utf8)
        changed += "new-card-1,A new question?,A new answer,basic,,,\r\n"
        try changed.write(toFile: file, atomically: true, encoding: .utf8)
        let third = try recall(["import", file, "--deck", "copy"])
        #expect(third.stdout.contains("1 added, 0 updated, 200 unchanged"), "\(third.stderr)")
        let merged = try store.load(copy)
        #expect(merged.cards.count == 201)
        let written = try Data(contentsOf: url)
        try store.save(merged, as: copy)
        #expect(try Data(contentsOf: url) == written)
    }

    @Test func exportWritesCSVToStdout() throws {
        try store.save(cells, as: DeckName("cells"))
        let r = try recall(["export", "cells"])
        #expect(r.status == 0)
        #expect(
            r.stdout
                == "id,front,back,kind,section,tags,context\r\n"
                + "aaa111,What is a cell?,The smallest unit of life.,faq,Biology > Cells,bio exam,Cells are the basic unit.\r\n"
                + "bbb222,Mitochondria,\"'=Powerhouse, \"\"of\"\" the cell\nline 2\",keypoint,,,\r\n")
    }

    @Test func importUpdatesInPlaceKeepingIdsAndReportsCounts() throws {
        try store.save(cells, as: DeckName("cells"))
        let csv = """
            front,back,tags
            what is a CELL,The smallest living unit.,bio
            Mitochondria,"'=Powerhouse, ""of"" the cell
            line 2",
            Ribosome,Makes proteins,new

            """
        let file = try home.write("edit.csv", csv)
        let r = try recall(["import", file.path, "--deck", "cells"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout
                == "Imported 3 cards from \(file.path) (csv) into Decks/cells.json: 1 added, 1 updated, 1 unchanged.\n")
        let deck = try store.load(DeckName("cells"))
        #expect(
            deck.cards.map(\.id) == [CardID("aaa111"), CardID("bbb222"), .derived(kind: .basic, question: "Ribosome")])
        #expect(deck.cards[0].front == "what is a CELL")
        #expect(deck.cards[0].context == "Cells are the basic unit.")
        #expect(deck.cards[0].tags == ["bio"])
        #expect(deck.title == "Cells")
    }

    @Test func badInputNamesLinesAndWritesNothing() throws {
        try store.save(cells, as: DeckName("cells"))
        let before = try Data(contentsOf: store.url(for: DeckName("cells")))
        let file = try home.write("bad.csv", "front,back\nok,fine\nq,\"never closed\nmore\n")
        let r = try recall(["import", file.path, "--deck", "cells"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(file.path):3: error: unbalanced quotes"))
        #expect(r.stderr.contains("Error: \(file.path): 1 problem; nothing was imported"))
        #expect(try Data(contentsOf: store.url(for: DeckName("cells"))) == before)

        let columns = try home.write("cols.csv", "front,back\na,b,c\nd\n")
        let c = try recall(["import", columns.path])
        #expect(c.status == 1)
        #expect(c.stderr.contains("cols.csv:2: error: wrong number of columns: 3"))
        #expect(c.stderr.contains("cols.csv:3: error: wrong number of columns: 1"))
        #expect(!store.exists(try DeckName("cols")))
    }

    /// The deck is read while the file is (`DeckPreload`): a problem in the file is still
    /// reported before a damaged deck, a damaged deck still stops a good file, and a deck
    /// named after the file is found and updated as one named with `--deck`.
    @Test func theDeckReadAheadReportsAsBefore() throws {
        let decks = home.url.appendingPathComponent("Decks")
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try Data("{\"format\": 1, \"cards\": [".utf8).write(to: decks.appendingPathComponent("cells.json"))
        let bad = try home.write("bad.csv", "front,back\nq,\"never closed\n")
        let r = try recall(["import", bad.path, "--deck", "cells"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(bad.path):2: error: unbalanced quotes"))
        #expect(!r.stderr.contains("not a recall deck"))

        let good = try home.write("cells.csv", "front,back\nq,a\n")
        let damaged = try recall(["import", good.path])
        #expect(damaged.status == 1)
        #expect(damaged.stderr.contains("cells.json: not a recall deck"))

        try store.save(cells, as: DeckName("cells"))
        let updated = try recall(["import", good.path])
        #expect(updated.status == 0, "\(updated.stderr)")
        #expect(updated.stdout.hasSuffix("into Decks/cells.json: 1 added, 0 updated, 0 unchanged.\n"))
        #expect(try store.load(DeckName("cells")).cards.count == 3)
    }

    @Test(arguments: [
        ("empty.csv", Data()), ("binary.csv", Data([0x00, 0x01, 0x02])), ("header.csv", Data("front,colour\n".utf8)),
    ])
    func refusedFilesCreateNoDeck(name: String, contents: Data) throws {
        let file = try home.write(name, contents)
        let r = try recall(["import", file.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error:"))
        #expect(store.names().isEmpty)
    }

    @Test func failedExportLeavesTheOutputFileAlone() throws {
        let out = try home.write("keep.csv", "precious\n")
        let r = try recall(["export", "missing", "--output", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("no deck 'missing'"))
        #expect(try home.read("keep.csv") == "precious\n")
    }

    @Test func quizletExportFlagsSeparatorsInFields() throws {
        try store.save(cells, as: DeckName("cells"))
        let r = try recall(["export", "cells", "--format", "quizlet"])
        #expect(r.status == 0)
        #expect(
            r.stdout
                == "What is a cell?\tThe smallest unit of life.\nMitochondria\t=Powerhouse, \"of\" the cell line 2\n")
        #expect(r.stderr.contains("warning: card bbb222: the back contains the card separator (new line)"))
        let custom = try recall(["export", "cells", "--format", "quizlet", "--card-separator", "\\n\\n"])
        #expect(custom.stderr.isEmpty)
        #expect(custom.stdout.hasSuffix("Mitochondria\t=Powerhouse, \"of\" the cell\nline 2"))
    }

    @Test(arguments: [
        ["--format", "anki", "--bom"], ["--format", "csv", "--anki-deck", "x"], ["--term-separator", ";"],
        ["--format", "gift", "--bom"], ["--format", "pdf"],
        ["--format", "xml"],
    ])
    func optionsOfAnotherFormatAreUsageErrors(options: [String]) throws {
        try store.save(cells, as: DeckName("cells"))
        let r = try recall(["export", "cells"] + options)
        #expect(r.status == 64)
    }

    @Test func exportWritesMoodleFormatsAndReportsWhatTheyCannotCarry() throws {
        try store.save(cells, as: DeckName("cells"))
        let gift = try recall(["export", "cells", "--format", "gift"])
        #expect(gift.status == 0, "\(gift.stderr)")
        #expect(gift.stdout.contains("What is a cell?"))
        #expect(gift.stdout.contains("{"))
        #expect(gift.stdout.contains("\\="), "GIFT escapes the = that starts the Mitochondria answer")

        let out = home.url.appendingPathComponent("cells.aiken.txt").path
        let aiken = try recall(["export", "cells", "--format", "aiken", "--output", out])
        #expect(aiken.status == 0, "\(aiken.stderr)")
        // Two cards make at most two options, so Aiken, which needs multiple choice, may skip:
        // whatever it cannot carry is named on stderr, and the rest counted.
        let written = try home.read("cells.aiken.txt")
        let answers = written.components(separatedBy: "ANSWER: ").count - 1
        let skipped = aiken.stderr.components(separatedBy: "warning: skipped").count - 1
        #expect(answers + skipped == 2)
        #expect(aiken.stderr.contains("Exported \(answers) card"))
    }

    @Test func importReadsStdinAndAnkiFiles() throws {
        let anki = "#separator:tab\n#html:true\n#deck:Bio::Cells\n#tags column:3\nQ1\tA<br>1\tt1\n"
        let file = try home.write("notes.txt", anki)
        let r = try recall(["import", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let deck = try store.load(DeckName("bio-cells"))
        #expect(deck.title == "Bio::Cells")
        #expect(deck.cards.map(\.back) == ["A\n1"])

        let piped = try recall(["import", "-", "--deck", "piped"], stdin: Data("front,back\nq,a\n".utf8))
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(try store.load(DeckName("piped")).cards.map(\.front) == ["q"])
    }
}
