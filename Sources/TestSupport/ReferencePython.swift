import Foundation

/// The Python with the reference implementations (py-fsrs, anki, pygiftparser, fsrs-rs-python)
/// that `.ci/run` installs into `.venv/`; `RECALL_PYTHON` names another.
public enum ReferencePython {
    /// The interpreter's path, or nil when none is installed.
    public static var executable: URL? {
        if let env = ProcessInfo.processInfo.environment["RECALL_PYTHON"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        let venv = Paths.packageRoot.appendingPathComponent(".venv/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : nil
    }

    /// Runs a Python script with arguments; returns status, stdout and stderr.
    /// Throws when no reference Python is installed: a comparison that cannot run is a failure,
    /// never a skip (run `bash .ci/run` once to install it).
    public static func run(script: String, arguments: [String] = [], stdin: Data? = nil) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        guard let python = executable else { throw MissingPython() }
        let result = try ChildProcess.run(python, arguments: ["-c", script] + arguments, stdin: stdin)
        return (result.status, result.stdout, result.stderr)
    }

    public struct MissingPython: Error, CustomStringConvertible {
        public var description: String {
            "no reference Python: run `bash .ci/run` once (it makes .venv/), or set RECALL_PYTHON"
        }
    }
}
