import CSV
import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Interchange

/// recall's writer against CSV.swift's `CSVWriter`, which it replaced for speed.
struct TableWriterTests {
    /// CSV.swift compares grapheme clusters, so it mis-writes a quote or separator that begins
    /// a cluster with a combining mark; those pieces are left out of the comparison.
    static let comparable = TrickyText.pieces.filter { !$0.unicodeScalars.contains { $0.value == 0x301 } }

    @Test(arguments: [(Unicode.Scalar(","), LineEnding.crlf), ("\t", .lf), (";", .lf)])
    func writesWhatCSVSwiftWrites(delimiter: Unicode.Scalar, ending: LineEnding) throws {
        var random = SeededGenerator(seed: 11)
        let rows = (0..<300).map { _ in
            (0..<5).map { _ in
                (0..<Int.random(in: 0...6, using: &random)).map { _ in
                    Self.comparable.randomElement(using: &random) ?? ""
                }
                .joined()
            }
        }
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: String(delimiter), newline: ending == .crlf ? .crlf : .lf)
        for row in rows { try writer.write(row: row) }
        stream.close()
        var expected = try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
        expected.append(contentsOf: Array(ending.text.utf8))
        let ours = TableWriter(delimiter: delimiter, lineEnding: ending).render(rows)
        #expect(ours == expected)
    }

    @Test func quotesASeparatorOrQuoteThatStartsAGraphemeCluster() {
        let rows = [[",\u{301}", "\"\u{301}", "plain"]]
        let text = String(decoding: TableWriter(delimiter: ",", lineEnding: .lf).render(rows), as: UTF8.self)
        #expect(text == "\",\u{301}\",\"\"\"\u{301}\",plain\n")
    }

    /// A whole export, cell by cell into one buffer, against the rows written by `CSVWriter`.
    @Test(arguments: [(CSVExport.Delimiter.comma, LineEnding.crlf, true), (.tab, .lf, false)])
    func exportWritesWhatCSVSwiftWrites(delimiter: CSVExport.Delimiter, ending: LineEnding, bom: Bool) throws {
        var tricky = TrickyText(seed: 12)
        let cards = tricky.cards(800).filter { card in
            !CSVExport.cells(of: card).joined().unicodeScalars.contains { $0.value == 0x301 }
        }
        let export = CSVExport(delimiter: delimiter, lineEnding: ending, byteOrderMark: bom)
        let stream = OutputStream(toMemory: ())
        let separator = delimiter == .comma ? "," : "\t"
        let writer = try CSVWriter(stream: stream, delimiter: separator, newline: ending == .crlf ? .crlf : .lf)
        try writer.write(row: CardColumn.header)
        for card in cards { try writer.write(row: CSVExport.cells(of: card).map(FormulaGuard.neutralize)) }
        stream.close()
        var expected = Data(bom ? [0xEF, 0xBB, 0xBF] : [])
        expected.append(try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data))
        expected.append(contentsOf: Array(ending.text.utf8))
        #expect(cards.count > 150)
        #expect(try export.render(cards) == expected)
    }
}
