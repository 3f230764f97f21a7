/// Tab during a session: the rating names, so `go⇥` becomes `good`.
public final class SessionCompletion: CompletionSource {
    public init() {}

    public func complete(before: String, word: String) -> Completion {
        guard before.isEmpty else { return .words([]) }
        return .words(["again", "hard", "good", "easy"].filter { $0.hasPrefix(word.lowercased()) })
    }
}
