import Foundation

/// Writes rows of cells as RFC 4180 delimited text: a cell holding the delimiter, a quote or a
/// line break is quoted, its quotes doubled.
///
/// This was CSV.swift's `CSVWriter`. Profiling a 100,000-card export (Benchmarks/interchange.md)
/// put 78% of the time inside it: it decides on quoting with five `String.contains` calls and
/// doubles quotes with `replacingOccurrences`, both through Foundation's NSString on Linux, and
/// writes the output one byte per call. Those calls compare grapheme clusters, too, so a `,` or
/// `"` followed by a combining mark (`,\u{301}`) was neither quoted nor doubled, and the file
/// came out broken. Working on UTF-8 bytes is exact (ASCII bytes never occur inside a multi-byte
/// sequence) and fast. CSV.swift still reads every file, and the tests check this writer
/// against CSV.swift's, byte for byte.
struct TableWriter {
    var delimiter: Unicode.Scalar
    var lineEnding: LineEnding

    /// The rows as text, each row ended by the line ending (the last one too).
    /// - Parameter forceQuote: cells to quote even when not needed, by row and column.
    func render(_ rows: [[String]], forceQuote: (Int, Int) -> Bool = { _, _ in false }) -> Data {
        precondition(delimiter.isASCII && delimiter != "\"", "the delimiter must be ASCII and not a quote")
        let d = UInt8(delimiter.value)
        let quote: UInt8 = 0x22
        let ending = Array(lineEnding.text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * 256)
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() {
                if c > 0 { out.append(d) }
                let bytes = cell.utf8
                if forceQuote(r, c) || bytes.contains(where: { $0 == d || $0 == quote || $0 == 0x0A || $0 == 0x0D }) {
                    out.append(quote)
                    for byte in bytes {
                        if byte == quote { out.append(quote) }
                        out.append(byte)
                    }
                    out.append(quote)
                } else {
                    out.append(contentsOf: bytes)
                }
            }
            out.append(contentsOf: ending)
        }
        return Data(out)
    }
}
