import Foundation

/// The knobs of fitting; the defaults are the Rust fsrs crate's.
public struct FittingOptions: Sendable, Hashable {
    public var epochs = 5
    /// Labelled reviews per mini-batch (approximate: a batch holds whole cards).
    public var batchSize = 512
    public var learningRate = 0.04
    /// The weight of the L2 pull toward the starting parameters (the crate's `gamma`).
    public var l2Strength = 1.0
    public var seed: UInt64 = 2023
    /// Weight recent reviews more, from 0.25 for the oldest to 1 for the newest, as FSRS does.
    public var recencyWeighting = true
    /// How many cores to spread each batch over.
    public var workers = ProcessInfo.processInfo.activeProcessorCount

    public init() {}
}

/// Why parameters could not be fitted.
public enum FittingError: Error, Equatable, CustomStringConvertible {
    /// Too few reviews that come a day or more after the card's previous review.
    case notEnoughHistory(reviews: Int, needed: Int)

    public var description: String {
        switch self {
        case .notEnoughHistory(let reviews, let needed):
            "not enough review history to fit parameters: \(reviews) reviews a day or more after the card's "
                + "previous review, at least \(needed) needed (\(needed - reviews) more)"
        }
    }
}
