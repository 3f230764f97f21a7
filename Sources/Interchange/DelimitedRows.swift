/// A record of delimited text: its cells and the line it starts on.
struct Row: Equatable {
    var line: Int
    var cells: [String]
    var startsWithHash: Bool

    /// A blank line reads as one empty cell.
    var isBlank: Bool { cells.count == 1 && cells[0].isEmpty }
}

/// Parses delimited text into rows with `RecordScanner`.
enum DelimitedRows {
    static func parse(_ text: String, delimiter: Unicode.Scalar, firstLine: Int = 1) throws(InterchangeError) -> [Row] {
        try scanner(delimiter).rows(text, firstLine: firstLine)
    }

    /// The records of valid UTF-8 text as ranges of cells, strings not yet made.
    static func records(_ bytes: UnsafeBufferPointer<UInt8>, delimiter: Unicode.Scalar) throws(InterchangeError)
        -> RecordScanner.RecordTable
    {
        try scanner(delimiter).records(bytes)
    }

    private static func scanner(_ delimiter: Unicode.Scalar) throws(InterchangeError) -> RecordScanner {
        guard delimiter.isASCII, delimiter != "\"", delimiter != "\n", delimiter != "\r" else {
            throw .input(line: nil, "separator '\(delimiter.escaped(asASCII: true))' is not supported")
        }
        return RecordScanner(delimiter: UInt8(delimiter.value))
    }
}
