import Flashcards
import Foundation
import Interchange
import Storage
import TestSupport
import Testing

/// The `anki` export imported by the real Anki library (the `anki` package in `.venv`) into a
/// fresh collection, the way File › Import reads it: settings come from the file's header
/// lines alone. Fails, never skips, without the reference Python.
struct AnkiImportCheckTests {
    /// Imports the files argv[2:] in turn into a new collection in the folder argv[1]; prints
    /// the note count after each import and every note's GUID, fields (HTML undone: Anki stores plain text escaped,
    /// with `<br>` for line breaks), tags and decks, as JSON.
    static let script = """
        import html, json, os, sys
        from anki.collection import Collection, ImportCsvRequest
        folder, paths = sys.argv[1], sys.argv[2:]
        col = Collection(os.path.join(folder, "collection.anki2"))
        counts = []
        for path in paths:
            metadata = col.get_csv_metadata(path=path, delimiter=None)
            col.import_csv(ImportCsvRequest(path=path, metadata=metadata))
            counts.append(col.note_count())
        notes = []
        for nid in col.find_notes(""):
            note = col.get_note(nid)
            notes.append({
                "guid": note.guid,
                "notetype": note.note_type()["name"],
                "fields": [html.unescape(f.replace("<br>", "\\n")) for f in note.fields],
                "tags": note.tags,
                "decks": sorted({col.decks.name(card.did) for card in note.cards()}),
            })
        col.close()
        print(json.dumps({"counts": counts, "notes": notes}))
        """

    struct Report: Decodable {
        struct Note: Decodable {
            var guid: String
            var notetype: String
            var fields: [String]
            var tags: [String]
            var decks: [String]
        }
        var counts: [Int]
        var notes: [Note]
    }

    @Test func ankiImportsTheExportIntoTheRightDeckAndUpdatesOnReimport() throws {
        let home = TemporaryDirectory("recall-anki")
        var text = TrickyText(seed: 7)
        var cards = text.storedCards(150)
        cards.append(Card(id: CardID("hash"), kind: .faq, front: "#1 is a comment in Anki", back: "\n#not a comment"))
        let deck = Deck(title: "Biology::Cells", cards: cards)
        try DeckStore(home: DataHome(root: home.url)).save(deck, as: DeckName("cells"))
        let file = home.url.appendingPathComponent("cells.txt").path
        let export = try RecallProcess.run(["export", "cells", "--format", "anki", "-o", file, "--home", home.path])
        #expect(export.status == 0, "\(export.stderr)")

        let collection = home.url.appendingPathComponent("anki", isDirectory: true)
        try FileManager.default.createDirectory(at: collection, withIntermediateDirectories: true)
        // Then the deck changes in recall (an answer edited, a card added) and is exported again.
        var edited = deck
        edited.cards[0].back = "edited in recall"
        edited.cards.append(Card(kind: .faq, front: "Added later?", back: "yes", tags: ["late"]))
        try DeckStore(home: DataHome(root: home.url)).save(edited, as: DeckName("cells"))
        let file2 = home.url.appendingPathComponent("cells-2.txt").path
        let export2 = try RecallProcess.run(["export", "cells", "--format", "anki", "-o", file2, "--home", home.path])
        #expect(export2.status == 0, "\(export2.stderr)")

        let run = try ReferencePython.run(script: Self.script, arguments: [collection.path, file, file, file2])
        try #require(run.status == 0, "\(run.stderr)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))

        #expect(report.counts == [cards.count, cards.count, cards.count + 1], "a re-import must update, not add")
        let byGUID = Dictionary(report.notes.map { ($0.guid, $0) }, uniquingKeysWith: { a, _ in a })
        for card in edited.cards {
            let guid = "recall:cells:\(card.id)"
            guard let note = byGUID[guid] else {
                Issue.record("no note with GUID \(guid)")
                continue
            }
            // Anki stores text in Unicode NFC.
            let nfc = { (s: String) in s.precomposedStringWithCanonicalMapping }
            #expect(note.fields == [nfc(card.front), nfc(card.back)], "card \(card.id)")
            #expect(note.notetype == "Basic")
            #expect(note.decks == ["Biology::Cells"])
            // Anki gives a tag the case it first saw it in, collection-wide.
            let tags = card.tags.map { nfc(AnkiExport.ankiTag($0)).lowercased() }.filter { !$0.isEmpty }
            #expect(Set(note.tags.map { $0.lowercased() }) == Set(tags), "card \(card.id)")
        }
    }
}
