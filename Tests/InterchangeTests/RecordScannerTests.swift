import CSV
import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Interchange

/// recall's reader against CSV.swift's `CSVReader`, which it replaced for speed: the same rows
/// and cells on random tricky text, and the same lines and errors as the record scanner that
/// used to run beside `CSVReader` (kept below as `RecordLines`).
struct RecordScannerTests {
    static let delimiters: [Unicode.Scalar] = [",", "\t", ";", " ", "|"]

    /// What `CSVReader` reads, as `DelimitedRows` used to call it.
    static func csvSwiftRows(_ text: String, delimiter: Unicode.Scalar) throws -> [[String]] {
        let reader = try CSVReader(string: text, hasHeaderRow: false, trimFields: false, delimiter: delimiter)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// A cell written the way a careful writer (or a sloppy one) might: quoted when it must be,
    /// sometimes quoted when it need not be.
    static func written(_ cell: String, delimiter: Unicode.Scalar, quoteAnyway: Bool) -> String {
        let special = cell.unicodeScalars.contains { $0 == delimiter || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard special || quoteAnyway else { return cell }
        // Doubled scalar by scalar: Foundation's replacingOccurrences skips a quote that
        // begins a grapheme cluster (`"\u{301}`).
        var doubled = String.UnicodeScalarView()
        for scalar in cell.unicodeScalars {
            if scalar == "\"" { doubled.append(scalar) }
            doubled.append(scalar)
        }
        return "\"" + String(doubled) + "\""
    }

    /// Well-formed text: random cells (empty ones too) under random quoting, records ended by
    /// LF, CRLF or CR, with or without a final line break, blank lines now and then.
    static func wellFormed(seed: UInt64, delimiter: Unicode.Scalar) -> String {
        var tricky = TrickyText(seed: seed)
        var text = ""
        for _ in 0..<tricky.int(0...40) {
            if tricky.int(0...15) == 0 {
                text += ["\n", "\r\n", "\r"][tricky.int(0...2)]
                continue
            }
            let cells = (0..<tricky.int(1...6)).map { _ in
                written(tricky.text(maxPieces: 6), delimiter: delimiter, quoteAnyway: tricky.int(0...3) == 0)
            }
            text += cells.joined(separator: String(delimiter))
            text += ["\n", "\r\n", "\r"][tricky.int(0...2)]
        }
        if tricky.int(0...1) == 0, text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return text
    }

    /// Anything at all: tricky pieces, lone quotes and separators in random order.
    static func arbitrary(seed: UInt64, delimiter: Unicode.Scalar) -> String {
        var tricky = TrickyText(seed: seed)
        let extra = [String(delimiter), "\"", "\"\"", "\n", "\r", "\r\n", "\u{FEFF}", ""]
        return (0..<tricky.int(0...60)).map { _ in
            tricky.int(0...2) == 0 ? extra[tricky.int(0...extra.count - 1)] : tricky.text(maxPieces: 2)
        }
        .joined()
    }

    @Test(arguments: delimiters)
    func readsWhatCSVSwiftReadsFromWellFormedText(delimiter: Unicode.Scalar) throws {
        for seed in UInt64(0)..<400 {
            let text = Self.wellFormed(seed: seed, delimiter: delimiter)
            let rows = try DelimitedRows.parse(text, delimiter: delimiter, firstLine: 1)
            #expect(rows.map(\.cells) == (try Self.csvSwiftRows(text, delimiter: delimiter)), "seed \(seed)")
            let records = try RecordLines(delimiter: UInt8(delimiter.value)).scan(text.utf8)
            #expect(rows.map(\.line) == records.map(\.line), "seed \(seed)")
            #expect(rows.map(\.startsWithHash) == records.map(\.startsWithHash), "seed \(seed)")
        }
    }

    @Test(arguments: delimiters)
    func agreesWithCSVSwiftAndTheOldScannerOnArbitraryText(delimiter: Unicode.Scalar) throws {
        var refused = 0
        for seed in UInt64(1000)..<2500 {
            let text = Self.arbitrary(seed: seed, delimiter: delimiter)
            let firstLine = Int(seed % 5) + 1
            let old = Result { () throws(InterchangeError) in
                try RecordLines(delimiter: UInt8(delimiter.value)).scan(text.utf8, firstLine: firstLine)
            }
            let new = Result { () throws(InterchangeError) in
                try DelimitedRows.parse(text, delimiter: delimiter, firstLine: firstLine)
            }
            switch (old, new) {
            case (.success(let records), .success(let rows)):
                #expect(rows.map(\.cells) == (try Self.csvSwiftRows(text, delimiter: delimiter)), "seed \(seed)")
                #expect(rows.map(\.line) == records.map(\.line), "seed \(seed)")
                #expect(rows.map(\.startsWithHash) == records.map(\.startsWithHash), "seed \(seed)")
            case (.failure(let expected), .failure(let found)):
                refused += 1
                #expect(found == expected, "seed \(seed)")
            default:
                Issue.record("seed \(seed): the old scanner gave \(old), the new reader \(new)")
            }
        }
        // Both kinds of input occur: the generator is not all errors or all clean.
        #expect(refused > 100 && refused < 1400)
    }

    /// The split point's quote parity, sixteen bytes at a time, against a byte walk.
    @Test func likelyRecordStartIsWhereAByteWalkFindsIt() {
        func walked(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var quotes = 0
            for i in 0..<(bytes.count - bytes.count / 4) {
                if bytes[i] == 0x22 { quotes += 1 }
                guard i >= bytes.count / 2, quotes % 2 == 0 else { continue }
                if bytes[i] == 0x0A || (bytes[i] == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                    return i + 1
                }
            }
            return nil
        }
        var tricky = TrickyText(seed: 88)
        for _ in 0..<2000 {
            let text = (0..<tricky.int(0...40)).map { _ in tricky.text(maxPieces: 6) }.joined()
            var utf8 = text
            utf8.withUTF8 { bytes in
                #expect(RecordScanner.likelyRecordStart(in: bytes) == walked(bytes), "\(text.debugDescription)")
            }
        }
    }

    /// Reading in two halves at once gives the one-pass table or error, on well-formed and
    /// arbitrary text, several generated texts joined so a split has room to land anywhere.
    @Test(arguments: delimiters)
    func halvesReadAsOnePassReads(delimiter: Unicode.Scalar) {
        let scanner = RecordScanner(delimiter: UInt8(delimiter.value))
        var joined = 0
        for seed in UInt64(0)..<600 {
            let parts = (0..<4).map { k in
                seed % 2 == 0
                    ? Self.wellFormed(seed: seed * 4 + k, delimiter: delimiter)
                    : Self.arbitrary(seed: seed * 4 + k, delimiter: delimiter)
            }
            var text = parts.joined(separator: "\n")
            let firstLine = Int(seed % 3) + 1
            text.withUTF8 { bytes in
                let one = Result { () throws(InterchangeError) in
                    try scanner.records(bytes, firstLine: firstLine, splitAbove: .max)
                }
                let two = Result { () throws(InterchangeError) in
                    try scanner.records(bytes, firstLine: firstLine, splitAbove: 0)
                }
                switch (one, two) {
                case (.success(let a), .success(let b)):
                    #expect(a.cells == b.cells, "seed \(seed)")
                    #expect(a.records == b.records, "seed \(seed)")
                case (.failure(let a), .failure(let b)):
                    #expect(a == b, "seed \(seed)")
                default:
                    Issue.record("seed \(seed): one pass gave \(one), two halves \(two)")
                }
                // A record starts at its first cell, or at that cell's opening quote.
                if let split = RecordScanner.likelyRecordStart(in: bytes), case .success(let table) = one,
                    table.records.contains(where: { record in
                        let start = table.cells[record.firstCell].start
                        return (start > 0 && bytes[start - 1] == 0x22 ? start - 1 : start) == split
                    })
                {
                    joined += 1
                }
            }
        }
        // Most splits land on a record, so the joining is what is tested, not the fallback.
        #expect(joined > 200)
    }

    @Test func edgesReadAsCSVSwiftReadsThem() throws {
        let cases = [
            "", "\n", "\r\n\r\n", "\r\r", "a", "a,", ",", ",,\n", "a,\n", "\"\"", "\"\",\"\"", "\"a\"\r", "\"a\"\rb",
            "\"a\"\r\nb", "ab\"c,d", "\"a\"\"b\"", "\"\"\"\"", "\"a\nb\"\n", "\u{FEFF}a,b", "#a,b\nc", "a\r\n",
            "\"a,b\",c", "é,\"e\u{301}\",日本語\r\n\"🙂\"",
        ]
        for text in cases {
            let rows = try DelimitedRows.parse(text, delimiter: ",")
            #expect(rows.map(\.cells) == (try Self.csvSwiftRows(text, delimiter: ",")), "\(text.debugDescription)")
        }
    }

    @Test func linesCountEveryKindOfLineBreak() throws {
        let rows = try DelimitedRows.parse("a\r\nb\rc\nd,\"x\r\ny\rz\nw\"\ne", delimiter: ",", firstLine: 3)
        #expect(rows.map(\.line) == [3, 4, 5, 6, 10])
        #expect(rows[3].cells == ["d", "x\r\ny\rz\nw"])
    }
}

/// The record scanner that ran beside `CSVReader` before this reader replaced both, kept
/// unchanged as the oracle for line numbers and quoting errors.
struct RecordLines {
    struct Record: Equatable {
        /// The 1-based line the record starts on.
        var line: Int
        /// The record's first byte is `#` (Anki skips such lines as comments).
        var startsWithHash: Bool
    }

    var delimiter: UInt8

    func scan(_ bytes: some Collection<UInt8>, firstLine: Int = 1) throws(InterchangeError) -> [Record] {
        let bytes = Array(bytes)
        let quote: UInt8 = 0x22
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        var records: [Record] = []
        var line = firstLine
        var i = 0
        var atRecordStart = true
        var atFieldStart = true
        while i < bytes.count {
            if atRecordStart {
                records.append(Record(line: line, startsWithHash: bytes[i] == 0x23))
                atRecordStart = false
            }
            let byte = bytes[i]
            if atFieldStart && byte == quote {
                let openedOn = line
                i += 1
                atFieldStart = false
                quoted: while true {
                    guard i < bytes.count else {
                        throw .input(
                            line: openedOn, "unbalanced quotes: the quoted field that starts here is never closed")
                    }
                    switch bytes[i] {
                    case quote:
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            i += 2
                            continue quoted
                        }
                        i += 1
                        guard i < bytes.count else { break quoted }
                        if bytes[i] == delimiter {
                            i += 1
                            atFieldStart = true
                        } else if bytes[i] != cr && bytes[i] != lf {
                            throw .input(
                                line: line,
                                "unbalanced quotes: text after a closing quote (write a quote inside a quoted field as \"\")"
                            )
                        }
                        break quoted
                    case lf:
                        line += 1
                        i += 1
                    case cr:
                        line += 1
                        i += (i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                    default:
                        i += 1
                    }
                }
                continue
            }
            atFieldStart = false
            switch byte {
            case delimiter:
                atFieldStart = true
                i += 1
            case lf, cr:
                line += 1
                i += (byte == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                atRecordStart = true
                atFieldStart = true
            default:
                i += 1
            }
        }
        return records
    }
}
