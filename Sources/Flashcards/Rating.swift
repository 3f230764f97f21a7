/// How well the learner recalled a card, as FSRS numbers it.
public enum Rating: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case again = 1, hard = 2, good = 3, easy = 4

    public var description: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }

    /// Parses `1`–`4` or a rating's name, case-insensitively.
    public init?(argument: String) {
        if let n = Int(argument), let r = Rating(rawValue: n) {
            self = r
            return
        }
        guard let r = Rating.allCases.first(where: { $0.description.lowercased() == argument.lowercased() })
        else { return nil }
        self = r
    }
}
