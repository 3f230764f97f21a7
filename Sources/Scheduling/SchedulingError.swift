/// What can be wrong with scheduler settings or a settings file.
public enum SchedulingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// FSRS-6 has exactly 21 parameters.
    case parameterCount(Int)
    /// Parameters outside py-fsrs's bounds: (index, value, lower, upper) for each.
    case parametersOutOfBounds([OutOfBounds])
    case desiredRetention(Double)
    case step(kind: String, seconds: Double)
    case maximumInterval(Int)
    case setting(name: String, value: String, expected: String)
    /// A settings file written by a newer recall.
    case newerFormat(found: Int, supported: Int)

    public struct OutOfBounds: Equatable, Sendable {
        public var index: Int
        public var value: Double
        public var lower: Double
        public var upper: Double

        public init(index: Int, value: Double, lower: Double, upper: Double) {
            self.index = index
            self.value = value
            self.lower = lower
            self.upper = upper
        }
    }

    public var description: String {
        switch self {
        case .parameterCount(let n):
            return "FSRS-6 needs exactly 21 parameters, got \(n)"
        case .parametersOutOfBounds(let list):
            let each = list.map { "parameters[\($0.index)] = \($0.value) is outside [\($0.lower), \($0.upper)]" }
            return "FSRS parameters out of bounds: " + each.joined(separator: "; ")
        case .desiredRetention(let r):
            return "desired retention \(r) must lie strictly between 0 and 1 (0.9 means 90%)"
        case .step(let kind, let seconds):
            return "\(kind) step of \(seconds) s: each step must be a positive, finite number of seconds"
        case .maximumInterval(let n):
            return "maximum interval \(n) days: it must be at least 1 day"
        case .setting(let name, let value, let expected):
            return "setting \(name) = \(value): expected \(expected)"
        case .newerFormat(let found, let supported):
            return "settings format \(found) is newer than this recall understands (\(supported)); upgrade recall"
        }
    }
}
