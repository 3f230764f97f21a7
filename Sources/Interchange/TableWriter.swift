import Flashcards
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
/// sequence) and fast: each cell is tested once and copied in runs, never byte by byte. The
/// tests check this writer against CSV.swift's, byte for byte.
struct TableWriter {
    private let delimiter: UInt8
    private let ending: [UInt8]
    /// The text so far.
    private(set) var bytes: [UInt8] = []
    private var atRowStart = true

    private static let quote: UInt8 = 0x22

    /// What makes a cell quoted, and the quotes inside it.
    private let special: ByteFinder
    private let quotes = ByteFinder(Self.quote)

    init(delimiter: Unicode.Scalar, lineEnding: LineEnding) {
        precondition(delimiter.isASCII && delimiter != "\"", "the delimiter must be ASCII and not a quote")
        self.delimiter = UInt8(delimiter.value)
        ending = Array(lineEnding.text.utf8)
        special = ByteFinder(self.delimiter, Self.quote, 0x0A, 0x0D)
    }

    /// Room for about this many bytes of text, so the buffer seldom grows.
    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Appends a cell to the current row, quoted when it must be (or when `forceQuote`).
    mutating func cell(_ text: String, forceQuote: Bool = false) {
        if !atRowStart { bytes.append(delimiter) }
        atRowStart = false
        var text = text
        text.withUTF8 { write($0, forceQuote: forceQuote) }
    }

    /// Ends the current row with the line ending.
    mutating func endRow() {
        bytes.append(contentsOf: ending)
        atRowStart = true
    }

    /// The rows as text, each row ended by the line ending (the last one too).
    /// - Parameter forceQuote: cells to quote even when not needed, by row and column.
    func render(_ rows: [[String]], forceQuote: (Int, Int) -> Bool = { _, _ in false }) -> Data {
        var writer = self
        writer.reserve(rows.count * 256)
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.enumerated() { writer.cell(cell, forceQuote: forceQuote(r, c)) }
            writer.endRow()
        }
        return Data(writer.bytes)
    }

    /// `prefix`, then one or more rows for each of the items `0..<count`, written in chunks on
    /// all cores and joined in order: the same text as one writer over all the items.
    /// - Parameters:
    ///   - estimate: roughly how many bytes the items of a range take.
    ///   - rows: writes the rows of one item.
    func render(
        prefix: String, count: Int, estimate: @Sendable (Range<Int>) -> Int,
        rows: @Sendable (inout TableWriter, Int) -> Void
    ) -> Data {
        let empty = self
        let chunks = ParallelChunks.map(count, minimum: 4096) { range in
            var writer = empty
            writer.reserve(estimate(range))
            for i in range { rows(&writer, i) }
            return writer.bytes
        }
        var data = Data(capacity: prefix.utf8.count + chunks.reduce(0) { $0 + $1.count })
        data.append(contentsOf: prefix.utf8)
        for chunk in chunks { data.append(contentsOf: chunk) }
        return data
    }

    private mutating func write(_ utf8: UnsafeBufferPointer<UInt8>, forceQuote: Bool) {
        guard forceQuote || special.next(in: utf8, from: 0) < utf8.count else {
            bytes.append(contentsOf: utf8)
            return
        }
        bytes.append(Self.quote)
        var start = 0
        var i = quotes.next(in: utf8, from: 0)
        while i < utf8.count {
            // Up to and including the quote; the next run starts at it, so it is written twice.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...i]))
            start = i
            i = quotes.next(in: utf8, from: i + 1)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        bytes.append(Self.quote)
    }
}
