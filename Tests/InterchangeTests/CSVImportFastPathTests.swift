import CSV
import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Interchange

/// `CSVImport` makes each cell's string from its byte range while building the cards, on all
/// cores; here it is held to the plain path: `CSVReader`'s rows, blank lines dropped, the
/// header mapped, every cell set on its card in turn.
struct CSVImportFastPathTests {
    static func reference(_ text: String, delimiter: Unicode.Scalar, restore: Bool) throws -> [ImportedCard] {
        let rows = try RecordScannerTests.csvSwiftRows(text, delimiter: delimiter)
            .filter { !($0.count == 1 && $0[0].isEmpty) }
        let columns = try #require(rows.first).map { try #require(CardColumn(header: $0)) }
        // Lines as the scanner counts them, checked against CSVReader in RecordScannerTests.
        let lines = try DelimitedRows.parse(text, delimiter: delimiter).filter { !$0.isBlank }.map(\.line)
        return zip(rows.dropFirst(), lines.dropFirst()).map { cells, line in
            var card = ImportedCard(line: line, front: "", back: "")
            for (column, cell) in zip(columns, cells) {
                card.set(column, from: restore ? FormulaGuard.restore(cell) : cell)
            }
            return card
        }
    }

    /// A table under a random header order, with tricky cells (quotes, separators, line
    /// breaks, leading `'=`), random quoting, blank lines and line ends.
    static func table(seed: UInt64, delimiter: Unicode.Scalar, rows: Int) -> String {
        var tricky = TrickyText(seed: seed)
        var header = CardColumn.header.shuffled(using: &tricky.random)
        header.removeLast(tricky.int(0...3))
        if !header.contains("front") { header.append("front") }
        if !header.contains("back") { header.append("back") }
        let ends = ["\n", "\r\n", "\r"]
        var text = header.joined(separator: String(delimiter)) + ends[tricky.int(0...2)]
        let extra = ["'=SUM(A1)", "''-5", "\"\"", "\"", String(delimiter), "a\"b", ""]
        for _ in 0..<rows {
            if tricky.int(0...20) == 0 { text += ends[tricky.int(0...2)] }
            let cells = header.map { _ in
                let cell =
                    tricky.int(0...3) == 0 ? extra[tricky.int(0...extra.count - 1)] : tricky.text(maxPieces: 4)
                return RecordScannerTests.written(cell, delimiter: delimiter, quoteAnyway: tricky.int(0...4) == 0)
            }
            text += cells.joined(separator: String(delimiter)) + ends[tricky.int(0...2)]
        }
        return text
    }

    @Test(arguments: [",", "\t"] as [Unicode.Scalar])
    func readsTheSameCardsAsThePlainPath(delimiter: Unicode.Scalar) throws {
        let format: CSVExport.Delimiter = delimiter == "," ? .comma : .tab
        // Small tables, and a few above the 4096 rows at which the cards are built in chunks.
        for seed in UInt64(0)..<203 {
            let text = Self.table(seed: seed, delimiter: delimiter, rows: seed >= 200 ? 5000 : Int(seed % 30))
            for restore in [true, false] {
                let cards = try CSVImport(delimiter: format, restoreFormulas: restore).read(Data(text.utf8)).cards
                #expect(cards == (try Self.reference(text, delimiter: delimiter, restore: restore)), "seed \(seed)")
            }
        }
    }
}
