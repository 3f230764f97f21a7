/// Where the REPL and sessions get their input: readline on a terminal, plain lines on a pipe,
/// a script in tests.
public protocol LineReader: AnyObject {
    /// The next line without its newline, or nil at end of input (Ctrl-D).
    func readLine(prompt: String) -> String?
}
