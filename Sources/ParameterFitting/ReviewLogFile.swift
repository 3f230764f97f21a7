import Flashcards
import Foundation

/// A review log to import, such as one exported from Anki's revlog, in CSV.
///
/// Columns, in this order: the card (its id, or its front), the review time (epoch
/// milliseconds or ISO 8601), the rating (1–4), and optionally the duration in milliseconds.
/// A first row whose rating column is not a number is taken as a header. Fields may be quoted
/// the RFC 4180 way (a front with commas or line breaks).
public struct ReviewLogFile: Sendable {
    /// One row of the file.
    public struct Row: Sendable, Hashable {
        /// The line the row starts on, counting from 1.
        public var line: Int
        /// The first column as written: a card id or a card's front.
        public var card: String
        public var time: Date
        public var rating: Rating
        public var duration: Int?
    }

    /// A row that could not be read, with its line and the reason.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    public var rows: [Row] = []
    public var problems: [Problem] = []

    public init(text: String) {
        let records = Self.records(text)
        for (index, record) in records.enumerated() {
            let (line, fields) = record
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard fields.count >= 3 else {
                problems.append(
                    Problem(
                        line: line, message: "expected card, time, rating[, duration], found \(fields.count) column(s)")
                )
                continue
            }
            let ratingText = fields[2].trimmingCharacters(in: .whitespaces)
            if index == 0 && Int(ratingText) == nil { continue }  // a header
            guard let value = Int(ratingText), let rating = Rating(rawValue: value) else {
                problems.append(Problem(line: line, message: "rating '\(ratingText)' is not 1–4"))
                continue
            }
            let timeText = fields[1].trimmingCharacters(in: .whitespaces)
            guard let time = Self.time(timeText) else {
                problems.append(
                    Problem(line: line, message: "time '\(timeText)' is neither epoch milliseconds nor ISO 8601"))
                continue
            }
            var duration: Int?
            if fields.count > 3 {
                let text = fields[3].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty {
                    guard let ms = Int(text), ms >= 0 else {
                        problems.append(
                            Problem(line: line, message: "duration '\(text)' is not a number of milliseconds"))
                        continue
                    }
                    duration = ms
                }
            }
            let card = fields[0].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !card.isEmpty else {
                problems.append(Problem(line: line, message: "the card column is empty"))
                continue
            }
            rows.append(Row(line: line, card: card, time: time, rating: rating, duration: duration))
        }
    }

    static func time(_ text: String) -> Date? {
        if let ms = Int64(text) { return Date(timeIntervalSince1970: Double(ms) / 1000) }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: text) { return date }
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let dayOnly = ISO8601DateFormatter()
        dayOnly.formatOptions = [.withFullDate]
        return dayOnly.date(from: text)
    }

    /// RFC 4180 records with the line each starts on.
    static func records(_ text: String) -> [(line: Int, fields: [String])] {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var characters = Array(text).makeIterator()
        var pending: Character?
        while let c = pending ?? characters.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = characters.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                records.append((start, fields))
                fields = []
                field = ""
                line += 1
                start = line
            default:
                field.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((start, fields))
        }
        return records
    }
}
