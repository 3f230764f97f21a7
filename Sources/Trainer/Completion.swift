/// What Tab offers at the cursor: a list of words, or the file system (readline's own file
/// name completion, which knows directories, `~` and quoting).
public enum Completion: Equatable, Sendable {
    case words([String])
    case files
}

/// Answers Tab for a line reader; the REPL is one, and knows its commands and decks.
public protocol CompletionSource: AnyObject {
    /// - Parameters:
    ///   - before: the line up to the start of the word being completed.
    ///   - word: the partial word under the cursor.
    /// - Returns: the candidates that start with `word`, or `.files`.
    func complete(before: String, word: String) -> Completion
}
