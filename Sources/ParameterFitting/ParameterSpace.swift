import Foundation
import Scheduling

/// Where FSRS-6's parameters may go during fitting, and how far they usually stray.
enum ParameterSpace {
    static let count = 21

    static let defaults = SchedulerConfiguration.defaultParameters
    static let lowerBounds = SchedulerConfiguration.lowerBounds
    static let upperBounds = SchedulerConfiguration.upperBounds

    /// The spread of each parameter across many learners' fitted parameters (the Rust crate's
    /// `PARAMS_STDDEV`): the L2 pull toward the starting point is scaled by its inverse square,
    /// so a parameter that varies little between people is held closer.
    static let standardDeviations: [Double] = [
        6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
        1.03, 0.31, 0.32, 0.14, 0.27,
    ]

    /// Clamps every parameter into its bound, in place (the Rust crate's parameter clipper
    /// with one relearning step).
    static func clip(_ w: inout [Double]) {
        for i in 0..<count { w[i] = min(max(w[i], lowerBounds[i]), upperBounds[i]) }
    }

    /// Whether every parameter lies within its bound.
    static func contains(_ w: [Double]) -> Bool {
        w.count == count && (0..<count).allSatisfy { lowerBounds[$0] <= w[$0] && w[$0] <= upperBounds[$0] }
    }
}
