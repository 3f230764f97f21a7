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

    static func parse(bytes b: UnsafeBufferPointer<UInt8>) -> Date? {
        guard b.count == 24, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A,
            b[19] == 0x2E, b[23] == 0x5A
        else { return nil }
        func num(_ from: Int, _ n: Int) -> Int64? {
            var v: Int64 = 0
            for i in from..<(from + n) {
                let c = b[i]
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int64(c - 0x30)
            }
            return v
        }
        guard let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
            let s = num(17, 2), let ms = num(20, 3), h < 24, mi < 60, s < 60,
            let day = Day(year: Int(y), month: Int(mo), day: Int(d))
        else { return nil }
        return date(milliseconds: ((Int64(day.ordinal) * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms)
    }

}

extension JSONScanner {
    /// A timestamp in recall's 24-character form.
    mutating func timestamp() throws(JSONSyntaxError) -> Date {
        guard let d = Timestamp.parse(bytes: try plainString()) else {
            throw error("expected a time like 2026-03-01T09:00:00.000Z")
        }
        return d
    }
}
