import CSV
import Foundation

/// A record of delimited text: its cells and the line it starts on.
struct Row {
    var line: Int
    var cells: [String]
    var startsWithHash: Bool

    /// A blank line reads as one empty cell.
    var isBlank: Bool { cells.count == 1 && cells[0].isEmpty }
}

/// Parses delimited text into rows with CSV.swift, after `RecordScanner` has checked the
/// quoting and found each record's line.
enum DelimitedRows {
    static func parse(_ text: String, delimiter: Unicode.Scalar, firstLine: Int = 1) throws(InterchangeError) -> [Row] {
        guard delimiter.isASCII, delimiter != "\"", delimiter != "\n", delimiter != "\r" else {
            throw .input(line: nil, "separator '\(delimiter.escaped(asASCII: true))' is not supported")
        }
        let records = try RecordScanner(delimiter: UInt8(delimiter.value)).scan(text.utf8, firstLine: firstLine)
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        } catch {
            throw .input(line: firstLine, "could not read the file: \(error)")
        }
        var rows: [Row] = []
        rows.reserveCapacity(records.count)
        while let cells = reader.next() {
            // The scanner follows CSV.swift's record rules, so the counts agree; should they
            // ever not, a row is still read, with the line of the last known record.
            let record = rows.count < records.count ? records[rows.count] : records.last
            rows.append(
                Row(line: record?.line ?? firstLine, cells: cells, startsWithHash: record?.startsWithHash ?? false))
        }
        if let error = reader.error { throw .input(line: nil, "could not read the file: \(error)") }
        return rows
    }
}
