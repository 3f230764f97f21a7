import Foundation
import Scheduling
import Testing

struct DayTests {
    static func instant(_ iso: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: iso) else { preconditionFailure(iso) }
        return date
    }

    static func zone(_ id: String) -> TimeZone {
        guard let zone = TimeZone(identifier: id) else { preconditionFailure(id) }
        return zone
    }

    @Test func dayRollsOverAtTheStartHourNotMidnight() {
        let cutoff = DayCutoff(hour: 4, timeZone: Self.zone("UTC"))
        #expect(cutoff.day(containing: Self.instant("2026-03-01T03:59:59Z")).description == "2026-02-28")
        #expect(cutoff.day(containing: Self.instant("2026-03-01T04:00:00Z")).description == "2026-03-01")
        #expect(cutoff.day(containing: Self.instant("2026-03-01T23:59:59Z")).description == "2026-03-01")
        #expect(cutoff.start(of: Day("2026-03-01")!) == Self.instant("2026-03-01T04:00:00Z"))
    }

    @Test func theSameInstantIsADifferentDayInAnotherTimeZone() {
        let now = Self.instant("2026-06-10T20:00:00Z")
        #expect(DayCutoff(hour: 4, timeZone: Self.zone("Asia/Tokyo")).day(containing: now).description == "2026-06-11")
        #expect(
            DayCutoff(hour: 4, timeZone: Self.zone("America/Los_Angeles")).day(containing: now).description
                == "2026-06-10")
        // Kolkata is UTC+5:30: 22:29 UTC is 03:59 local, still the day before.
        let kolkata = DayCutoff(hour: 4, timeZone: Self.zone("Asia/Kolkata"))
        #expect(kolkata.day(containing: Self.instant("2026-06-10T22:29:00Z")).description == "2026-06-10")
        #expect(kolkata.day(containing: Self.instant("2026-06-10T22:30:00Z")).description == "2026-06-11")
    }

    @Test(arguments: [
        // zone, the day DST starts, its start, the next day's start (23 hours later)
        ("America/New_York", "2026-03-08", "2026-03-08T08:00:00Z", "2026-03-07T09:00:00Z"),
        ("Europe/Berlin", "2026-03-29", "2026-03-29T02:00:00Z", "2026-03-28T03:00:00Z"),
        ("Australia/Sydney", "2026-10-04", "2026-10-03T17:00:00Z", "2026-10-02T18:00:00Z"),
    ])
    func springForwardDayIs23Hours(zone: String, day: String, start: String, dayBeforeStart: String) throws {
        let cutoff = DayCutoff(hour: 4, timeZone: Self.zone(zone))
        let d = try #require(Day(day))
        #expect(cutoff.start(of: d) == Self.instant(start))
        #expect(cutoff.start(of: d.adding(days: -1)) == Self.instant(dayBeforeStart))
        #expect(cutoff.start(of: d).timeIntervalSince(cutoff.start(of: d.adding(days: -1))) == 23 * 3600)
        #expect(cutoff.day(containing: Self.instant(start)) == d)
        #expect(cutoff.day(containing: Self.instant(start) - 1) == d.adding(days: -1))
    }

    @Test func fallBackDayIs25Hours() throws {
        let cutoff = DayCutoff(hour: 4, timeZone: Self.zone("America/New_York"))
        let d = try #require(Day("2026-11-01"))
        // 4 AM EDT on Oct 31 is 08:00Z; 4 AM EST on Nov 1 is 09:00Z; Nov 2 at 09:00Z too.
        #expect(cutoff.start(of: d.adding(days: -1)) == Self.instant("2026-10-31T08:00:00Z"))
        #expect(cutoff.start(of: d) == Self.instant("2026-11-01T09:00:00Z"))
        #expect(cutoff.start(of: d.next).timeIntervalSince(cutoff.start(of: d)) == 24 * 3600)
        #expect(cutoff.start(of: d).timeIntervalSince(cutoff.start(of: d.adding(days: -1))) == 25 * 3600)
        // 1:30 AM happens twice that night; both are still Oct 31's study day.
        #expect(cutoff.day(containing: Self.instant("2026-11-01T05:30:00Z")).description == "2026-10-31")
        #expect(cutoff.day(containing: Self.instant("2026-11-01T06:30:00Z")).description == "2026-10-31")
    }

    @Test func aCutoffHourSkippedByDSTStartsTheDayAfterTheGap() throws {
        // In New York 2 AM does not exist on 2026-03-08: clocks jump from 1:59:59 to 3:00.
        let cutoff = DayCutoff(hour: 2, timeZone: Self.zone("America/New_York"))
        let d = try #require(Day("2026-03-08"))
        #expect(cutoff.start(of: d) == Self.instant("2026-03-08T07:00:00Z"))
        #expect(cutoff.day(containing: Self.instant("2026-03-08T06:59:59Z")) == d.adding(days: -1))
        #expect(cutoff.day(containing: Self.instant("2026-03-08T07:00:00Z")) == d)
    }

    @Test func daysAreWrittenAndReadAsISODates() throws {
        let d = try #require(Day(year: 2024, month: 2, day: 29))
        #expect(d.description == "2024-02-29")
        #expect(Day("2024-02-29") == d)
        #expect(d.next.description == "2024-03-01")
        #expect(Day(year: 2023, month: 2, day: 29) == nil)
        #expect(Day("2026-13-01") == nil)
        #expect(Day("26-1-1") == nil)
        #expect(Day(year: 1970, month: 1, day: 1)?.ordinal == 0)
        let data = try JSONEncoder().encode(["until": d])
        #expect(String(decoding: data, as: UTF8.self) == #"{"until":"2024-02-29"}"#)
        #expect(try JSONDecoder().decode([String: Day].self, from: data)["until"] == d)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([String: Day].self, from: Data(#"{"until":"tomorrow"}"#.utf8))
        }
    }

    /// From 1613 on: Foundation's Gregorian calendar is Julian before the 1582 reform.
    @Test func ordinalsMatchFoundationOverFourCenturies() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for ordinal in stride(from: -130_000, through: 150_000, by: 997) {
            let date = Date(timeIntervalSince1970: Double(ordinal) * 86400)
            let c = calendar.dateComponents([.year, .month, .day], from: date)
            #expect(Day(ordinal: ordinal).date == (c.year!, c.month!, c.day!))
        }
    }
}
