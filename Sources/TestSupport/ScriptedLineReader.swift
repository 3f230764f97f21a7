import Trainer

/// A line reader that answers from a script, recording each prompt it was shown.
public final class ScriptedLineReader: LineReader {
    private var lines: [String]
    public private(set) var prompts: [String] = []
    /// Called before each line is handed out, e.g. to move a fixed clock.
    public var beforeEachLine: ((String) -> Void)?

    public init(_ lines: [String]) { self.lines = lines }

    public func readLine(prompt: String) -> String? {
        prompts.append(prompt)
        guard !lines.isEmpty else { return nil }
        let line = lines.removeFirst()
        beforeEachLine?(line)
        return line
    }

    public var remaining: Int { lines.count }
}
