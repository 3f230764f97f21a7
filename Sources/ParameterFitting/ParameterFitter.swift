import Flashcards
import Foundation

/// Fits FSRS-6's 21 parameters to a learner's review history.
public struct ParameterFitter: Sendable {
    /// Labelled reviews (a day or more after the card's previous one) that fitting needs: the
    /// Rust crate trains from 64 on; we ask for that much in the training cards plus a fifth
    /// more for the held-out cards that judge the result.
    public static let minimumReviews = 80
    static let minimumTrainingReviews = 64

    public var options: FittingOptions

    public init(options: FittingOptions = FittingOptions()) {
        self.options = options
    }

    /// Parameters fitted to all of `histories`.
    ///
    /// - Parameter progress: called now and then with the fraction done, from 0 to 1.
    /// - Throws: `FittingError.notEnoughHistory` below `minimumTrainingReviews` labelled reviews.
    public func fit(_ histories: [CardHistory], progress: (Double) -> Void = { _ in }) throws(FittingError)
        -> [Double]
    {
        let data = ReviewDataset(histories: histories, recencyWeighted: options.recencyWeighting)
        guard data.labelCount >= Self.minimumTrainingReviews else {
            throw .notEnoughHistory(reviews: data.labelCount, needed: Self.minimumTrainingReviews)
        }
        return fit(data, progress: progress)
    }

    func fit(_ data: ReviewDataset, progress: (Double) -> Void) -> [Double] {
        var initial = ParameterSpace.defaults
        var training = data
        var counts = [1, 1, 1, 1]
        if let pretrained = InitialStability(data: data) {
            initial.replaceSubrange(0..<4, with: pretrained.stabilities)
            counts = pretrained.counts
            if !pretrained.outlierCards.isEmpty {
                let kept = (0..<data.cardCount).filter { !pretrained.outlierCards.contains($0) }
                // Keep the recency weights the full set gave; only the outlying cards go.
                training = data.cards(kept)
            }
        }
        var fitted = GradientDescent(options: options).train(data: training, initial: initial, progress: progress)
        // Stability after a first review should grow with the rating, as pretraining ensured.
        let ordered = InitialStability.smoothAndFill(
            Dictionary(uniqueKeysWithValues: (1...4).map { ($0, fitted[$0 - 1]) }), counts: counts)
        if let ordered { fitted.replaceSubrange(0..<4, with: ordered) }
        ParameterSpace.clip(&fitted)
        return fitted
    }

    /// Fits on four fifths of the cards and measures the current and the fitted parameters on
    /// all cards and on the held-out fifth.
    ///
    /// - Throws: `FittingError.notEnoughHistory` when the history is below `minimumReviews`
    ///   or its training cards below the training minimum.
    public func optimize(
        _ histories: [CardHistory], current: [Double], progress: (Double) -> Void = { _ in }
    ) throws(FittingError) -> OptimizationReport {
        try optimize([(current, histories)], progress: progress)
    }

    /// The same over several groups of cards (decks) that may use different parameters now:
    /// one parameter set is fitted to all of them, and each group's current parameters score
    /// its own cards.
    public func optimize(
        _ groups: [(parameters: [Double], histories: [CardHistory])], progress: (Double) -> Void = { _ in }
    ) throws(FittingError) -> OptimizationReport {
        let histories = groups.flatMap(\.histories)
        let training = histories.filter { !$0.isHeldOut }
        let all = ReviewDataset(histories: histories, recencyWeighted: false)
        let trainingData = ReviewDataset(histories: training, recencyWeighted: options.recencyWeighting)
        guard all.labelCount >= Self.minimumReviews, trainingData.labelCount >= Self.minimumTrainingReviews else {
            let needed = max(
                Self.minimumReviews, all.labelCount + Self.minimumTrainingReviews - trainingData.labelCount)
            throw .notEnoughHistory(reviews: all.labelCount, needed: needed)
        }
        let fitted = fit(trainingData, progress: progress)
        let heldOut = groups.map { ($0.parameters, $0.histories.filter(\.isHeldOut)) }
        return OptimizationReport(
            current: groups.first?.parameters ?? ParameterSpace.defaults, fitted: fitted,
            before: .init(all: Evaluation(groups: groups), heldOut: Evaluation(groups: heldOut)),
            after: .init(
                all: Evaluation(parameters: fitted, data: all),
                heldOut: Evaluation(groups: heldOut.map { (fitted, $0.1) })),
            trainingReviews: trainingData.labelCount)
    }
}

/// The outcome of `ParameterFitter.optimize`: both parameter sets and how each did.
public struct OptimizationReport: Sendable, Hashable, Codable {
    public struct Scores: Sendable, Hashable, Codable {
        public var all: Evaluation
        public var heldOut: Evaluation
    }

    /// The parameters in use (the first group's, when several were given).
    public var current: [Double]
    public var fitted: [Double]
    public var before: Scores
    public var after: Scores
    public var trainingReviews: Int

    /// Whether the fitted parameters predict better: lower log loss on the held-out cards
    /// (on all cards when none of the held-out cards has a review to predict).
    public var isImprovement: Bool {
        if before.heldOut.reviews > 0 { return after.heldOut.logLoss < before.heldOut.logLoss }
        return after.all.logLoss < before.all.logLoss
    }
}
