import Foundation

/// A deck's study settings, as stored beside its progress. Every key may be absent and then
/// takes its default, so a hand-written file names only what it changes.
public struct DeckSettings: Codable, Hashable, Sendable {
    /// The version of the settings format this code writes.
    public static let currentFormat = 1

    public var format: Int
    public var scheduler: SchedulerConfiguration
    /// New cards introduced per study day.
    public var newPerDay: Int
    /// Review cards shown per study day.
    public var reviewsPerDay: Int
    /// The local hour (0–23) at which a study day begins.
    public var dayStartHour: Int
    /// Lapses that make a card a leech; 0 turns leech detection off.
    public var leechThreshold: Int
    public var leechAction: LeechAction
    /// When nothing else is left, learning cards due within this many minutes are shown early.
    public var learnAheadMinutes: Int

    public init(
        scheduler: SchedulerConfiguration = .default, newPerDay: Int = 20, reviewsPerDay: Int = 200,
        dayStartHour: Int = 4, leechThreshold: Int = 8, leechAction: LeechAction = .suspend,
        learnAheadMinutes: Int = 20, format: Int = DeckSettings.currentFormat
    ) {
        self.format = format
        self.scheduler = scheduler
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.dayStartHour = dayStartHour
        self.leechThreshold = leechThreshold
        self.leechAction = leechAction
        self.learnAheadMinutes = learnAheadMinutes
    }

    public static let `default` = DeckSettings()

    public var leechPolicy: LeechPolicy { LeechPolicy(threshold: leechThreshold, action: leechAction) }

    /// The scheduler these settings describe.
    public func makeScheduler() throws(SchedulingError) -> Scheduler { try Scheduler(scheduler) }

    /// The day boundary these settings describe, in a time zone.
    public func cutoff(in timeZone: TimeZone) -> DayCutoff { DayCutoff(hour: dayStartHour, timeZone: timeZone) }

    /// Checks every value; the first problem is thrown with the setting's name.
    public func validate() throws(SchedulingError) {
        guard format <= Self.currentFormat else { throw .newerFormat(found: format, supported: Self.currentFormat) }
        try scheduler.validate()
        guard newPerDay >= 0 else { throw .setting(name: "newPerDay", value: "\(newPerDay)", expected: "0 or more") }
        guard reviewsPerDay >= 0 else {
            throw .setting(name: "reviewsPerDay", value: "\(reviewsPerDay)", expected: "0 or more")
        }
        guard (0...23).contains(dayStartHour) else {
            throw .setting(name: "dayStartHour", value: "\(dayStartHour)", expected: "an hour from 0 to 23")
        }
        guard leechThreshold >= 0 else {
            throw .setting(name: "leechThreshold", value: "\(leechThreshold)", expected: "0 (off) or more")
        }
        guard learnAheadMinutes >= 0 else {
            throw .setting(name: "learnAheadMinutes", value: "\(learnAheadMinutes)", expected: "0 or more")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case format, scheduler, newPerDay, reviewsPerDay, dayStartHour, leechThreshold, leechAction, learnAheadMinutes
    }

    /// Decodes and validates: a file from a newer format or with a bad value is refused with
    /// a `SchedulingError` naming the setting.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = DeckSettings.default
        format = try c.decodeIfPresent(Int.self, forKey: .format) ?? Self.currentFormat
        if format > Self.currentFormat {
            throw SchedulingError.newerFormat(found: format, supported: Self.currentFormat)
        }
        scheduler = try c.decodeIfPresent(SchedulerConfiguration.self, forKey: .scheduler) ?? d.scheduler
        newPerDay = try c.decodeIfPresent(Int.self, forKey: .newPerDay) ?? d.newPerDay
        reviewsPerDay = try c.decodeIfPresent(Int.self, forKey: .reviewsPerDay) ?? d.reviewsPerDay
        dayStartHour = try c.decodeIfPresent(Int.self, forKey: .dayStartHour) ?? d.dayStartHour
        leechThreshold = try c.decodeIfPresent(Int.self, forKey: .leechThreshold) ?? d.leechThreshold
        if let action = try c.decodeIfPresent(String.self, forKey: .leechAction) {
            guard let parsed = LeechAction(rawValue: action) else {
                throw SchedulingError.setting(
                    name: "leechAction", value: "\"\(action)\"", expected: "\"suspend\" or \"tag\"")
            }
            leechAction = parsed
        } else {
            leechAction = d.leechAction
        }
        learnAheadMinutes = try c.decodeIfPresent(Int.self, forKey: .learnAheadMinutes) ?? d.learnAheadMinutes
        try validate()
    }
}
