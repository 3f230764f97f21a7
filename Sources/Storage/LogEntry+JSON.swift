import Flashcards
import Foundation
import Scheduling

/// The review log's line format (README, "Progress files"). Written by hand and read by
/// `JSONScanner`: loading a year of answers must not take seconds.
extension LogEntry {
    /// The entry as one line of JSON, newline included.
    func line() -> [UInt8] {
        var t = JSONText(capacity: 400)
        t.raw("{")
        t.key("id")
        t.int(id)
        t.raw(",")
        t.key("kind")
        t.string(kind.rawValue)
        t.raw(",")
        t.key("card")
        t.string(card.rawValue)
        t.raw(",")
        t.key("time")
        Timestamp.write(time, into: &t)
        if let rating {
            t.raw(",")
            t.key("rating")
            t.int(rating.rawValue)
        }
        if let duration {
            t.raw(",")
            t.key("duration")
            t.int(duration)
        }
        if let undoes {
            t.raw(",")
            t.key("undoes")
            t.int(undoes)
        }
        t.raw(",")
        t.key("before")
        before.write(into: &t)
        t.raw(",")
        t.key("after")
        after.write(into: &t)
        t.raw("}\n")
        return t.bytes
    }

    /// Reads one line (without its newline).
    static func read(line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> LogEntry {
        if let entry = try? readAsWritten(line: line) { return entry }
        return try readAnyOrder(line: line)
    }

    /// The fast path: the members exactly in the order and layout `line()` writes them. Throws
    /// on anything else, without a useful message: `read` then reads the line again with
    /// `readAnyOrder`, which accepts any order and gives the error.
    static func readAsWritten(line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> LogEntry {
        var s = JSONScanner(line)
        guard s.consume(exactly: "{\"id\":") else { throw s.error("") }
        let id = try s.int()
        let kind: Kind
        if s.consume(exactly: ",\"kind\":\"review\"") {
            kind = .review
        } else {
            guard s.consume(exactly: ",\"kind\":"), let k = Kind(rawValue: try s.string()) else { throw s.error("") }
            kind = k
        }
        guard s.consume(exactly: ",\"card\":") else { throw s.error("") }
        let card = CardID(try s.string())
        guard s.consume(exactly: ",\"time\":") else { throw s.error("") }
        let time = try s.timestamp()
        var rating: Rating?
        if s.consume(exactly: ",\"rating\":") {
            guard let r = Rating(rawValue: try s.int()) else { throw s.error("") }
            rating = r
        }
        var duration: Int?
        if s.consume(exactly: ",\"duration\":") { duration = try s.consumeNull() ? nil : try s.int() }
        var undoes: Int?
        if s.consume(exactly: ",\"undoes\":") { undoes = try s.int() }
        guard s.consume(exactly: ",\"before\":") else { throw s.error("") }
        let before = try CardProgress.readAsWritten(from: &s)
        guard s.consume(exactly: ",\"after\":") else { throw s.error("") }
        let after = try CardProgress.readAsWritten(from: &s)
        guard s.consume(exactly: "}") else { throw s.error("") }
        try s.expectEnd()
        if kind == .review, rating == nil { throw s.error("") }
        if kind == .undo, undoes == nil { throw s.error("") }
        return LogEntry(
            id: id, kind: kind, card: card, time: time, rating: rating, duration: duration, undoes: undoes,
            before: before, after: after)
    }

    /// Reads one line with its members in any order.
    static func readAnyOrder(line: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> LogEntry {
        var s = JSONScanner(line)
        var id: Int?
        var kind: Kind?
        var card: CardID?
        var time: Date?
        var rating: Rating?
        var duration: Int?
        var undoes: Int?
        var before: CardProgress?
        var after: CardProgress?
        var seen = SeenKeys()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "id" {
                try seen.mark(1, at: s)
                id = try s.int()
            } else if key == "kind" {
                try seen.mark(2, at: s)
                guard let k = Kind(rawValue: try s.string()) else { throw s.error("unknown entry kind") }
                kind = k
            } else if key == "card" {
                try seen.mark(4, at: s)
                card = CardID(try s.string())
            } else if key == "time" {
                try seen.mark(8, at: s)
                time = try s.timestamp()
            } else if key == "rating" {
                try seen.mark(16, at: s)
                guard let r = Rating(rawValue: try s.int()) else { throw s.error("rating must be 1 to 4") }
                rating = r
            } else if key == "duration" {
                try seen.mark(32, at: s)
                duration = try s.consumeNull() ? nil : try s.int()
            } else if key == "undoes" {
                try seen.mark(64, at: s)
                undoes = try s.int()
            } else if key == "before" {
                try seen.mark(128, at: s)
                before = try CardProgress.read(from: &s)
            } else if key == "after" {
                try seen.mark(256, at: s)
                after = try CardProgress.read(from: &s)
            } else {
                throw s.error("unknown key")
            }
        }
        try s.expectEnd()
        guard let id, let kind, let card, let time, let before, let after else {
            throw s.error("an entry needs id, kind, card, time, before and after")
        }
        if kind == .review, rating == nil { throw s.error("a review needs a rating") }
        if kind == .undo, undoes == nil { throw s.error("an undo needs 'undoes'") }
        return LogEntry(
            id: id, kind: kind, card: card, time: time, rating: rating, duration: duration, undoes: undoes,
            before: before, after: after)
    }
}
