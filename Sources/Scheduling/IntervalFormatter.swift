import Foundation

/// Short interval labels for the rating line: `45s`, `10m`, `5.5m`, `2h`, `3d`, `3.5mo`, `1.2y`.
public enum IntervalFormatter {
    /// A compact label for a duration in seconds. Days are whole under a month; months
    /// (30 days) and years (365 days) carry one decimal when it is not zero.
    public static func compact(_ seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        if s < 60 { return "\(Int(s))s" }
        if s < 3600 { return decimal(s / 60) + "m" }
        if s < 86400 { return decimal(s / 3600) + "h" }
        let days = s / 86400
        if days < 30 { return "\(Int(days.rounded()))d" }
        if days < 365 { return decimal(days / 30) + "mo" }
        return decimal(days / 365) + "y"
    }

    /// The label for the time from now until a schedule's due time.
    public static func compact(from time: Date, to due: Date) -> String {
        compact(due.timeIntervalSince(time))
    }

    /// One decimal, dropped when it is zero: 5.5, 10, 1.2.
    static func decimal(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}
