import Foundation

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

    /// The same instant cut to whole milliseconds, so what is stored is what is kept in memory.
    static func truncated(_ date: Date) -> Date { self.date(milliseconds: milliseconds(date)) }

    static func write(_ date: Date, into text: inout JSONText) {
        let ms = milliseconds(date)
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        var rest = ms - days * 86_400_000
        let (y, m, d) = civil(fromDays: days)
        let hour = rest / 3_600_000
        rest -= hour * 3_600_000
        let minute = rest / 60_000
        rest -= minute * 60_000
        let second = rest / 1000
        text.raw("\"")
        text.digits(y, width: 4)
        text.raw("-")
        text.digits(m, width: 2)
        text.raw("-")
        text.digits(d, width: 2)
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
            let s = num(17, 2), let ms = num(20, 3), (1...12).contains(mo), d >= 1, d <= daysIn(month: mo, year: y),
            h < 24, mi < 60, s < 60
        else { return nil }
        let days = self.days(fromCivil: y, mo, d)
        return date(milliseconds: ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms)
    }

    private static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil and civil_from_days (proleptic Gregorian).
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
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
