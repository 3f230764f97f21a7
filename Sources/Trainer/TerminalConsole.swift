import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real terminal: standard output and standard error.
public final class TerminalConsole: Console {
    public let colorEnabled: Bool
    private let isTerminal: Bool

    /// Colour only when standard output is a terminal and `NO_COLOR` is unset or empty
    /// (no-color.org), and never on a `dumb` terminal.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        isTerminal = isatty(STDOUT_FILENO) == 1
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        colorEnabled = isTerminal && !noColor && environment["TERM"] != "dumb"
    }

    public func write(_ text: String) { Self.writeAll(text, to: STDOUT_FILENO) }

    public func writeError(_ text: String) { Self.writeAll(text, to: STDERR_FILENO) }

    /// Unbuffered, so what the session prints is on screen before it waits for a key.
    static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += n
            }
        }
    }

    /// Asked each time, so a resized window wraps at its new width.
    public var width: Int? {
        guard isTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
