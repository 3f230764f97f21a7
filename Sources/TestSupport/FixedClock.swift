import Flashcards
import Foundation

/// A clock that says what the test tells it to, and moves only when told.
public final class FixedClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ date: Date) { current = date }

    /// A clock at an ISO 8601 instant such as `2026-03-01T09:00:00Z`.
    public convenience init(iso: String) {
        guard let date = ISO8601DateFormatter().date(from: iso) else { preconditionFailure("bad date \(iso)") }
        self.init(date)
    }

    public var now: Date { lock.withLock { current } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
    public func set(_ date: Date) { lock.withLock { current = date } }
}
