import Flashcards

/// Reads delimited text (CSV, TSV, Anki's text) into rows of unquoted cells, in one pass over
/// its UTF-8 bytes, naming each record's line and refusing malformed quoting.
///
/// The rules are CSV.swift's `CSVReader` (without trimming): a field is quoted when it starts
/// with `"`, `""` inside it is a quote, CR, LF and CRLF end a record, a quote inside an unquoted
/// field is text. The tests hold it to `CSVReader` row for row on random tricky text. It
/// replaced `CSVReader` for speed: that reads one `Unicode.Scalar` per `AnyIterator` call and
/// appends it to the field one at a time, 4 s of a 6 s import of 100,000 cards
/// (Benchmarks/interchange.md). Here every byte the text needs is tested once and each cell is
/// copied out whole. Working on bytes is exact: the delimiter, quotes and line breaks are
/// ASCII, and ASCII bytes never occur inside a multi-byte UTF-8 sequence.
///
/// Unlike `CSVReader`, it refuses what CSV.swift silently misreads: a quoted field that never
/// closes (CSV.swift reads to the end of the file) and text after a closing quote.
struct RecordScanner {
    var delimiter: UInt8

    /// The rows of `text`, blank lines included (as one empty cell).
    /// - Parameter firstLine: the line number of the text's first line in its file.
    /// - Throws: `.invalidInput` at the line of the first quoting error.
    func rows(_ text: String, firstLine: Int = 1) throws(InterchangeError) -> [Row] {
        var text = text
        return try text.withUTF8 { bytes in
            Result { () throws(InterchangeError) in try rows(bytes, firstLine: firstLine) }
        }
        .get()
    }

    /// The rows of UTF-8 text (it must be valid: cells are cut out of it as they are).
    func rows(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1) throws(InterchangeError) -> [Row] {
        var reader = Reader(bytes: bytes, delimiter: delimiter, line: firstLine)
        return try reader.rows()
    }

    /// The walk over one buffer; it must only be used inside the closure that lends the buffer.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        /// The line of the next unread byte.
        var line: Int
        var i = 0
        /// Cells with doubled quotes are put together here, unescaped.
        var scratch: [UInt8] = []

        static let quote: UInt8 = 0x22
        static let cr: UInt8 = 0x0D
        static let lf: UInt8 = 0x0A
        static let hash: UInt8 = 0x23

        /// What ends an unquoted field, and what stops the walk through a quoted one.
        let fieldEnd: ByteFinder
        let quotedEnd = ByteFinder(Self.quote, Self.cr, Self.lf)

        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, line: Int) {
            self.bytes = bytes
            self.delimiter = delimiter
            self.line = line
            fieldEnd = ByteFinder(delimiter, Self.cr, Self.lf)
        }

        mutating func rows() throws(InterchangeError) -> [Row] {
            var rows: [Row] = []
            var width = 8
            while i < bytes.count {
                let recordLine = line
                let startsWithHash = bytes[i] == Self.hash
                var cells: [String] = []
                cells.reserveCapacity(width)
                while try field(into: &cells) {}
                width = cells.count
                rows.append(Row(line: recordLine, cells: cells, startsWithHash: startsWithHash))
            }
            return rows
        }

        /// Reads the field at `i` and what ends it; returns whether another field of the same
        /// record follows.
        private mutating func field(into cells: inout [String]) throws(InterchangeError) -> Bool {
            let n = bytes.count
            if i < n && bytes[i] == Self.quote { return try quotedField(into: &cells) }
            let start = i
            i = fieldEnd.next(in: bytes, from: i)
            cells.append(string(start..<i))
            return endOfField()
        }

        /// Reads a quoted field, `i` at its opening quote.
        private mutating func quotedField(into cells: inout [String]) throws(InterchangeError) -> Bool {
            let n = bytes.count
            let openedOn = line
            i += 1
            var start = i
            var escaped = false
            while true {
                i = quotedEnd.next(in: bytes, from: i)
                guard i < n else {
                    throw .input(
                        line: openedOn, "unbalanced quotes: the quoted field that starts here is never closed")
                }
                switch bytes[i] {
                case Self.lf:
                    line += 1
                    i += 1
                case Self.cr:
                    line += 1
                    i += (i + 1 < n && bytes[i + 1] == Self.lf) ? 2 : 1
                default:
                    if i + 1 < n && bytes[i + 1] == Self.quote {
                        // A doubled quote: keep the text so far and one quote.
                        if !escaped { scratch.removeAll(keepingCapacity: true) }
                        escaped = true
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...i]))
                        i += 2
                        start = i
                        continue
                    }
                    if escaped {
                        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                        cells.append(scratch.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) })
                    } else {
                        cells.append(string(start..<i))
                    }
                    i += 1
                    if i < n && bytes[i] != delimiter && bytes[i] != Self.cr && bytes[i] != Self.lf {
                        throw .input(
                            line: line,
                            "unbalanced quotes: text after a closing quote (write a quote inside a quoted field as \"\")"
                        )
                    }
                    return endOfField()
                }
            }
        }

        /// Consumes the delimiter or line break at `i`; returns whether the record goes on.
        private mutating func endOfField() -> Bool {
            guard i < bytes.count else { return false }
            let b = bytes[i]
            i += 1
            if b == delimiter { return true }
            line += 1
            if b == Self.cr && i < bytes.count && bytes[i] == Self.lf { i += 1 }
            return false
        }

        private func string(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
    }
}
