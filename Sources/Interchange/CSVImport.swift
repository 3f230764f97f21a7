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
        let rows = try InputText.withText(data) { bytes throws(InterchangeError) in
            try DelimitedRows.parse(bytes, delimiter: delimiter).filter { !$0.isBlank }
        }
        guard let header = rows.first else { throw .input(line: nil, "the file is empty") }
        let columns = try Self.mapHeader(header)
        let body = rows.dropFirst()
        let problems = body.filter { $0.cells.count != columns.count }.map { row in
            InputProblem(
                line: row.line,
                "wrong number of columns: \(row.cells.count), but the header on line \(header.line) has \(columns.count)"
            )
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        let restoreFormulas = restoreFormulas
        // Each row on its own, so on all cores.
        let cards = ParallelChunks.array(body.count, minimum: 4096) { i in
            let row = body[body.startIndex + i]
            let cells = restoreFormulas ? row.cells.map(FormulaGuard.restore) : row.cells
            return Self.card(line: row.line, cells: cells, columns: columns)
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

    static func card(line: Int, cells: [String], columns: [CardColumn]) -> ImportedCard {
        var card = ImportedCard(line: line, front: "", back: "")
        for (column, cell) in zip(columns, cells) { card.set(column, from: cell) }
        return card
    }
}
