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
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let group = DispatchGroup()
        let errBox = LockedData()
        group.enter()
        DispatchQueue.global().async {
            errBox.set(err.fileHandleForReading.readDataToEndOfFile())
            group.leave()
        }
        if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
        try? input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errBox.get(), as: UTF8.self)
        )
    }

    public struct MissingPython: Error, CustomStringConvertible {
        public var description: String {
            "no reference Python: run `bash .ci/run` once (it makes .venv/), or set RECALL_PYTHON"
        }
    }
}

final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    func set(_ d: Data) { lock.withLock { data = d } }
    func get() -> Data { lock.withLock { data } }
}
