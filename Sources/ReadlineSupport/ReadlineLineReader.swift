@preconcurrency internal import CReadline
import Foundation
import Trainer

#if canImport(Glibc)
    import Glibc
#endif

/// A `LineReader` over GNU readline on a terminal, and over plain `readLine()` on a pipe.
///
/// Why two paths: with stdin not a terminal, readline echoes the prompt and the input to stdout,
/// which would garble a scripted session's output; plain reads keep it clean.
///
/// readline keeps its state in C globals, so readers share one readline; each read installs
/// the reader's own completion and history choice.
public final class ReadlineLineReader: LineReader {
    private let historyFile: URL?
    private let completion: CompletionSource?
    private let interactive: Bool

    /// - Parameters:
    ///   - historyFile: where accepted lines are kept across runs; nil for no history (answers
    ///     in a study session are not history).
    ///   - completion: what Tab completes; nil for nothing.
    public init(historyFile: URL?, completion: CompletionSource?) {
        self.historyFile = historyFile
        self.completion = completion
        interactive = isatty(STDIN_FILENO) == 1
        if interactive {
            ReadlineState.setUp()
            if let historyFile { ReadlineState.loadHistory(historyFile) }
        }
    }

    /// Whether reads go through readline (stdin is a terminal).
    public var isInteractive: Bool { interactive }

    public func readLine(prompt: String) -> String? {
        if case .line(let line) = readInput(prompt: prompt) { return line }
        return nil
    }

    public func readInput(prompt: String) -> LineInput {
        guard interactive else {
            guard let line = Swift.readLine(strippingNewline: true) else { return .end }
            return line == "\u{03}" ? .interrupted : .line(line)
        }
        ReadlineState.completion = completion
        let input = ReadlineState.read(prompt: prompt)
        if case .line(let line) = input, let historyFile {
            ReadlineState.remember(line, in: historyFile)
        }
        return input
    }
}
