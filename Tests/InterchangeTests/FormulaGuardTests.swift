import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Interchange

struct FormulaGuardTests {
    @Test(arguments: [
        ("=SUM(A1:A2)", "'=SUM(A1:A2)"), ("+1", "'+1"), ("-x", "'-x"), ("@cmd", "'@cmd"), ("\tx", "'\tx"),
        ("\rx", "'\rx"), ("'=a", "''=a"), ("''+b", "'''+b"), ("plain", "plain"), ("'quoted'", "'quoted'"),
        ("a=b", "a=b"), ("", ""), ("'", "'"),
    ])
    func neutralizesFormulaStartersOnly(cell: String, expected: String) {
        #expect(FormulaGuard.neutralize(cell) == expected)
        #expect(FormulaGuard.restore(expected) == cell)
    }

    @Test func csvCellsAreNeutralizedUnlessTurnedOff() throws {
        let card = Card(id: CardID("x1"), kind: .faq, front: "=HYPERLINK(\"http://evil\")", back: "-5", tags: ["@home"])
        let guarded = String(decoding: try CSVExport(lineEnding: .lf).render([card]), as: UTF8.self)
        #expect(
            guarded
                == "id,front,back,kind,section,tags,context\nx1,\"'=HYPERLINK(\"\"http://evil\"\")\",'-5,faq,,'@home,\n"
        )
        let raw = String(
            decoding: try CSVExport(lineEnding: .lf, neutralizeFormulas: false).render([card]), as: UTF8.self)
        #expect(
            raw == "id,front,back,kind,section,tags,context\nx1,\"=HYPERLINK(\"\"http://evil\"\")\",-5,faq,,@home,\n")
    }

    @Test func importRestoresNeutralizedCells() throws {
        let text = "front,back\n'=1+1,'-5\n'plain,''@x\n"
        let cards = try CSVImport().read(Data(text.utf8)).cards
        #expect(cards.map(\.front) == ["=1+1", "'plain"])
        #expect(cards.map(\.back) == ["-5", "'@x"])
    }

    @Test func bomAndCRLFAreWrittenOnRequest() throws {
        let card = Card(id: CardID("x1"), kind: .faq, front: "q", back: "a")
        let data = try CSVExport(byteOrderMark: true).render([card])
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(
            String(decoding: data.dropFirst(3), as: UTF8.self)
                == "id,front,back,kind,section,tags,context\r\nx1,q,a,faq,,,\r\n")
    }

    /// The byte version a CSV import uses against the `String` one, on every cell shape.
    @Test func restoresBytesAsItRestoresText() {
        var tricky = TrickyText(seed: 66)
        var cells = ["", "'", "''", "'=", "''=", "'a", "'é", "'\u{301}=", "''-5", "'\t", "'\r\n", "'@x", "'+"]
        cells += (0..<3000).map { _ in (tricky.int(0...1) == 0 ? "'" : "") + tricky.text(maxPieces: 4) }
        for cell in cells {
            var text = cell
            let restored = text.withUTF8 { Array(FormulaGuard.restore($0)) }
            #expect(restored == Array(FormulaGuard.restore(cell).utf8), "\(cell.debugDescription)")
        }
    }
}
