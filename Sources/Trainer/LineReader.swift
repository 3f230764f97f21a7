/// Where the REPL and sessions get their input: readline on a terminal, plain lines on a pipe,
/// a script in tests.
public protocol LineReader: AnyObject {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
    /// The next line, or why there is none: Ctrl-C (interrupted) or Ctrl-D (end).
    func readInput(prompt: String) -> LineInput
}

/// One read from a `LineReader`.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C while reading: the line is dropped; the caller goes back a level.
    case interrupted
    /// Ctrl-D or the end of a piped script.
    case end
}

extension LineReader {
    /// Readers without a terminal have no Ctrl-C of their own; a line holding only ETX (`\u{03}`,
    /// what Ctrl-C sends) stands for it, so scripts and tests can press it too.
    public func readInput(prompt: String) -> LineInput {
        guard let line = readLine(prompt: prompt) else { return .end }
        return line == "\u{03}" ? .interrupted : .line(line)
    }
}
