import Foundation

/// How far into a review log something reaches: bytes and complete lines (header included),
/// and the id of the last entry (0 when none).
public struct LogPosition: Sendable, Equatable {
    public var bytes: Int
    public var lines: Int
    public var lastID: Int

    public static let start = LogPosition(bytes: 0, lines: 0, lastID: 0)
}

/// Reads a deck's review log with the damage policy of `LogLines`.
enum ReviewLogReader {
    struct Result {
        /// After the last good line: where the next entry goes once a torn tail is cut off.
        var end: LogPosition
        /// A torn last line: its line number and byte length.
        var torn: (line: Int, bytes: Int)?
        var warnings: [StorageWarning] = []
    }

    /// The position given does not fit the log (a snapshot from another log); read it all.
    struct Mismatch: Error {}

    /// Reads entries after `position` (the whole log when nil), handing each to `body`.
    /// - Throws: `StorageError.corrupt` naming file and line for damage before the last line,
    ///   `.newerFormat` for a newer log, `Mismatch` when `position` does not fit.
    static func scan(
        _ path: String, after position: LogPosition? = nil, _ body: (LogEntry) throws -> Void
    ) throws -> Result {
        let from = position ?? .start
        if from.bytes > 0 {
            // The header must still be this format's, and the snapshot's end a line's end.
            guard let head = try FileBytes.read(path, from: 0, atMost: 4096),
                let newline = head.firstIndex(of: 0x0A),
                let before = try FileBytes.read(path, from: from.bytes - 1, atMost: 1), before == [0x0A]
            else { throw Mismatch() }
            try head.withUnsafeBufferPointer { (b) throws(StorageError) in
                try ProgressFormat.checkLogHeader(UnsafeBufferPointer(rebasing: b[..<newline]), path: path)
            }
        }
        guard let bytes = try FileBytes.read(path, from: from.bytes) else {
            if from.bytes > 0 { throw Mismatch() }
            return Result(end: .start)
        }
        return try bytes.withUnsafeBufferPointer { buffer throws -> Result in
            let (lines, tail) = LogLines.split(buffer, firstLineNumber: from.lines + 1)
            var result = Result(end: from)
            var lastID = from.lastID
            var lineIndex = 0
            if from.bytes == 0 {
                guard let header = lines.first else {
                    if let tail {
                        result.torn = (tail.number, tail.range.count)
                        result.warnings.append(
                            StorageWarning(
                                path: path, line: 1,
                                message: "dropped a torn header line (a crash while creating the log)"))
                    }
                    return result
                }
                try ProgressFormat.checkLogHeader(UnsafeBufferPointer(rebasing: buffer[header.range]), path: path)
                result.end = LogPosition(bytes: header.range.upperBound + 1, lines: 1, lastID: 0)
                lineIndex = 1
            }
            while lineIndex < lines.count {
                let line = lines[lineIndex]
                let isLast = lineIndex == lines.count - 1 && tail == nil
                let entry: LogEntry
                do {
                    entry = try LogEntry.read(line: UnsafeBufferPointer(rebasing: buffer[line.range]))
                } catch {
                    if isLast {
                        result.torn = (line.number, line.range.count + 1)
                        result.warnings.append(
                            StorageWarning(
                                path: path, line: line.number,
                                message: "dropped a damaged last line (\(error)); it was never confirmed as saved"))
                        return result
                    }
                    throw StorageError.corrupt(path: path, line: line.number, detail: "damaged entry: \(error)")
                }
                guard entry.id == lastID + 1 else {
                    if lineIndex == 0, position != nil { throw Mismatch() }
                    throw StorageError.corrupt(
                        path: path, line: line.number, detail: "entry id \(entry.id) does not follow \(lastID)")
                }
                try body(entry)
                lastID = entry.id
                result.end = LogPosition(
                    bytes: from.bytes + line.range.upperBound + 1, lines: line.number, lastID: lastID)
                lineIndex += 1
            }
            if let tail {
                result.torn = (tail.number, tail.range.count)
                result.warnings.append(
                    StorageWarning(
                        path: path, line: tail.number,
                        message: "dropped a torn last line (a crash mid-write); it was never confirmed as saved"))
            }
            return result
        }
    }
}
