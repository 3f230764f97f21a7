/// What a command hands over here is never freed: the process ends right after the command,
/// and the kernel takes the memory back whole. Freeing a large import's cards and decks one
/// string at a time is about a tenth of its time (Benchmarks/interchange.md). Only for values
/// whose work is finished (the deck is saved and durable), never for anything with a `deinit`
/// that must run (files, locks).
final class KeptUntilExit: @unchecked Sendable {
    private let value: Any

    private init(_ value: Any) { self.value = value }

    static func keep(_ value: Any) { _ = Unmanaged.passRetained(KeptUntilExit(value)) }
}
