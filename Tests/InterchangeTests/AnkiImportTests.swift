import Flashcards
import Foundation
import Interchange
import Testing

struct AnkiImportTests {
    /// What Anki 25's "Notes in Plain Text" export writes with every option on.
    static let ankiExport =
        [
            "#separator:tab", "#html:true", "#guid column:1", "#notetype column:2", "#deck column:3", "#tags column:6",
            "f%3Kx!2pQw\tBasic\tBiology::Cells\tWhat is a <b>cell</b>?\tThe smallest unit of life.<br>Every organism has one or more.\tbio exam",
            "recall:cells:0123456789ab\tBasic\tBiology::Cells\tA &amp; B &lt;3\t\"Quoted \"\"text\"\"\"\t",
        ].joined(separator: "\n") + "\n"

    @Test func readsAnAnkiNotesExport() throws {
        let table = try AnkiImport().read(Data(Self.ankiExport.utf8))
        #expect(table.deckName == "Biology::Cells")
        #expect(
            table.cards == [
                ImportedCard(
                    line: 7, front: "What is a cell?",
                    back: "The smallest unit of life.\nEvery organism has one or more.",
                    tags: ["bio", "exam"]),
                ImportedCard(line: 8, id: "0123456789ab", front: "A & B <3", back: "Quoted \"text\"", tags: []),
            ])
    }

    @Test func columnsHeaderMapsFieldsByName() throws {
        let text = "#separator:Comma\n#columns:Back,Front,Tags\n#tags column:3\n# a comment\nanswer,question,t1 t2\n"
        let table = try AnkiImport().read(Data(text.utf8))
        #expect(table.cards == [ImportedCard(line: 5, front: "question", back: "answer", tags: ["t1", "t2"])])
    }

    @Test func recallsAnkiExportStartsWithItsHeaders() throws {
        let cards = [
            Card(id: CardID("abc"), kind: .faq, front: "#1 rule?", back: "two\nlines", tags: ["big idea", "x"])
        ]
        let text = String(decoding: try AnkiExport(deckName: "My Deck", slug: "my-deck").render(cards), as: UTF8.self)
        let expected = [
            "#separator:tab", "#html:false", "#notetype:Basic", "#deck:My Deck", "#columns:Front\tBack\tTags\tGUID",
            "#tags column:3", "#guid column:4", "\"#1 rule?\"\t\"two", "lines\"\tbig_idea x\trecall:my-deck:abc",
        ]
        #expect(text == expected.joined(separator: "\n") + "\n")
        #expect(ImportFormat.detect(Data(text.utf8), fileName: "x.csv") == .anki)
    }

    @Test func detectsFormats() {
        #expect(ImportFormat.detect(Data("front,back\n".utf8), fileName: "cards.csv") == .csv)
        #expect(ImportFormat.detect(Data("front\tback\n".utf8), fileName: "cards.txt") == .tsv)
        #expect(ImportFormat.detect(Data("front,back\n".utf8), fileName: "cards.tsv") == .tsv)
        #expect(ImportFormat.detect(Data("\u{FEFF}#separator:tab\n".utf8), fileName: "cards.txt") == .anki)
    }

    @Test func htmlFieldsBecomePlainText() throws {
        let text = "#separator:tab\n#html:true\n<div>one</div><div>two&nbsp;&#x263A;</div>\tx<br/>y &quot;z&quot;\n"
        let card = try #require(try AnkiImport().read(Data(text.utf8)).cards.first)
        #expect(card.front == "one\ntwo\u{A0}☺")
        #expect(card.back == "x\ny \"z\"")
    }
}
