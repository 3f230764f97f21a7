import Flashcards
import Foundation
import Scheduling

/// A review the study queue must know about (today's limits and siblings), with its log id so
/// an undo can take it back. The snapshot keeps the last two days of them, so a session opened
/// after a snapshot still knows what was answered earlier that day.
struct RecentAnswer: Equatable {
    var id: Int
    var answer: StudyAnswer

    /// How far back answers are kept: more than any study day (25 hours at a DST change).
    static let window: TimeInterval = 48 * 3600

    func write(into t: inout JSONText) {
        t.raw("{")
        t.key("id")
        t.int(id)
        t.raw(",")
        t.key("card")
        t.string(answer.cardID.rawValue)
        t.raw(",")
        t.key("time")
        Timestamp.write(answer.time, into: &t)
        t.raw(",")
        t.key("rating")
        t.int(answer.rating.rawValue)
        t.raw(",")
        t.key("state")
        if let s = answer.stateBefore { t.int(s.rawValue) } else { t.null() }
        t.raw("}")
    }

    static func read(from s: inout JSONScanner) throws(JSONSyntaxError) -> RecentAnswer {
        var id: Int?
        var card: CardID?
        var time: Date?
        var rating: Rating?
        var state: LearningState?
        var stateSeen = false
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "id", id == nil {
                id = try s.int()
            } else if key == "card", card == nil {
                card = CardID(try s.string())
            } else if key == "time", time == nil {
                time = try s.timestamp()
            } else if key == "rating", rating == nil {
                guard let r = Rating(rawValue: try s.int()) else { throw s.error("rating must be 1 to 4") }
                rating = r
            } else if key == "state", !stateSeen {
                stateSeen = true
                if try !s.consumeNull() {
                    guard let v = LearningState(rawValue: try s.int()) else { throw s.error("unknown state") }
                    state = v
                }
            } else {
                throw s.error("unknown or repeated key in a recent answer")
            }
        }
        guard let id, let card, let time, let rating, stateSeen else {
            throw s.error("a recent answer needs id, card, time, rating and state")
        }
        return RecentAnswer(id: id, answer: StudyAnswer(cardID: card, time: time, rating: rating, stateBefore: state))
    }
}

extension RecentAnswer {
    /// The answer a review entry of the log records.
    init(review entry: LogEntry) {
        self.init(
            id: entry.id,
            answer: StudyAnswer(
                cardID: entry.card, time: entry.time, rating: entry.rating ?? .good,
                stateBefore: entry.before.schedule?.state))
    }
}
