import Flashcards
import Foundation

extension Gradebook {
    /// The two CSV tables (RFC 4180): attempts, a blank line, then questions.
    ///
    /// Attempt columns: `student,date,seed,score,total,percent,seconds,ending`; question columns:
    /// `card,question,asked,right,share`.
    public func csv() -> String {
        var lines = [["student", "date", "seed", "score", "total", "percent", "seconds", "ending"]]
        for row in rows {
            lines.append([
                row.student, Self.isoDate(row.date), String(row.seed), String(row.score), String(row.total),
                Self.percent(row.score, row.total), Self.decimal(row.seconds), row.ending.rawValue,
            ])
        }
        lines.append([])
        lines.append(["card", "question", "asked", "right", "share"])
        for q in questions {
            lines.append([
                q.card.rawValue, q.prompt, String(q.asked), String(q.right), Self.decimal(q.share, places: 3),
            ])
        }
        return lines.map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// Two plain-text tables for the terminal; deck text is made inert.
    public func text() -> String {
        guard !rows.isEmpty else { return "No attempts yet.\n" }
        var out = "Attempts\n"
        let attemptTable =
            [["Student", "Date", "Seed", "Score", "Time", "Ended"]]
            + rows.map { row in
                [
                    TerminalSanitizer.inertLine(row.student), Self.isoDate(row.date), String(row.seed),
                    "\(row.score)/\(row.total) (\(Self.percent(row.score, row.total))%)", Self.duration(row.seconds),
                    row.ending.rawValue,
                ]
            }
        out += Self.table(attemptTable)
        out += "\nQuestions, hardest first\n"
        let questionTable =
            [["Right", "Asked", "Question"]]
            + questions.map { q in
                [
                    "\(Int((q.share * 100).rounded()))%", String(q.asked),
                    Self.clip(TerminalSanitizer.inertLine(q.prompt)),
                ]
            }
        out += Self.table(questionTable)
        return out
    }

    static func table(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }

    static func clip(_ text: String, to width: Int = 70) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }

    static func csvField(_ field: String) -> String {
        // A cell starting with = + - @ would run as a formula in a spreadsheet: quote it inert.
        if let first = field.first, "=+-@".contains(first) { return csvField("'" + field) }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func isoDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    static func percent(_ score: Int, _ total: Int) -> String {
        total == 0 ? "0" : String(Int((Double(score) * 100 / Double(total)).rounded()))
    }

    static func decimal(_ value: Double, places: Int = 1) -> String {
        String(format: "%.\(places)f", value)
    }

    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return String(format: "%d:%02d", s / 60, s % 60)
    }
}
