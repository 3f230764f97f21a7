import Trainer

/// A console that keeps everything written to it, for golden transcripts.
public final class CapturedConsole: Console {
    public private(set) var output = ""
    public private(set) var errors = ""
    public let width: Int?
    public let colorEnabled: Bool

    public init(width: Int? = 80, colorEnabled: Bool = false) {
        self.width = width
        self.colorEnabled = colorEnabled
    }

    public func write(_ text: String) { output += text }
    public func writeError(_ text: String) { errors += text }

    /// Forgets what was written, to capture the next part of a test on its own.
    public func clear() {
        output = ""
        errors = ""
    }
}
