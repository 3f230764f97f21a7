import Foundation

/// Runs the built `recall` binary, for tests of the command line as a user meets it.
public enum RecallProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs `recall ARGS` with the given stdin, over the test's environment less `RECALL_HOME`
    /// and with `NO_COLOR=1`, plus `environment`.
    public static func run(
        _ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:],
        currentDirectory: URL? = nil
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "RECALL_HOME")
        env["NO_COLOR"] = "1"
        for (k, v) in environment { env[k] = v }
        return try ChildProcess.run(
            Paths.products.appendingPathComponent("recall"), arguments: arguments, environment: env, stdin: stdin,
            currentDirectory: currentDirectory)
    }
}
