/// Where the REPL and sessions write: the terminal, or a capture in tests.
public protocol Console: AnyObject {
    /// Writes text as it is (the caller has sanitized anything from a deck).
    func write(_ text: String)
    /// Writes a diagnostic line to the error stream.
    func writeError(_ text: String)
    /// Columns available for wrapping; nil when not a terminal.
    var width: Int? { get }
    /// Whether colour may be used (a terminal, and no `NO_COLOR`).
    var colorEnabled: Bool { get }
}
