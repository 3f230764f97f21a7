import Flashcards
import Foundation
import Scheduling
import Testing

struct StudyQueueTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = DayTests.instant("2026-05-10T12:00:00Z")

    static func card(_ n: Int, kind: CardKind = .faq, section: [String] = []) -> Card {
        Card(id: CardID("c\(n)"), kind: kind, front: "Q\(n)?", back: "A\(n)", section: section)
    }

    static func review(due: String, interval days: Double) -> CardProgress {
        let dueDate = DayTests.instant(due)
        return CardProgress(
            schedule: CardSchedule(
                state: .review, step: nil, stability: days, difficulty: 5, due: dueDate,
                lastReview: dueDate - days * 86400), reps: 3)
    }

    static func learning(due: Date, state: LearningState = .learning) -> CardProgress {
        CardProgress(
            schedule: CardSchedule(state: state, step: 0, stability: 1, difficulty: 5, due: due, lastReview: due - 60),
            reps: 1)
    }

    static func queue(
        _ cards: [Card], _ progress: [CardID: CardProgress], answers: [StudyAnswer] = [],
        settings: DeckSettings = .default, now: Date = now, zone: TimeZone = utc
    ) -> StudyQueue {
        StudyQueue(cards: cards, progress: progress, answers: answers, settings: settings, now: now, timeZone: zone)
    }

    static func ids(_ q: StudyQueue) -> [String] { q.entries.map(\.cardID.rawValue) }

    @Test func learningFirstThenReviewsThenNewCards() {
        let cards = (0..<6).map { Self.card($0) }
        let progress: [CardID: CardProgress] = [
            CardID("c1"): Self.review(due: "2026-05-10T06:00:00Z", interval: 10),
            CardID("c2"): Self.learning(due: Self.now - 30),
            CardID("c4"): Self.learning(due: Self.now - 300, state: .relearning),
            CardID("c5"): Self.review(due: "2026-05-20T06:00:00Z", interval: 10),
        ]
        let q = Self.queue(cards, progress)
        #expect(Self.ids(q) == ["c4", "c2", "c1", "c0", "c3"])
        #expect(q.entries.map(\.kind) == [.learning, .learning, .review, .new, .new])
        #expect(q.counts == .init(new: 2, learning: 2, review: 1))
        #expect(q.nextDue == nil)
    }

    @Test func reviewsMostOverdueRelativeToTheirIntervalComeFirst() {
        let cards = (0..<4).map { Self.card($0) }
        let progress: [CardID: CardProgress] = [
            // 5 days late on a 100-day interval: 5%.
            CardID("c0"): Self.review(due: "2026-05-05T12:00:00Z", interval: 100),
            // 2 days late on a 4-day interval: 50%.
            CardID("c1"): Self.review(due: "2026-05-08T12:00:00Z", interval: 4),
            // Due later today: not yet overdue, still due today.
            CardID("c2"): Self.review(due: "2026-05-10T20:00:00Z", interval: 3),
            // 1 day late on a 10-day interval: 10%.
            CardID("c3"): Self.review(due: "2026-05-09T12:00:00Z", interval: 10),
        ]
        #expect(Self.ids(Self.queue(cards, progress)) == ["c1", "c3", "c0", "c2"])
    }

    @Test func reviewDueTomorrowWaitsForTheDayStart() {
        let cards = [Self.card(0)]
        let progress = [CardID("c0"): Self.review(due: "2026-05-11T03:00:00Z", interval: 5)]
        // 03:00 on the 11th is still the 10th's study day (it ends at 04:00).
        #expect(Self.ids(Self.queue(cards, progress)) == ["c0"])
        let later = [CardID("c0"): Self.review(due: "2026-05-11T09:00:00Z", interval: 5)]
        let q = Self.queue(cards, later)
        #expect(q.entries.isEmpty)
        #expect(q.nextDue == DayTests.instant("2026-05-11T04:00:00Z"))
    }

    @Test func dailyLimitsCountTodaysAnswers() {
        let cards = (0..<30).map { Self.card($0) }
        var progress: [CardID: CardProgress] = [:]
        for n in 0..<10 { progress[CardID("c\(n)")] = Self.review(due: "2026-05-09T12:00:00Z", interval: 5) }
        var settings = DeckSettings.default
        settings.newPerDay = 5
        settings.reviewsPerDay = 4
        var q = Self.queue(cards, progress, settings: settings)
        #expect(q.counts == .init(new: 5, learning: 0, review: 4))
        #expect(Self.ids(q).suffix(5) == ["c10", "c11", "c12", "c13", "c14"])

        // Answers from today count; yesterday's (before 04:00 today) do not.
        let answers = [
            StudyAnswer(cardID: CardID("c20"), time: Self.now - 3600, rating: .good, stateBefore: nil),
            StudyAnswer(cardID: CardID("c21"), time: Self.now - 3600, rating: .good, stateBefore: nil),
            StudyAnswer(cardID: CardID("c22"), time: Self.now - 3600, rating: .good, stateBefore: .review),
            StudyAnswer(cardID: CardID("c23"), time: Self.now - 3600, rating: .good, stateBefore: .learning),
            StudyAnswer(
                cardID: CardID("c24"), time: DayTests.instant("2026-05-10T03:59:00Z"), rating: .good, stateBefore: nil),
        ]
        q = Self.queue(cards, progress, answers: answers, settings: settings)
        #expect(q.counts == .init(new: 3, learning: 0, review: 3))
        #expect(q.answeredToday == (new: 2, review: 1))

        settings.newPerDay = 2
        q = Self.queue(cards, progress, answers: answers, settings: settings)
        #expect(q.counts.new == 0)
    }

    @Test func newCardsComeInDeckOrderAndTheLimitResetsAtTheDayStart() {
        let cards = [5, 3, 9, 1].map { Self.card($0) }
        var settings = DeckSettings.default
        settings.newPerDay = 2
        let answers = [
            StudyAnswer(cardID: CardID("c7"), time: Self.now - 60, rating: .good, stateBefore: nil),
            StudyAnswer(cardID: CardID("c8"), time: Self.now - 120, rating: .good, stateBefore: nil),
        ]
        var q = Self.queue(cards, [:], answers: answers, settings: settings)
        #expect(q.entries.isEmpty)
        #expect(q.nextDue == DayTests.instant("2026-05-11T04:00:00Z"))
        q = Self.queue(cards, [:], answers: answers, settings: settings, now: DayTests.instant("2026-05-11T04:00:00Z"))
        #expect(Self.ids(q) == ["c5", "c3"])
    }

    @Test func dayRolloverFollowsTheLearnersTimeZone() throws {
        // 20:30 UTC is 05:30 next morning in Tokyo (a new study day) but 13:30 in Los Angeles.
        let cards = [Self.card(0), Self.card(1)]
        var settings = DeckSettings.default
        settings.newPerDay = 1
        let answered = [
            StudyAnswer(
                cardID: CardID("c9"), time: DayTests.instant("2026-05-10T18:00:00Z"), rating: .good, stateBefore: nil)
        ]
        let now = DayTests.instant("2026-05-10T20:30:00Z")
        let tokyo = Self.queue(
            cards, [:], answers: answered, settings: settings, now: now, zone: DayTests.zone("Asia/Tokyo"))
        // In Tokyo 18:00 UTC was 03:00, the previous study day.
        #expect(tokyo.counts.new == 1)
        #expect(tokyo.today.description == "2026-05-11")
        let la = Self.queue(
            cards, [:], answers: answered, settings: settings, now: now, zone: DayTests.zone("America/Los_Angeles"))
        #expect(la.counts.new == 0)
        #expect(la.nextDue == DayTests.instant("2026-05-11T11:00:00Z"))
    }

    @Test func dayRolloverAcrossDSTUsesTheLocalStartHour() {
        // New York, spring forward on 2026-03-08: the study day begins at 4 AM EDT (08:00Z).
        let zone = DayTests.zone("America/New_York")
        let cards = [Self.card(0)]
        let progress = [CardID("c0"): Self.review(due: "2026-03-08T10:00:00Z", interval: 3)]
        var settings = DeckSettings.default
        settings.dayStartHour = 4
        let before = Self.queue(cards, progress, now: DayTests.instant("2026-03-08T07:59:00Z"), zone: zone)
        #expect(before.entries.isEmpty)
        #expect(before.nextDue == DayTests.instant("2026-03-08T08:00:00Z"))
        let after = Self.queue(cards, progress, now: DayTests.instant("2026-03-08T08:00:00Z"), zone: zone)
        #expect(Self.ids(after) == ["c0"])
    }

    @Test func siblingsOfAnAnsweredKeyPointWaitForAnotherDay() {
        let sectionA = ["Article", "Section A"]
        let cards = [
            Self.card(0, kind: .keypoint, section: sectionA),
            Self.card(1, kind: .faq, section: sectionA),
            Self.card(2, kind: .term, section: sectionA),
            Self.card(3, kind: .faq, section: ["Article", "Section B"]),
            Self.card(4, kind: .faq, section: sectionA),
        ]
        let progress = [CardID("c0"): Self.learning(due: Self.now + 3600)]
        let answered = [StudyAnswer(cardID: CardID("c0"), time: Self.now - 60, rating: .again, stateBefore: nil)]
        var settings = DeckSettings.default
        settings.learnAheadMinutes = 0
        let q = Self.queue(cards, progress, answers: answered, settings: settings)
        #expect(Self.ids(q) == ["c3"])

        // The next day they are back.
        let tomorrow = Self.queue(cards, [:], answers: answered, now: Self.now + 86400)
        #expect(Self.ids(tomorrow) == ["c0", "c1", "c2", "c3", "c4"])
    }

    @Test func faqCardsOfOneSectionAreNotSiblingsOfEachOtherButHoldBackTheKeyPoint() {
        let section = ["FAQ"]
        let cards = [
            Self.card(0, kind: .faq, section: section),
            Self.card(1, kind: .faq, section: section),
            Self.card(2, kind: .keypoint, section: section),
            Self.card(3, kind: .basic),
            Self.card(4, kind: .basic),
        ]
        let progress = [
            CardID("c0"): Self.review(due: "2026-05-20T12:00:00Z", interval: 10),
            CardID("c3"): Self.review(due: "2026-05-20T12:00:00Z", interval: 10),
        ]
        let answered = [
            StudyAnswer(cardID: CardID("c0"), time: Self.now - 60, rating: .good, stateBefore: .review),
            StudyAnswer(cardID: CardID("c3"), time: Self.now - 60, rating: .good, stateBefore: .review),
        ]
        let q = Self.queue(cards, progress, answers: answered)
        // c1 (another FAQ) stays; c2 (the section's key point) waits; c4 has no section, no siblings.
        #expect(Self.ids(q) == ["c1", "c4"])
    }

    @Test func learningCardsAreNotHeldBackBySiblings() {
        let section = ["S"]
        let cards = [Self.card(0, kind: .keypoint, section: section), Self.card(1, kind: .faq, section: section)]
        let progress = [
            CardID("c0"): Self.learning(due: Self.now - 10),
            CardID("c1"): Self.learning(due: Self.now - 5),
        ]
        let answered = [
            StudyAnswer(cardID: CardID("c0"), time: Self.now - 70, rating: .again, stateBefore: nil),
            StudyAnswer(cardID: CardID("c1"), time: Self.now - 65, rating: .again, stateBefore: nil),
        ]
        #expect(Self.ids(Self.queue(cards, progress, answers: answered)) == ["c0", "c1"])
    }

    @Test func learnAheadShowsSoonDueLearningCardsOnlyWhenNothingElseIsLeft() {
        let cards = [Self.card(0), Self.card(1), Self.card(2)]
        var progress: [CardID: CardProgress] = [
            CardID("c0"): Self.learning(due: Self.now + 5 * 60),
            CardID("c1"): Self.learning(due: Self.now + 30 * 60),
        ]
        var q = Self.queue(cards, progress)
        #expect(Self.ids(q) == ["c2", "c0"])
        #expect(q.counts == .init(new: 1, learning: 1, review: 0))
        progress[CardID("c2")] = Self.learning(due: Self.now + 40 * 60)
        progress[CardID("c0")] = Self.learning(due: Self.now + 25 * 60)
        q = Self.queue(cards, progress)
        #expect(q.entries.isEmpty)
        #expect(q.nextDue == Self.now + 25 * 60)
    }

    @Test func suspendedAndBuriedCardsAreNotShown() throws {
        let cards = (0..<4).map { Self.card($0) }
        var progress: [CardID: CardProgress] = [
            CardID("c0"): Self.review(due: "2026-05-09T12:00:00Z", interval: 5),
            CardID("c1"): Self.review(due: "2026-05-09T12:00:00Z", interval: 5),
        ]
        let today = try #require(Day("2026-05-10"))
        progress[CardID("c0")]?.suspend()
        progress[CardID("c1")]?.bury(today: today)
        var newBuried = CardProgress.new
        newBuried.bury(today: today)
        progress[CardID("c2")] = newBuried
        var q = Self.queue(cards, progress)
        #expect(Self.ids(q) == ["c3"])
        // Tomorrow the buried ones return; the suspended one stays out until unsuspended.
        q = Self.queue(cards, progress, now: Self.now + 86400)
        #expect(Self.ids(q) == ["c1", "c2", "c3"])
        progress[CardID("c0")]?.unsuspend()
        q = Self.queue(cards, progress, now: Self.now + 86400)
        #expect(Self.ids(q).contains("c0"))
    }

    @Test func nothingDueForeverWhenEverythingIsSuspended() {
        var p = CardProgress.new
        p.suspend()
        let q = Self.queue([Self.card(0)], [CardID("c0"): p])
        #expect(q.next == nil)
        #expect(q.nextDue == nil)
        #expect(Self.queue([], [:]).nextDue == nil)
    }
}

extension StudyQueueTests {
    @Test func theReviewLimitKeepsTheMostOverdueInOrder() {
        var rng = SeededGenerator(seed: 12)
        let cards = (0..<3000).map { Self.card($0) }
        var progress: [CardID: CardProgress] = [:]
        var overdue: [(ratio: Double, order: Int)] = []
        for (order, card) in cards.enumerated() {
            let interval = Double(1 + rng.next() % 60)
            let late = Double(rng.next() % 40)
            let due = Self.now - late * 86400
            progress[card.id] = CardProgress(
                schedule: CardSchedule(
                    state: .review, step: nil, stability: interval, difficulty: 5, due: due,
                    lastReview: due - interval * 86400))
            overdue.append((late / interval, order))
        }
        var settings = DeckSettings.default
        settings.reviewsPerDay = 150
        let q = Self.queue(cards, progress, settings: settings)
        let expected = overdue.sorted { $0.ratio != $1.ratio ? $0.ratio > $1.ratio : $0.order < $1.order }
            .prefix(150).map { "c\($0.order)" }
        #expect(Self.ids(q) == Array(expected))
    }
}

extension StudyQueueTests {
    @Test func aLeechLeavesTheQueueWhenSuspendedAndStaysWhenOnlyTagged() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzzing: false))
        for action in LeechAction.allCases {
            var progress = CardProgress.new
            CardProgressTests.lapse(&progress, times: 8, scheduler: scheduler, leech: LeechPolicy(action: action))
            #expect(progress.isLeech)
            // Once its relearning step is due, a suspended leech is not shown; a tagged one is.
            let due = try #require(progress.schedule?.due)
            let q = Self.queue([Self.card(0)], [CardID("c0"): progress], now: due + 1)
            #expect(Self.ids(q) == (action == .suspend ? [] : ["c0"]))
        }
    }
}
