import Foundation

/// Draws a `StatsReport` for the terminal: counts, retention, a forecast bar chart, a year's
/// heatmap calendar and the streak.
public struct StatsView {
    public let report: StatsReport
    public let painter: Painter
    public let width: Int

    public init(report: StatsReport, painter: Painter, width: Int?) {
        self.report = report
        self.painter = painter
        self.width = width ?? 80
    }

    public func render() -> String {
        var lines: [String] = []
        lines.append(painter.bold("Statistics: ") + (report.deck ?? "all decks"))
        let c = report.cards
        lines.append(
            "Cards    new \(c["new"] ?? 0) · learning \((c["learning"] ?? 0) + (c["relearning"] ?? 0))"
                + " · review \(c["review"] ?? 0) · suspended \(c["suspended"] ?? 0) · \(report.total) in all")
        lines.append("Reviews  " + window(report.last7) + "   " + window(report.last30))
        lines.append("Streak   " + (report.streak == 1 ? "1 day" : "\(report.streak) days"))
        lines.append("")
        lines.append(painter.bold("Due in the next 14 days"))
        lines += forecast()
        lines.append("")
        lines.append(painter.bold("Reviews in the last year") + painter.dim("  (\(report.totalReviews) in all)"))
        lines += heatmap()
        return lines.joined(separator: "\n") + "\n"
    }

    private func window(_ w: StatsReport.Window) -> String {
        let retention = w.trueRetention.map { "\(Int(($0 * 100).rounded()))% (\(w.passed)/\(w.matureReviews))" } ?? "–"
        return "\(w.days)d: \(w.reviews) reviewed, true retention \(retention)"
    }

    private func forecast() -> [String] {
        let most = report.forecast.map(\.count).max() ?? 0
        let room = max(10, min(40, width - 20))
        return report.forecast.enumerated().map { offset, day in
            let label = offset == 0 ? "today" : String(day.date.dropFirst(5))
            let length = most == 0 ? 0 : Int((Double(day.count) / Double(most) * Double(room)).rounded(.up))
            let bar = String(repeating: "█", count: length)
            return "  " + label.padding(toLength: 6, withPad: " ", startingAt: 0) + painter.accent(bar)
                + (day.count > 0 ? " \(day.count)" : painter.dim(" ·"))
        }
    }

    /// Seven rows (Monday first), one column per week, the newest week on the right.
    private func heatmap() -> [String] {
        let days = report.heatmap
        guard let first = days.first, let start = Self.weekday(first.date) else { return [] }
        let most = days.map(\.count).max() ?? 0
        let columns = (start + days.count + 6) / 7
        var grid = [[String]](repeating: [String](repeating: " ", count: columns), count: 7)
        var months = [Character](repeating: " ", count: columns + 3)
        var lastMonth = ""
        for (i, day) in days.enumerated() {
            let slot = start + i
            let level =
                day.count == 0 || most == 0 ? 0 : max(1, Int((Double(day.count) / Double(most) * 4).rounded(.up)))
            grid[slot % 7][slot / 7] = painter.heat(level)
            let month = String(day.date.dropFirst(5).prefix(2))
            if month != lastMonth, slot % 7 == 0 || i == 0 {
                let name = Self.monthNames[(Int(month) ?? 1) - 1]
                let column = slot / 7
                if months[column..<min(column + 4, months.count)].allSatisfy({ $0 == " " }) {
                    for (k, ch) in name.enumerated() where column + k < months.count { months[column + k] = ch }
                }
                lastMonth = month
            }
        }
        let names = ["Mon", "", "Wed", "", "Fri", "", "Sun"]
        var lines = ["     " + String(String(months).reversed().drop(while: { $0 == " " }).reversed())]
        for row in 0..<7 {
            lines.append(" " + names[row].padding(toLength: 4, withPad: " ", startingAt: 0) + grid[row].joined())
        }
        lines.append("     " + painter.dim("less ") + (0...4).map { painter.heat($0) }.joined() + painter.dim(" more"))
        return lines
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Monday = 0 … Sunday = 6 for a `YYYY-MM-DD` label.
    static func weekday(_ label: String) -> Int? {
        let parts = label.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let date = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])) else {
            return nil
        }
        return (calendar.component(.weekday, from: date) + 5) % 7
    }
}
