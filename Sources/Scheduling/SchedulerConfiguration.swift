import Foundation

/// Everything that shapes a schedule: py-fsrs's `Scheduler` fields, with its defaults.
public struct SchedulerConfiguration: Codable, Hashable, Sendable {
    /// The 21 FSRS-6 weights w0…w20.
    public var parameters: [Double]
    /// The recall probability to schedule for, strictly between 0 and 1.
    public var desiredRetention: Double
    /// Durations of the learning steps of a new card, in seconds.
    public var learningSteps: [TimeInterval]
    /// Durations of the relearning steps after a lapse, in seconds.
    public var relearningSteps: [TimeInterval]
    /// The longest interval a review card gets, in days.
    public var maximumInterval: Int
    /// Whether review intervals of three days or more get a little random spread.
    public var enableFuzzing: Bool

    public init(
        parameters: [Double] = SchedulerConfiguration.defaultParameters, desiredRetention: Double = 0.9,
        learningSteps: [TimeInterval] = [60, 600], relearningSteps: [TimeInterval] = [600],
        maximumInterval: Int = 36500, enableFuzzing: Bool = true
    ) {
        self.parameters = parameters
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }

    /// py-fsrs 6.3.2's defaults: its parameters, 90% retention, steps 1 min and 10 min,
    /// relearning 10 min, at most 100 years, fuzz on.
    public static let `default` = SchedulerConfiguration()

    /// py-fsrs 6.3.2's `DEFAULT_PARAMETERS`.
    public static let defaultParameters: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// py-fsrs's `LOWER_BOUNDS_PARAMETERS`.
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// py-fsrs's `UPPER_BOUNDS_PARAMETERS`.
    public static let upperBounds: [Double] = [
        100, 100, 100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
        5, 0.25, 0.9, 4, 1, 6, 2, 2, 0.8, 0.8,
    ]

    /// Checks the configuration the way py-fsrs checks its parameters (exactly 21, each within
    /// its bounds, all reported at once), and also what py-fsrs leaves unchecked but would
    /// schedule nonsense with: retention outside (0, 1), non-positive steps, a maximum under a day.
    public func validate() throws(SchedulingError) {
        guard parameters.count == Self.lowerBounds.count else {
            throw .parameterCount(parameters.count)
        }
        var outside: [SchedulingError.OutOfBounds] = []
        for (index, value) in parameters.enumerated() {
            let lower = Self.lowerBounds[index]
            let upper = Self.upperBounds[index]
            // Written so NaN fails too, as `lower <= x <= upper` does in Python.
            if !(lower <= value && value <= upper) {
                outside.append(.init(index: index, value: value, lower: lower, upper: upper))
            }
        }
        if !outside.isEmpty { throw .parametersOutOfBounds(outside) }
        guard desiredRetention > 0, desiredRetention < 1 else { throw .desiredRetention(desiredRetention) }
        for step in learningSteps where !(step > 0 && step.isFinite) {
            throw .step(kind: "learning", seconds: step)
        }
        for step in relearningSteps where !(step > 0 && step.isFinite) {
            throw .step(kind: "relearning", seconds: step)
        }
        guard maximumInterval >= 1 else { throw .maximumInterval(maximumInterval) }
    }

    private enum CodingKeys: String, CodingKey {
        case parameters, desiredRetention, learningSteps, relearningSteps, maximumInterval, enableFuzzing
    }

    /// Absent keys take their defaults, so a hand-written settings file may name only what it changes.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = SchedulerConfiguration.default
        parameters = try c.decodeIfPresent([Double].self, forKey: .parameters) ?? d.parameters
        desiredRetention = try c.decodeIfPresent(Double.self, forKey: .desiredRetention) ?? d.desiredRetention
        learningSteps =
            try c.decodeIfPresent([StepDuration].self, forKey: .learningSteps)?.map(\.seconds) ?? d.learningSteps
        relearningSteps =
            try c.decodeIfPresent([StepDuration].self, forKey: .relearningSteps)?.map(\.seconds) ?? d.relearningSteps
        maximumInterval = try c.decodeIfPresent(Int.self, forKey: .maximumInterval) ?? d.maximumInterval
        enableFuzzing = try c.decodeIfPresent(Bool.self, forKey: .enableFuzzing) ?? d.enableFuzzing
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(desiredRetention, forKey: .desiredRetention)
        try c.encode(learningSteps, forKey: .learningSteps)
        try c.encode(relearningSteps, forKey: .relearningSteps)
        try c.encode(maximumInterval, forKey: .maximumInterval)
        try c.encode(enableFuzzing, forKey: .enableFuzzing)
    }
}

/// A step in a settings file: a number of seconds (`600`) or a duration with a unit
/// (`"30s"`, `"10m"`, `"1h"`, `"1d"`), since people write steps the way Anki shows them.
struct StepDuration: Decodable {
    var seconds: TimeInterval

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let number = try? c.decode(Double.self) {
            seconds = number
            return
        }
        let text = try c.decode(String.self)
        guard let parsed = StepDuration.parse(text) else {
            throw SchedulingError.setting(
                name: "step", value: "\"\(text)\"", expected: "seconds, or a number with s, m, h or d")
        }
        seconds = parsed
    }

    static func parse(_ text: String) -> TimeInterval? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let unit = trimmed.last else { return nil }
        let scale: Double
        switch unit {
        case "s": scale = 1
        case "m": scale = 60
        case "h": scale = 3600
        case "d": scale = 86400
        default: return Double(trimmed)
        }
        guard let value = Double(trimmed.dropLast()) else { return nil }
        return value * scale
    }
}
