import Foundation
import TestSupport

/// A real pseudo-terminal: a private tmux server running one command, driven by keys and read
/// back as the screen a user would see.
final class TmuxSession {
    let socket: String
    private let tmux = "/usr/bin/tmux"

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Starts `command` in a detached tmux session of the given size.
    init(
        directory: TemporaryDirectory, command: [String], environment: [String: String], width: Int = 100,
        height: Int = 40
    )
        throws
    {
        guard FileManager.default.isExecutableFile(atPath: tmux) else {
            throw Failure(description: "tmux is not installed (apt-get install tmux; .ci/run installs it)")
        }
        socket = directory.url.appendingPathComponent("tmux.sock").path
        let env = environment.map { "\($0.key)=\(Self.quote($0.value))" }.sorted().joined(separator: " ")
        let shell = "env \(env) " + command.map(Self.quote).joined(separator: " ") + "; echo \"[exit $?]\"; sleep 30"
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "recall", "-x", "\(width)", "-y", "\(height)", shell])
    }

    deinit { _ = try? run(["kill-server"]) }

    /// Sends tmux key names (`Enter`, `Tab`, `Up`, `C-c`) or literal text with `literal`.
    func send(_ keys: String...) throws { try run(["send-keys", "-t", "recall"] + keys) }
    func type(_ text: String) throws { try run(["send-keys", "-t", "recall", "-l", text]) }

    /// The visible screen, trailing blanks trimmed.
    func screen() throws -> String {
        let text = try run(["capture-pane", "-p", "-t", "recall", "-S", "-200"])
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
            .joined(separator: "\n").trimmingCharacters(in: .newlines)
    }

    /// The screen once `predicate` holds, waiting up to `timeout` seconds.
    @discardableResult
    func wait(for description: String, timeout: TimeInterval = 15, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if predicate(last) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Failure(description: "timed out waiting for \(description); screen:\n\(last)")
    }

    /// Waits until the screen's last non-empty line is exactly `line` (a prompt, say).
    @discardableResult
    func waitForLastLine(_ line: String, timeout: TimeInterval = 15) throws -> String {
        try wait(for: "last line «\(line)»", timeout: timeout) { screen in
            screen.split(separator: "\n").last.map(String.init) == line
        }
    }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-S", socket] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed: \(text)")
        }
        return text
    }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
