import Flashcards
import Foundation

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
        let table = try records(bytes, firstLine: firstLine)
        return table.records.map { record in
            Row(line: record.line, cells: table.cells(of: record, in: bytes), startsWithHash: record.startsWithHash)
        }
    }

    /// The records of UTF-8 text as ranges of its bytes, no strings made yet: the pass stays
    /// one walk over the bytes, and the strings can be made afterwards, on all cores.
    ///
    /// Text of at least `splitAbove` bytes (by default 1 MB with two cores or more, else never)
    /// is read in two halves at once: the second from a
    /// line break near the middle that an even number of quotes precedes (so most likely not
    /// inside a quoted field), while this thread reads up to it. The halves are joined only
    /// when this thread's reading starts a record exactly there; else it reads on to the end
    /// and the second half's work is dropped, so the result is always the one-pass result.
    func records(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int = 1,
        splitAbove: Int = ProcessInfo.processInfo.activeProcessorCount > 1 ? 1 << 20 : .max
    ) throws(InterchangeError) -> RecordTable {
        var reader = Reader(bytes: bytes, delimiter: delimiter, line: firstLine)
        guard bytes.count >= splitAbove, let split = Self.likelyRecordStart(in: bytes)
        else {
            var table = RecordTable(reservingFor: bytes.count)
            try reader.read(into: &table)
            return table
        }
        nonisolated(unsafe) var tail: Result<RecordTable, InterchangeError>?
        nonisolated(unsafe) let shared = bytes
        let delimiter = delimiter
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) {
            var tailReader = Reader(bytes: shared, delimiter: delimiter, line: 1, from: split)
            tail = Result { () throws(InterchangeError) in
                var table = RecordTable(reservingFor: shared.count - split)
                try tailReader.read(into: &table)
                return table
            }
        }
        // The other thread reads the buffer until it is done, whatever happens here.
        defer { group.wait() }
        // Room for the second half's cells too, so joining them copies them once.
        var table = RecordTable(reservingFor: bytes.count)
        try reader.read(into: &table, stoppingAt: split)
        guard reader.i == split else { return table }  // the split was inside a quoted field
        group.wait()
        // The second half counted lines from 1; the split is on `reader.line`.
        let shift = reader.line - 1
        switch tail {
        case .success(let second):
            let cellShift = table.cells.count
            table.cells += second.cells
            table.records.reserveCapacity(table.records.count + second.records.count)
            for var record in second.records {
                record.line += shift
                record.firstCell += cellShift
                table.records.append(record)
            }
            return table
        case .failure(.invalidInput(let problems)):
            throw .invalidInput(problems.map { InputProblem(line: $0.line.map { $0 + shift }, $0.message) })
        case .failure(let error):
            throw error
        case nil:
            preconditionFailure("the second half is read before the group is left")
        }
    }

    /// The offset just after the first line break past the middle of `bytes` that an even
    /// number of quotes precedes, or nil when there is none before three quarters. Up to the
    /// middle only the parity counts: sixteen bytes at a time, each lane of `odd` flipping
    /// with every quote it sees (the word-at-a-time count was a tenth of the scan, before the
    /// second thread can start).
    static func likelyRecordStart(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return nil }
        let middle = bytes.count / 2
        let quotes = SIMD16<UInt8>(repeating: 0x22)
        let zeros = SIMD16<UInt8>(repeating: 0)
        var odd = zeros
        var i = 0
        while i + 16 <= middle {
            let v = base.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
            odd ^= zeros.replacing(with: 1, where: v .== quotes)
            i += 16
        }
        var count = Int(odd.wrappedSum() & 1)
        while i < middle {
            if bytes[i] == 0x22 { count += 1 }
            i += 1
        }
        let limit = bytes.count - bytes.count / 4
        while i < limit {
            switch bytes[i] {
            case 0x22: count += 1
            case 0x0A where count % 2 == 0: return i + 1
            case 0x0D where count % 2 == 0 && (i + 1 == bytes.count || bytes[i + 1] != 0x0A): return i + 1
            default: break
            }
            i += 1
        }
        return nil
    }

    /// A cell as the range of its text between the quotes, if any.
    struct CellRange: Equatable {
        var start: Int
        var end: Int
        /// A quoted cell with doubled quotes (`""`) that still need collapsing.
        var doubledQuotes: Bool
    }

    /// A record: its cells are `count` cells of `RecordTable.cells` from `firstCell`.
    struct Record: Equatable {
        var line: Int
        var firstCell: Int
        var count: Int
        var startsWithHash: Bool
    }

    /// All records' cells in one flat array (no array per record).
    struct RecordTable {
        var cells: [CellRange] = []
        var records: [Record] = []

        init() {}

        /// Room for the cells of about `byteCount` bytes of text (one per 16 bytes; real tables
        /// have several times fewer), so the 700,000 cells of a large file are not copied as the
        /// array grows. Pages of the room that stay unused are never touched.
        init(reservingFor byteCount: Int) {
            cells.reserveCapacity(byteCount / 16)
            records.reserveCapacity(byteCount / 128)
        }

        /// A blank line reads as one empty cell.
        func isBlank(_ record: Record) -> Bool {
            record.count == 1 && cells[record.firstCell].start == cells[record.firstCell].end
        }

        func cells(of record: Record, in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
            (record.firstCell..<record.firstCell + record.count).map { string(cells[$0], in: bytes) }
        }

        /// The cell's unquoted text.
        func string(_ cell: CellRange, in bytes: UnsafeBufferPointer<UInt8>) -> String {
            let text = UnsafeBufferPointer(rebasing: bytes[cell.start..<cell.end])
            guard cell.doubledQuotes, let base = text.baseAddress else {
                return String(decoding: text, as: UTF8.self)
            }
            // Inside a quoted cell every quote is the first of a doubled pair: keep it, skip the
            // next. The runs are copied straight into the string's storage (no byte array first).
            return String(unsafeUninitializedCapacity: text.count) { out in
                guard let target = out.baseAddress else { return 0 }
                var start = 0
                var written = 0
                while start < text.count {
                    let found = memchr(base + start, 0x22, text.count - start)
                    let quote = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? text.count
                    let stop = quote < text.count ? quote + 1 : quote
                    (target + written).initialize(from: base + start, count: stop - start)
                    written += stop - start
                    start = quote + 2
                }
                return written
            }
        }
    }

    /// The walk over one buffer; it must only be used inside the closure that lends the buffer.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        let delimiter: UInt8
        /// The line of the next unread byte.
        var line: Int
        var i = 0

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

        init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8, line: Int, from start: Int) {
            self.init(bytes: bytes, delimiter: delimiter, line: line)
            i = start
        }

        /// Reads records into `table` up to the end, or until a record starts at `stop`.
        mutating func read(into table: inout RecordTable, stoppingAt stop: Int = -1) throws(InterchangeError) {
            while i < bytes.count && i != stop {
                let recordLine = line
                let startsWithHash = bytes[i] == Self.hash
                let first = table.cells.count
                while try field(into: &table.cells) {}
                table.records.append(
                    Record(
                        line: recordLine, firstCell: first, count: table.cells.count - first,
                        startsWithHash: startsWithHash))
            }
        }

        /// Reads the field at `i` and what ends it; returns whether another field of the same
        /// record follows.
        private mutating func field(into cells: inout [CellRange]) throws(InterchangeError) -> Bool {
            let n = bytes.count
            if i < n && bytes[i] == Self.quote { return try quotedField(into: &cells) }
            let start = i
            i = fieldEnd.next(in: bytes, from: i)
            cells.append(CellRange(start: start, end: i, doubledQuotes: false))
            return endOfField()
        }

        /// Reads a quoted field, `i` at its opening quote.
        private mutating func quotedField(into cells: inout [CellRange]) throws(InterchangeError) -> Bool {
            let n = bytes.count
            let openedOn = line
            i += 1
            let start = i
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
                        // A doubled quote: collapsed when the cell's string is made.
                        escaped = true
                        i += 2
                        continue
                    }
                    cells.append(CellRange(start: start, end: i, doubledQuotes: escaped))
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
    }
}
