import CSV
import Foundation

/// Writes rows of cells as delimited text through CSV.swift, which does the quoting: a cell
/// holding the delimiter, a quote or a line break is quoted, quotes doubled (RFC 4180).
///
/// Two workarounds, both found by the round-trip property tests:
/// - CSV.swift decides whether to quote with `String.contains`, which compares whole grapheme
///   clusters, so `,` or `"` followed by a combining mark (`,\u{301}`) goes unnoticed and the cell
///   is written unquoted. We decide by Unicode scalar and pass `quoted: true`.
/// - CSV.swift doubles quotes with Foundation's `replacingOccurrences`, which also skips a quote
///   that is part of a larger cluster. The rare cell with a quote next to a non-ASCII scalar is
///   therefore quoted here, scalar by scalar; CSV.swift still writes the separators around it.
struct TableWriter {
    var delimiter: Unicode.Scalar
    var lineEnding: LineEnding

    /// The rows as text, each row ended by the line ending (the last one too).
    /// - Parameter forceQuote: cells to quote even when not needed, by row and column.
    func render(_ rows: [[String]], forceQuote: (Int, Int) -> Bool = { _, _ in false }) throws(InterchangeError)
        -> Data
    {
        let sink = ByteSink()
        do {
            let writer = try CSVWriter(
                stream: sink, delimiter: String(delimiter), newline: lineEnding == .crlf ? .crlf : .lf)
            for (r, row) in rows.enumerated() {
                writer.beginNewRow()
                for (c, cell) in row.enumerated() {
                    if hasQuoteInsideCluster(cell) {
                        try writer.write(field: "")  // the separator before the cell
                        sink.append(quotedByScalar(cell))
                    } else {
                        try writer.write(field: cell, quoted: needsQuotes(cell) || forceQuote(r, c))
                    }
                }
            }
        } catch {
            throw .writeFailed(detail: "\(error)")
        }
        // CSV.swift writes a line break before every row but the first; end the last one too,
        // as Unix text files and RFC 4180's examples do.
        if !rows.isEmpty { sink.append(lineEnding.text) }
        return Data(sink.bytes)
    }

    private func needsQuotes(_ cell: String) -> Bool {
        let d = UInt8(delimiter.value)
        return cell.utf8.contains { $0 == d || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    }

    /// A `"` next to a non-ASCII scalar may belong to a larger grapheme cluster.
    private func hasQuoteInsideCluster(_ cell: String) -> Bool {
        guard cell.utf8.contains(0x22) else { return false }
        var previous: Unicode.Scalar = " "
        for scalar in cell.unicodeScalars {
            if (scalar == "\"" && !previous.isASCII) || (previous == "\"" && !scalar.isASCII) { return true }
            previous = scalar
        }
        return false
    }

    private func quotedByScalar(_ cell: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }
}

/// An output stream that collects bytes in an array.
///
/// CSV.swift writes one byte per `write` call; Foundation's memory stream makes each of those
/// calls expensive, this one appends to an array.
final class ByteSink: OutputStream {
    private(set) var bytes: [UInt8] = []

    required init(toMemory: ()) {
        super.init(toMemory: ())
    }

    convenience init() { self.init(toMemory: ()) }

    override func write(_ buffer: UnsafePointer<UInt8>, maxLength len: Int) -> Int {
        bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: len))
        return len
    }

    override var hasSpaceAvailable: Bool { true }

    func append(_ text: String) { bytes.append(contentsOf: text.utf8) }
}
