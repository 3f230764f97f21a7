@preconcurrency internal import CReadline
import Foundation
import Trainer

#if canImport(Glibc)
    import Glibc
#endif

/// readline's process-wide state and the C callbacks that reach back into Swift.
///
/// readline calls plain C function pointers that cannot capture context, so what they need
/// lives here. Everything runs on the one thread that reads lines.
enum ReadlineState {
    nonisolated(unsafe) static var completion: CompletionSource?
    nonisolated(unsafe) private static var matches: [String] = []
    nonisolated(unsafe) private static var acceptedLine: String?
    nonisolated(unsafe) private static var finished = false
    nonisolated(unsafe) private static var ready = false
    nonisolated(unsafe) static var interrupted: sig_atomic_t = 0

    /// Lines kept in the history file.
    static let historyLimit: Int32 = 1000

    static func setUp() {
        guard !ready else { return }
        ready = true
        rl_readline_name = UnsafePointer(strdup("recall"))
        // We handle SIGINT ourselves so Ctrl-C cancels the line instead of killing recall.
        rl_catch_signals = 0
        rl_attempted_completion_function = attemptCompletion
        using_history()
        stifle_history(historyLimit)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in ReadlineState.interrupted = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: poll() must return so the read can end
        sigaction(SIGINT, &action, nil)
        // A parent may hand down SIGINT blocked (a thread pool's mask survives exec); unblock it
        // or Ctrl-C would never reach the handler.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    static func loadHistory(_ file: URL) {
        read_history(file.path)
    }

    /// Adds a line to the history and appends it to the file at once, so a crash keeps it.
    static func remember(_ line: String, in file: URL) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return }
        if history_length > 0, let last = history_get(history_base + history_length - 1),
            let text = last.pointee.line, String(cString: text) == line
        {
            return
        }
        add_history(line)
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = FileManager.default.createFile(
                atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        append_history(1, file.path)
        history_truncate_file(file.path, historyLimit)
    }

    /// One line through readline's callback interface, so a Ctrl-C can end the wait cleanly.
    static func read(prompt: String) -> LineInput {
        interrupted = 0
        finished = false
        acceptedLine = nil
        rl_callback_handler_install(prompt, lineHandler)
        while !finished {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, -1)
            if interrupted != 0 {
                interrupted = 0
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_cleanup_after_signal()
                rl_callback_handler_remove()
                fputs("^C\n", stdout)
                fflush(stdout)
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .end
            }
            rl_callback_read_char()
        }
        guard let line = acceptedLine else {
            fputs("\n", stdout)
            fflush(stdout)
            return .end
        }
        return .line(line)
    }

    private static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { raw in
        // Removing the handler here stops readline from printing the prompt again.
        rl_callback_handler_remove()
        ReadlineState.finished = true
        if let raw {
            ReadlineState.acceptedLine = String(cString: raw)
            free(raw)
        }
    }

    private static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? =
            { text, start, _ in
                rl_attempted_completion_over = 1
                guard let source = ReadlineState.completion, let text, let buffer = rl_line_buffer else { return nil }
                let bytes = UnsafeBufferPointer(
                    start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self),
                    count: Int(start))
                let before = String(decoding: bytes, as: UTF8.self)
                switch source.complete(before: before, word: String(cString: text)) {
                case .files:
                    rl_attempted_completion_over = 0
                    return nil
                case .words(let words):
                    ReadlineState.matches = words
                    guard !words.isEmpty else { return nil }
                    return rl_completion_matches(text, nextMatch)
                }
            }

    private static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
        _, state in
        // readline asks with state 0 first, then 1, 2, … until we return NULL.
        let index = Int(state)
        guard index < ReadlineState.matches.count else { return nil }
        return strdup(ReadlineState.matches[index])
    }
}
