import Foundation

/// A study day: a calendar date in the learner's time zone, where each day begins at the
/// day-start hour (4 AM by default, as in Anki) rather than at midnight, so a session past
/// midnight still counts as the evening's.
///
/// A `Day` is only the date; which instants it covers depends on a `DayCutoff` (hour and time
/// zone), so a stored day (a burial) keeps its meaning when the learner travels. Encoded as
/// `"YYYY-MM-DD"`.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 in the proleptic Gregorian calendar.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// The day of a calendar date; nil for a date that does not exist (February 30).
    @inlinable
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        ordinal = Day.ordinal(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var date: (year: Int, month: Int, day: Int) { Day.civil(ordinal) }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }
    public var next: Day { adding(days: 1) }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public var description: String {
        let (y, m, d) = date
        let year = String(y)
        return String(repeating: "0", count: max(0, 4 - year.count)) + year + "-" + (m < 10 ? "0" : "") + String(m)
            + "-" + (d < 10 ? "0" : "") + String(d)
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a date YYYY-MM-DD"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }

    // Howard Hinnant's days-from-civil and civil-from-days: exact for any Gregorian date.
    @inlinable
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(_ ordinal: Int) -> (Int, Int, Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    @inlinable
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// When study days begin: an hour of the local day in a time zone.
public struct DayCutoff: Hashable, Sendable {
    /// 0–23: the local hour at which one study day ends and the next begins.
    public let hour: Int
    public let timeZone: TimeZone

    /// Made once: creating a calendar costs far more than asking it a question.
    private let calendar: Calendar

    public init(hour: Int = 4, timeZone: TimeZone = .current) {
        precondition((0...23).contains(hour), "day start hour \(hour) is not 0–23")
        self.hour = hour
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public static func == (lhs: DayCutoff, rhs: DayCutoff) -> Bool {
        lhs.hour == rhs.hour && lhs.timeZone == rhs.timeZone
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hour)
        hasher.combine(timeZone)
    }

    /// The study day that `instant` falls in: the local date, or the one before when the local
    /// time is before the cutoff hour. Wall-clock based, so days of 23 or 25 hours around DST
    /// changes come out right.
    public func day(containing instant: Date) -> Day {
        let c = calendar.dateComponents([.year, .month, .day, .hour], from: instant)
        guard let y = c.year, let m = c.month, let d = c.day, let h = c.hour else {
            preconditionFailure("Gregorian calendar without date components")
        }
        let local = Day(ordinal: Day.ordinal(year: y, month: m, day: d))
        return h < hour ? local.adding(days: -1) : local
    }

    /// The first instant of `day`: its date at the cutoff hour, local time. When that hour does
    /// not exist (a DST gap), the first instant after the gap; when it happens twice (clocks
    /// turned back), the first time.
    public func start(of day: Day) -> Date {
        let (y, m, d) = day.date
        let components = DateComponents(year: y, month: m, day: d, hour: hour, minute: 0, second: 0)
        guard var date = calendar.date(from: components) else {
            preconditionFailure("no instant for \(day) at \(hour):00 in \(timeZone.identifier)")
        }
        if self.day(containing: date) == day {
            // A repeated hour: the day began at its first occurrence.
            while self.day(containing: date - 3600) == day { date -= 3600 }
            return date
        }
        // Resolved into the day before (a gap resolved backwards): the day starts once the
        // clock shows the cutoff hour or later, at most a few hours on.
        var probe = date
        for _ in 0..<12 {
            probe += 1800
            if self.day(containing: probe) == day { return firstInstant(of: day, after: date, atOrBefore: probe) }
        }
        preconditionFailure("cannot find the start of \(day) in \(timeZone.identifier)")
    }

    /// Bisects to the whole second the day begins: `low` is before it, `high` within it.
    private func firstInstant(of day: Day, after low: Date, atOrBefore high: Date) -> Date {
        var low = low
        var high = high
        while high.timeIntervalSince(low) > 1 {
            let mid = Date(
                timeIntervalSinceReferenceDate: ((low.timeIntervalSinceReferenceDate
                    + high.timeIntervalSinceReferenceDate) / 2).rounded(.down))
            if mid <= low { break }
            if self.day(containing: mid) == day { high = mid } else { low = mid }
        }
        return high
    }
}
