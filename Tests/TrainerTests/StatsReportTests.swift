import Foundation
import Scheduling
import Testing

@testable import Trainer

struct StatsReportTests {
    let utc = DayCutoff(hour: 4, timeZone: TimeZone(identifier: "UTC")!)

    let now = ISO8601DateFormatter().date(from: "2026-03-10T12:00:00Z")!

    func day(_ offset: Int, hour: Int = 12) -> Date {
        now.addingTimeInterval(Double(offset) * 86_400 + Double(hour - 12) * 3600)
    }

    @Test func retentionCountsOnlyReviewStateAnswersInTheWindow() {
        let reviews: [StatsReport.Input.ReviewEntry] = [
            .init(time: day(0), passed: true, wasReview: true),
            .init(time: day(-1), passed: false, wasReview: true),
            .init(time: day(-2), passed: false, wasReview: false),
            .init(time: day(-6), passed: true, wasReview: true),
            .init(time: day(-7), passed: true, wasReview: true),
            .init(time: day(-20), passed: true, wasReview: true),
        ]
        let report = StatsReport(deck: nil, input: .init(cards: [], reviews: reviews), now: now, cutoff: utc)
        #expect(report.last7.reviews == 4)
        #expect(report.last7.matureReviews == 3)
        #expect(report.last7.passed == 2)
        #expect(report.last30.reviews == 6)
        #expect(report.last30.trueRetention == 4.0 / 5.0)
    }

    @Test func streakEndsTodayOrYesterday() {
        let reviews = [-1, -2, -3, -5].map {
            StatsReport.Input.ReviewEntry(time: day($0), passed: true, wasReview: false)
        }
        let report = StatsReport(deck: nil, input: .init(cards: [], reviews: reviews), now: now, cutoff: utc)
        #expect(report.streak == 3)
        let broken = StatsReport(
            deck: nil, input: .init(cards: [], reviews: Array(reviews.dropFirst())), now: now, cutoff: utc)
        #expect(broken.streak == 0)
    }

    @Test func studyDayBeginsAtFourInTheMorning() {
        // 02:00 on the 10th still belongs to the 9th's study day.
        let early = StatsReport.Input.ReviewEntry(time: day(0, hour: 2), passed: true, wasReview: false)
        let report = StatsReport(deck: nil, input: .init(cards: [], reviews: [early]), now: now, cutoff: utc)
        #expect(report.heatmap.last?.date == "2026-03-10")
        #expect(report.heatmap.last?.count == 0)
        #expect(report.heatmap[report.heatmap.count - 2] == .init(date: "2026-03-09", count: 1))
        #expect(report.heatmap.count == 365)
    }

    @Test func forecastPutsOverdueCardsTodayAndSkipsNewAndSuspended() {
        let cards: [StatsReport.Input.CardEntry] = [
            .init(state: .review, due: day(-3)),
            .init(state: .review, due: day(0)),
            .init(state: .review, due: day(2)),
            .init(state: .learning, due: day(0, hour: 13)),
            .init(state: .review, due: day(20)),
            .init(state: .new, due: nil),
            .init(state: .suspended, due: day(1)),
        ]
        let report = StatsReport(deck: nil, input: .init(cards: cards, reviews: []), now: now, cutoff: utc)
        #expect(report.forecast.count == 14)
        #expect(report.forecast[0] == .init(date: "2026-03-10", count: 3))
        #expect(report.forecast[1].count == 0)
        #expect(report.forecast[2].count == 1)
        #expect(report.cards["review"] == 4)
        #expect(report.cards["suspended"] == 1)
        #expect(report.total == 7)
    }
}
