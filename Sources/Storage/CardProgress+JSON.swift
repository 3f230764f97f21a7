import Flashcards
import Foundation
import Scheduling

/// Card progress in recall's files: one flat object, the schedule's fields present only once
/// the card has been reviewed, and the flags only when set.
///
/// `{"state":2,"step":null,"stability":3.17,"difficulty":5.28,"due":"…","last":"…","reps":4,"lapses":0}`
extension CardProgress {
    func write(into t: inout JSONText) {
        t.raw("{")
        if let s = schedule {
            t.key("state")
            t.int(s.state.rawValue)
            t.raw(",")
            t.key("step")
            if let step = s.step { t.int(step) } else { t.null() }
            t.raw(",")
            t.key("stability")
            if let v = s.stability { t.double(v) } else { t.null() }
            t.raw(",")
            t.key("difficulty")
            if let v = s.difficulty { t.double(v) } else { t.null() }
            t.raw(",")
            t.key("due")
            Timestamp.write(s.due, into: &t)
            t.raw(",")
            t.key("last")
            if let v = s.lastReview { Timestamp.write(v, into: &t) } else { t.null() }
            t.raw(",")
        }
        t.key("reps")
        t.int(reps)
        t.raw(",")
        t.key("lapses")
        t.int(lapses)
        if suspended {
            t.raw(",")
            t.key("suspended")
            t.bool(true)
        }
        if isLeech {
            t.raw(",")
            t.key("leech")
            t.bool(true)
        }
        if let day = buriedUntil {
            t.raw(",")
            t.key("buried")
            t.string(day.description)
        }
        t.raw("}")
    }

    /// Reads the object `write(into:)` writes; strict: unknown or repeated keys are errors.
    static func read(from s: inout JSONScanner) throws(JSONSyntaxError) -> CardProgress {
        var fast = s
        if let progress = try? readAsWritten(from: &fast) {
            s = fast
            return progress
        }
        return try readAnyOrder(from: &s)
    }

    /// The fast path: the members exactly in the order and layout `write(into:)` gives them.
    /// Throws on anything else, without a useful message: the caller then reads the same bytes
    /// with `readAnyOrder`, which accepts any order and gives the error.
    static func readAsWritten(from s: inout JSONScanner) throws(JSONSyntaxError) -> CardProgress {
        var f = ProgressFields()
        guard s.consume(exactly: "{") else { throw s.error("") }
        if s.consume(exactly: "\"state\":") {
            guard let state = LearningState(rawValue: try s.int()), s.consume(exactly: ",\"step\":") else {
                throw s.error("")
            }
            f.state = state
            f.step = try s.consumeNull() ? nil : try s.int()
            guard s.consume(exactly: ",\"stability\":") else { throw s.error("") }
            f.stability = try s.consumeNull() ? nil : try s.double()
            guard s.consume(exactly: ",\"difficulty\":") else { throw s.error("") }
            f.difficulty = try s.consumeNull() ? nil : try s.double()
            guard s.consume(exactly: ",\"due\":") else { throw s.error("") }
            f.due = try s.timestamp()
            guard s.consume(exactly: ",\"last\":") else { throw s.error("") }
            f.last = try s.consumeNull() ? nil : try s.timestamp()
            guard s.consume(exactly: ",\"reps\":") else { throw s.error("") }
            f.seen = SeenKeys(marked: 1 | 2 | 4 | 8 | 16 | 32)
        } else {
            guard s.consume(exactly: "\"reps\":") else { throw s.error("") }
        }
        f.reps = try s.int()
        guard s.consume(exactly: ",\"lapses\":") else { throw s.error("") }
        f.lapses = try s.int()
        if s.consume(exactly: ",\"suspended\":") { f.suspended = try s.bool() }
        if s.consume(exactly: ",\"leech\":") { f.leech = try s.bool() }
        if s.consume(exactly: ",\"buried\":") {
            guard let d = Day(try s.string()) else { throw s.error("") }
            f.buried = d
        }
        guard s.consume(exactly: "}") else { throw s.error("") }
        return try f.progress(at: s)
    }

    /// Reads the object with its members in any order.
    static func readAnyOrder(from s: inout JSONScanner) throws(JSONSyntaxError) -> CardProgress {
        var f = ProgressFields()
        try s.beginObject()
        var first = true
        while let key = try s.nextKey(first: &first) {
            if key == "state" {
                try f.seen.mark(1, at: s)
                guard let v = LearningState(rawValue: try s.int()) else { throw s.error("unknown state") }
                f.state = v
            } else if key == "step" {
                try f.seen.mark(2, at: s)
                f.step = try s.consumeNull() ? nil : try s.int()
            } else if key == "stability" {
                try f.seen.mark(4, at: s)
                f.stability = try s.consumeNull() ? nil : try s.double()
            } else if key == "difficulty" {
                try f.seen.mark(8, at: s)
                f.difficulty = try s.consumeNull() ? nil : try s.double()
            } else if key == "due" {
                try f.seen.mark(16, at: s)
                f.due = try s.timestamp()
            } else if key == "last" {
                try f.seen.mark(32, at: s)
                f.last = try s.consumeNull() ? nil : try s.timestamp()
            } else if key == "reps" {
                try f.seen.mark(64, at: s)
                f.reps = try s.int()
            } else if key == "lapses" {
                try f.seen.mark(128, at: s)
                f.lapses = try s.int()
            } else if key == "suspended" {
                try f.seen.mark(256, at: s)
                f.suspended = try s.bool()
            } else if key == "leech" {
                try f.seen.mark(512, at: s)
                f.leech = try s.bool()
            } else if key == "buried" {
                try f.seen.mark(1024, at: s)
                guard let d = Day(try s.string()) else { throw s.error("expected a day like 2026-03-01") }
                f.buried = d
            } else {
                throw s.error("unknown key in card progress")
            }
        }
        return try f.progress(at: s)
    }
}

/// A card progress object's members as read, before the checks that make them a progress.
private struct ProgressFields {
    var state: LearningState?
    var step: Int?
    var stability: Double?
    var difficulty: Double?
    var due: Date?
    var last: Date?
    var reps: Int?
    var lapses: Int?
    var suspended = false
    var leech = false
    var buried: Day?
    var seen = SeenKeys()

    func progress(at s: JSONScanner) throws(JSONSyntaxError) -> CardProgress {
        guard let reps, let lapses, reps >= 0, lapses >= 0 else { throw s.error("card progress needs reps and lapses") }
        var schedule: CardSchedule?
        if let state {
            guard let due else { throw s.error("a card schedule needs a due time") }
            schedule = CardSchedule(
                state: state, step: step, stability: stability, difficulty: difficulty, due: due, lastReview: last)
        } else if seen.contains(any: 2 | 4 | 8 | 16 | 32) {
            throw s.error("schedule fields without a state")
        }
        return CardProgress(
            schedule: schedule, reps: reps, lapses: lapses, suspended: suspended, buriedUntil: buried, isLeech: leech)
    }
}
