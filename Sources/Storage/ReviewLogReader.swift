import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How far into a review log something reaches: bytes and complete lines (header included),
/// and the id of the last entry (0 when none).
public struct LogPosition: Sendable, Equatable {
    public var bytes: Int
    public var lines: Int
    public var lastID: Int

    public static let start = LogPosition(bytes: 0, lines: 0, lastID: 0)
}

/// Reads a deck's review log in chunks (memory stays small however long the history), with
/// the damage policy: a torn last line (no newline, or not parseable) is a crash mid-write and
/// is skipped with a warning; a bad line anywhere else is damage that stops loading, naming
/// file and line.
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

    static let chunkSize = 1 << 22

    /// Reads entries after `position` (the whole log when nil), handing each to `body`.
    /// - Throws: `StorageError.corrupt` naming file and line for damage before the last line,
    ///   `.newerFormat` for a newer log, `Mismatch` when `position` does not fit.
    static func scan(
        _ path: String, after position: LogPosition? = nil, _ body: (LogEntry) throws -> Void
    ) throws -> Result {
        let from = position ?? .start
        if from.bytes > 0 { try checkStart(path, at: from.bytes) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT, from.bytes == 0 { return Result(end: .start) }
            if errno == ENOENT { throw Mismatch() }
            throw StorageError.io(path: path, detail: AtomicFile.errnoText())
        }
        defer { close(fd) }

        var state = ScanState(path: path, from: from, isResuming: position != nil)
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var fileOffset = from.bytes
        while true {
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, chunkSize, off_t(fileOffset)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw StorageError.io(path: path, detail: AtomicFile.errnoText())
            }
            if n == 0 { break }
            fileOffset += n
            // Lines that end in this chunk are read straight from it; only a line that spans
            // two chunks is copied.
            try chunk.withUnsafeBufferPointer { c in
                let bytes = UnsafeBufferPointer(rebasing: c[0..<n])
                guard let firstNewline = bytes.firstIndex(of: 0x0A) else {
                    pending.append(contentsOf: bytes)
                    return
                }
                var start = 0
                if !pending.isEmpty {
                    pending.append(contentsOf: bytes[0..<firstNewline])
                    try pending.withUnsafeBufferPointer { try state.line($0, body) }
                    pending.removeAll(keepingCapacity: true)
                    start = firstNewline + 1
                }
                while start < n {
                    guard let p = memchr(bytes.baseAddress! + start, 0x0A, n - start) else { break }
                    let end = UnsafeRawPointer(p) - UnsafeRawPointer(bytes.baseAddress!)
                    try state.line(UnsafeBufferPointer(rebasing: bytes[start..<end]), body)
                    start = end + 1
                }
                if start < n { pending.append(contentsOf: bytes[start..<n]) }
            }
        }
        return try state.finish(tail: pending.count)
    }

    /// Checks the header and that `offset` is the end of a line, before resuming there.
    private static func checkStart(_ path: String, at offset: Int) throws {
        guard let head = try FileBytes.read(path, from: 0, atMost: 4096), let newline = head.firstIndex(of: 0x0A),
            let before = try FileBytes.read(path, from: offset - 1, atMost: 1), before == [0x0A]
        else { throw Mismatch() }
        try head.withUnsafeBufferPointer { (b) throws(StorageError) in
            try ProgressFormat.checkLogHeader(UnsafeBufferPointer(rebasing: b[..<newline]), path: path)
        }
    }

    /// The reader's progress through the lines.
    private struct ScanState {
        let path: String
        let isResuming: Bool
        var result: Result
        var number: Int
        var needsHeader: Bool
        var resumedPastFirstLine = false
        /// A line that did not parse: damage, unless it turns out to be the last.
        var bad: (line: Int, bytes: Int, error: Error)?

        init(path: String, from: LogPosition, isResuming: Bool) {
            self.path = path
            self.isResuming = isResuming
            result = Result(end: from)
            number = from.lines
            needsHeader = from.bytes == 0
        }

        mutating func line(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (LogEntry) throws -> Void) throws {
            number += 1
            if let bad { throw damage(bad) }
            if needsHeader {
                try ProgressFormat.checkLogHeader(bytes, path: path)
                needsHeader = false
                result.end = LogPosition(bytes: bytes.count + 1, lines: 1, lastID: 0)
                return
            }
            let entry: LogEntry
            do { entry = try LogEntry.read(line: bytes) } catch {
                bad = (number, bytes.count + 1, error)
                return
            }
            guard entry.id == result.end.lastID + 1 else {
                // Resuming after a snapshot: a first id that does not follow it means the snapshot
                // belongs to another log.
                if isResuming, !resumedPastFirstLine { throw Mismatch() }
                throw StorageError.corrupt(
                    path: path, line: number, detail: "entry id \(entry.id) does not follow \(result.end.lastID)")
            }
            resumedPastFirstLine = true
            try body(entry)
            result.end = LogPosition(
                bytes: result.end.bytes + bytes.count + 1, lines: number, lastID: entry.id)
        }

        private func damage(_ bad: (line: Int, bytes: Int, error: Error)) -> StorageError {
            .corrupt(path: path, line: bad.line, detail: "damaged entry: \(bad.error)")
        }

        /// At the end of the file: `tail` bytes after the last newline.
        mutating func finish(tail: Int) throws -> Result {
            if let bad {
                if tail > 0 { throw damage(bad) }
                result.torn = (bad.line, bad.bytes)
                result.warnings.append(
                    StorageWarning(
                        path: path, line: bad.line,
                        message: "dropped a damaged last line (\(bad.error)); it was never confirmed as saved"))
            } else if tail > 0 {
                result.torn = (number + 1, tail)
                let what =
                    needsHeader
                    ? "a torn header line (a crash while creating the log)" : "a torn last line (a crash mid-write)"
                result.warnings.append(
                    StorageWarning(
                        path: path, line: number + 1, message: "dropped \(what); it was never confirmed as saved"))
            }
            return result
        }
    }
}
