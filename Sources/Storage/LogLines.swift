#if canImport(Glibc)
    import Glibc
#endif

/// The review log's bytes cut into lines, with the damage policy applied:
/// a torn last line (no newline, or not parseable) is a crash mid-write and is dropped with a
/// warning; a bad line anywhere else is damage that stops loading, naming file and line.
struct LogLines {
    /// One complete line: its 1-based number and its byte range (without the newline).
    struct Line {
        var number: Int
        var range: Range<Int>
    }

    /// Splits `bytes` (read from file offset `base`, whose first line is `firstLineNumber`).
    /// The last line is returned as `tail` when it has no newline; callers decide if it parses.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, firstLineNumber: Int) -> (lines: [Line], tail: Line?) {
        var lines: [Line] = []
        lines.reserveCapacity(bytes.count / 300 + 1)
        guard let p = bytes.baseAddress else { return ([], nil) }
        var start = 0
        var number = firstLineNumber
        while start < bytes.count {
            guard let nl = memchr(p + start, 0x0A, bytes.count - start) else {
                return (lines, Line(number: number, range: start..<bytes.count))
            }
            let end = UnsafeRawPointer(nl) - UnsafeRawPointer(p)
            lines.append(Line(number: number, range: start..<end))
            number += 1
            start = end + 1
        }
        return (lines, nil)
    }
}

/// Something recall noticed and repaired or skipped while reading, to show the user.
public struct StorageWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        if let line { "\(path):\(line): warning: \(message)" } else { "\(path): warning: \(message)" }
    }
}
