/// What happens to a card the learner keeps forgetting.
public enum LeechAction: String, Codable, Sendable, CaseIterable {
    /// Flag it and take it out of study until unsuspended.
    case suspend
    /// Only flag it; it stays in study.
    case tag
}

/// When a card becomes a leech, and what is done then.
public struct LeechPolicy: Hashable, Sendable {
    /// Lapses at which a card becomes a leech; 0 turns leech detection off.
    public var threshold: Int
    public var action: LeechAction

    public init(threshold: Int = 8, action: LeechAction = .suspend) {
        self.threshold = threshold
        self.action = action
    }

    /// True at the threshold and at every half-threshold beyond it (8, 12, 16… by default).
    public func isTriggered(lapses: Int) -> Bool {
        guard threshold > 0, lapses >= threshold else { return false }
        return (lapses - threshold) % max(threshold / 2, 1) == 0
    }
}
