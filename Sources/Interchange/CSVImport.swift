import Flashcards
import Foundation

/// Reads CSV or TSV with a header row, mapping columns by their header names (`CardColumn`).
public struct CSVImport: Sendable {
    public var delimiter: CSVExport.Delimiter
    /// Undo `FormulaGuard.neutralize` on every cell, as `export` applied it.
    public var restoreFormulas: Bool

    public init(delimiter: CSVExport.Delimiter = .comma, restoreFormulas: Bool = true) {
        self.delimiter = delimiter
        self.restoreFormulas = restoreFormulas
    }

    public func read(_ data: Data) throws(InterchangeError) -> ImportedTable {
        let delimiter = delimiter.scalar
        let restoreFormulas = restoreFormulas
        let cards = try InputText.withText(data) { bytes throws(InterchangeError) in
            // One pass finds the records' cells; their strings are made per card, on all cores.
            let table = try DelimitedRows.records(bytes, delimiter: delimiter)
            let records = table.records.filter { !table.isBlank($0) }
            guard let first = records.first else { throw .input(line: nil, "the file is empty") }
            let header = Row(line: first.line, cells: table.cells(of: first, in: bytes), startsWithHash: false)
            let columns = try Self.mapHeader(header)
            let body = records.dropFirst()
            let problems = body.filter { $0.count != columns.count }.map { record in
                InputProblem(
                    line: record.line,
                    "wrong number of columns: \(record.count), but the header on line \(header.line) has \(columns.count)"
                )
            }
            if !problems.isEmpty { throw .invalidInput(problems) }
            // The buffer outlives the chunks: they all end before `withText` returns.
            nonisolated(unsafe) let bytes = bytes
            return ParallelChunks.array(body.count, minimum: 4096) { i in
                let record = body[body.startIndex + i]
                var card = ImportedCard(line: record.line, front: "", back: "")
                for (k, column) in columns.enumerated() {
                    let range = table.cells[record.firstCell + k]
                    if range.doubledQuotes {
                        let cell = table.string(range, in: bytes)
                        card.set(column, from: restoreFormulas ? FormulaGuard.restore(cell) : cell)
                    } else {
                        // Most cells: restored and read where they lie, one `String` made at most.
                        let cell = UnsafeBufferPointer(rebasing: bytes[range.start..<range.end])
                        card.set(column, fromUTF8: restoreFormulas ? FormulaGuard.restore(cell) : cell)
                    }
                }
                return card
            }
        }
        return ImportedTable(cards: cards, deckName: nil, format: self.delimiter == .comma ? .csv : .tsv)
    }

    static func mapHeader(_ header: Row) throws(InterchangeError) -> [CardColumn] {
        var columns: [CardColumn] = []
        var problems: [InputProblem] = []
        for (index, name) in header.cells.enumerated() {
            let shown = TerminalSanitizer.inertLine(name)
            guard let column = CardColumn(header: name) else {
                problems.append(
                    InputProblem(
                        line: header.line,
                        "unknown column '\(shown)' (column \(index + 1)); recall reads "
                            + CardColumn.header.joined(separator: ", ")
                            + " (also question/term for front, answer/definition for back)"))
                continue
            }
            if columns.contains(column) {
                problems.append(InputProblem(line: header.line, "column '\(shown)' appears twice"))
            }
            columns.append(column)
        }
        if problems.isEmpty {
            for required in [CardColumn.front, .back] where !columns.contains(required) {
                problems.append(InputProblem(line: header.line, "no '\(required.rawValue)' column in the header"))
            }
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        return columns
    }
}
