import Foundation
import Scheduling

/// Instants as recall's progress files write them: UTC, millisecond precision,
/// `2026-03-01T09:00:00.000Z` (always 24 bytes, so they read fast and sort as text).
public enum Timestamp {
    /// Milliseconds since 1970, rounded to the nearest; the precision every stored instant has.
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(milliseconds ms: Int64) -> Date {
        Date(timeIntervalSince1970: Double(ms) / 1000)
    }

    /// The same instant at whole milliseconds (rounded), so what is kept in memory is what is stored.
    static func truncated(_ date: Date) -> Date { self.date(milliseconds: milliseconds(date)) }

    static func write(_ date: Date, into text: inout JSONText) {
        let ms = milliseconds(date)
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        var rest = ms - days * 86_400_000
        let (y, m, d) = Day(ordinal: Int(days)).date
        let hour = rest / 3_600_000
        rest -= hour * 3_600_000
        let minute = rest / 60_000
        rest -= minute * 60_000
        let second = rest / 1000
        text.raw("\"")
        text.digits(Int64(y), width: 4)
        text.raw("-")
        text.digits(Int64(m), width: 2)
        text.raw("-")
        text.digits(Int64(d), width: 2)
        text.raw("T")
        text.digits(hour, width: 2)
        text.raw(":")
        text.digits(minute, width: 2)
        text.raw(":")
        text.digits(second, width: 2)
        text.raw(".")
        text.digits(rest - second * 1000, width: 3)
        text.raw("Z\"")
    }

    /// The 24-character text of an instant, e.g. `2026-03-01T09:00:00.000Z`.
    public static func string(_ date: Date) -> String {
        var t = JSONText(capacity: 26)
        write(date, into: &t)
        return String(decoding: t.bytes.dropFirst().dropLast(), as: UTF8.self)
    }

    /// Reads the 24-character form; nil for anything else (other offsets, no milliseconds).
    static func parse(_ s: String) -> Date? {
        var s = s
        return s.withUTF8 { parse(bytes: $0) }
    }

    @inline(__always)
    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count == 24, let p = b.baseAddress, p[4] == 0x2D, p[7] == 0x2D, p[10] == 0x54, p[13] == 0x3A,
            p[16] == 0x3A, p[19] == 0x2E, p[23] == 0x5A
        else { return nil }
        // Each digit's value; a byte that is not a digit wraps to 10 or more, and the largest
        // value is checked once.
        @inline(__always) func d(_ i: Int) -> UInt8 { p[i] &- 0x30 }
        let calendarPart = max(max(max(d(0), d(1)), max(d(2), d(3))), max(max(d(5), d(6)), max(d(8), d(9))))
        let clockPart = max(
            max(max(d(11), d(12)), max(d(14), d(15))), max(max(d(17), d(18)), max(d(20), max(d(21), d(22)))))
        let largest = max(calendarPart, clockPart)
        guard largest < 10 else { return nil }
        @inline(__always) func two(_ i: Int) -> Int64 { Int64(d(i)) * 10 + Int64(d(i + 1)) }
        let y = two(0) * 100 + two(2)
        let h = two(11)
        let mi = two(14)
        let s = two(17)
        let ms = Int64(d(20)) * 100 + two(21)
        guard h < 24, mi < 60, s < 60, let day = Day(year: Int(y), month: Int(two(5)), day: Int(two(8))) else {
            return nil
        }
        return date(milliseconds: ((Int64(day.ordinal) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms)
    }
}

extension JSONScanner {
    /// A timestamp in recall's 24-character form.
    mutating func timestamp() throws(JSONSyntaxError) -> Date {
        if let d = fixedWidthString(count: 24, Timestamp.parse(bytes:)) { return d }
        guard let d = Timestamp.parse(bytes: try plainString()) else {
            throw error("expected a time like 2026-03-01T09:00:00.000Z")
        }
        return d
    }
}
