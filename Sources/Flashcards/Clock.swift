import Foundation

/// The time, injected so schedules and sessions can be tested at a fixed moment.
public protocol Clock: Sendable {
    var now: Date { get }
}

/// The real wall clock.
public struct SystemClock: Clock {
    public init() {}
    public var now: Date { Date() }
}
