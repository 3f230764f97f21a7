import Foundation
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

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

    /// Runs tmux with posix_spawn and waitpid, its output through a file: the server that
    /// `new-session` starts outlives the call and must not hold a pipe we wait on.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let output = socket + ".out"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv = ([tmux, "-S", socket] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Test threads may block signals; tmux and recall must start with none blocked, or
        // Ctrl-C would never arrive.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw Failure(description: "cannot run tmux: error \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        guard status == 0 else {
            throw Failure(description: "tmux \(arguments.first ?? "") failed (\(status)): \(text)")
        }
        return text
    }

    static func quote(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
