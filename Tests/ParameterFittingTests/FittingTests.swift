import Flashcards
import Foundation
import Testing

@testable import ParameterFitting

@Suite struct FittingTests {
    /// A learner unlike the default one: a steeper forgetting curve, slower growth of
    /// stability, harder lapses.
    static let truth: [Double] = [
        0.5, 2.0, 5.0, 15.0, 6.9, 0.62, 2.45, 0.02, 1.2, 0.21, 1.05,
        1.2, 0.09, 0.33, 1.9, 0.48, 2.3, 0.62, 0.18, 0.11, 0.5,
    ]

    static let histories: [CardHistory] = {
        var simulator = HistorySimulator(parameters: truth)
        // Reviews well before and after the due day, so the shape of the curve shows.
        simulator.intervalSpread = 0.3...3
        return simulator.histories(cards: 800, reviews: 9, seed: 11)
    }()

    @Test func fittingRecoversPredictionsAndBeatsDefaultsOnHeldOutCards() throws {
        let report = try ParameterFitter().optimize(Self.histories, current: ParameterSpace.defaults)
        #expect(report.after.heldOut.reviews > 500)
        #expect(report.after.heldOut.logLoss < report.before.heldOut.logLoss)
        #expect(report.isImprovement)
        let truthScore = Evaluation(
            parameters: Self.truth, histories: Self.histories.filter(\.isHeldOut))
        #expect(report.after.heldOut.logLoss < truthScore.logLoss + 0.01)

        // Predictions close to the true ones, over every labelled review.
        let data = ReviewDataset(histories: Self.histories, recencyWeighted: false)
        let fitted = predictions(report.fitted, data)
        let truePredictions = predictions(Self.truth, data)
        let defaults = predictions(ParameterSpace.defaults, data)
        let fittedGap = meanAbsoluteGap(fitted, truePredictions)
        #expect(fittedGap < 0.03)
        #expect(fittedGap < meanAbsoluteGap(defaults, truePredictions) / 2)
    }

    @Test func fittedParametersStayWithinBounds() throws {
        // A history that pulls hard toward the edges: everything forgotten after a day.
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let histories = (0..<40).map { card in
            CardHistory(
                card: CardID("edge-\(card)"),
                reviews: (0..<5).map {
                    HistoricalReview(
                        rating: $0 == 0 ? .easy : .again, time: start.addingTimeInterval(Double($0) * 86_400 * 3))
                })
        }
        let fitted = try ParameterFitter().fit(histories + Self.histories.prefix(50))
        #expect(ParameterSpace.contains(fitted))
        #expect(fitted.count == 21)
    }

    @Test func tooLittleHistoryIsRefusedWithTheShortfall() {
        let few = Array(Self.histories.prefix(5))
        let labelled = ReviewDataset(histories: few, recencyWeighted: false).labelCount
        #expect(throws: FittingError.notEnoughHistory(reviews: labelled, needed: ParameterFitter.minimumReviews)) {
            try ParameterFitter().optimize(few, current: ParameterSpace.defaults)
        }
        #expect(throws: FittingError.notEnoughHistory(reviews: labelled, needed: 64)) {
            try ParameterFitter().fit(few)
        }
        let message = FittingError.notEnoughHistory(reviews: 30, needed: 80).description
        #expect(message.contains("50 more"))
    }

    @Test func fittingIsDeterministic() throws {
        let sample = Array(Self.histories.prefix(200))
        #expect(try ParameterFitter().fit(sample) == ParameterFitter().fit(sample))
    }

    @Test func heldOutSplitIsAStableFifth() {
        let ids = (0..<5000).map { CardID("card-\($0)") }
        let heldOut = ids.filter(CardHistory.isHeldOut).count
        #expect(heldOut > 900 && heldOut < 1100)
        #expect(CardHistory.isHeldOut(CardID("card-1")) == CardHistory.isHeldOut(CardID("card-1")))
    }

    @Test func retentionSuggestionLiesInRangeAndMinimizesWorkload() {
        let advisor = RetentionAdvisor(parameters: Self.truth, history: Self.histories)
        var small = advisor
        small.cards = 500
        let (best, all) = small.suggest()
        #expect(all.count == 26)
        #expect(best.retention >= 0.7 && best.retention <= 0.95)
        #expect(all.allSatisfy { $0.secondsPerRememberedCard >= best.secondsPerRememberedCard })
        // Higher retention always costs more reviews in total.
        #expect(all.first!.reviews < all.last!.reviews)
    }

    func predictions(_ w: [Double], _ data: ReviewDataset) -> [Double] {
        let model = MemoryModel(parameters: w)
        var result: [Double] = []
        for card in 0..<data.cardCount {
            let start = data.cardStarts[card]
            var (s, d) = model.initialState(rating: Int(data.ratings[start]))
            for i in (start + 1)..<data.cardStarts[card + 1] {
                if data.weights[i] > 0 {
                    result.append(model.retrievability(elapsedDays: data.elapsed[i], stability: s))
                }
                (s, d) = model.nextState(
                    stability: s, difficulty: d, elapsedDays: data.elapsed[i], rating: Int(data.ratings[i]))
            }
        }
        return result
    }

    func meanAbsoluteGap(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(a.count)
    }
}
