import Foundation
import Scheduling

/// A deck's (or all decks') statistics, computed from card states and the review log.
public struct StatsReport: Codable, Equatable, Sendable {
    /// What the stats are computed from: one entry per card and per review.
    public struct Input: Sendable {
        public enum CardState: String, Codable, Sendable, CaseIterable {
            case new, learning, review, relearning, suspended
        }

        public struct CardEntry: Sendable {
            public var state: CardState
            /// Nil for new and suspended cards.
            public var due: Date?
            public init(state: CardState, due: Date?) {
                self.state = state
                self.due = due
            }
        }

        public struct ReviewEntry: Sendable {
            public var time: Date
            /// Whether the learner recalled it (any rating but Again).
            public var passed: Bool
            /// Whether the card was in review (not new or learning) when answered: only those
            /// count towards true retention.
            public var wasReview: Bool
            public init(time: Date, passed: Bool, wasReview: Bool) {
                self.time = time
                self.passed = passed
                self.wasReview = wasReview
            }
        }

        public var cards: [CardEntry]
        public var reviews: [ReviewEntry]
        public init(cards: [CardEntry], reviews: [ReviewEntry]) {
            self.cards = cards
            self.reviews = reviews
        }
    }

    public struct Window: Codable, Equatable, Sendable {
        public var days: Int
        public var reviews: Int
        /// Review-state answers in the window, and how many of those passed.
        public var matureReviews: Int
        public var passed: Int
        /// passed / matureReviews; nil when there were none.
        public var trueRetention: Double?
    }

    public struct DayCount: Codable, Equatable, Sendable {
        public var date: String
        public var count: Int
    }

    public var deck: String?
    public var cards: [String: Int]
    public var total: Int
    public var last7: Window
    public var last30: Window
    public var forecast: [DayCount]
    public var heatmap: [DayCount]
    public var streak: Int
    public var totalReviews: Int

    /// - Parameter cutoff: where study days begin (4 AM local by default, as in Anki).
    public init(deck: String?, input: Input, now: Date, cutoff: DayCutoff) {
        let days = StudyDays(cutoff: cutoff)
        let today = days.index(of: now)
        self.deck = deck
        var byState: [String: Int] = [:]
        for state in Input.CardState.allCases { byState[state.rawValue] = 0 }
        for card in input.cards { byState[card.state.rawValue, default: 0] += 1 }
        cards = byState
        total = input.cards.count
        totalReviews = input.reviews.count

        var perDay: [Int: Int] = [:]
        for review in input.reviews { perDay[days.index(of: review.time), default: 0] += 1 }
        func window(_ length: Int) -> Window {
            let recent = input.reviews.filter {
                today - days.index(of: $0.time) < length && days.index(of: $0.time) <= today
            }
            let mature = recent.filter(\.wasReview)
            let passed = mature.filter(\.passed).count
            return Window(
                days: length, reviews: recent.count, matureReviews: mature.count, passed: passed,
                trueRetention: mature.isEmpty ? nil : Double(passed) / Double(mature.count))
        }
        last7 = window(7)
        last30 = window(30)

        var due: [Int: Int] = [:]
        for card in input.cards {
            guard let date = card.due, card.state != .suspended, card.state != .new else { continue }
            due[max(today, days.index(of: date)), default: 0] += 1
        }
        forecast = (0..<14).map { DayCount(date: days.label(today + $0), count: due[today + $0] ?? 0) }
        heatmap = (0..<365).reversed().map { DayCount(date: days.label(today - $0), count: perDay[today - $0] ?? 0) }

        // A streak counts back from today, or from yesterday when today has no reviews yet.
        var day = (perDay[today] ?? 0) > 0 ? today : today - 1
        var streak = 0
        while (perDay[day] ?? 0) > 0 {
            streak += 1
            day -= 1
        }
        self.streak = streak
    }
}

/// Study days numbered as integers, for counting per day.
struct StudyDays {
    let cutoff: DayCutoff

    func index(of date: Date) -> Int { cutoff.day(containing: date).ordinal }

    /// `2026-03-01` for a study day's number.
    func label(_ index: Int) -> String { Day(ordinal: index).description }
}
