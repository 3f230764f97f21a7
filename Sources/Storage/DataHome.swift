import Foundation

/// The data directory that holds `Decks/` and `Progress/`; recall never writes outside it.
public struct DataHome: Sendable {
    public let root: URL

    public init(root: URL) { self.root = root.standardizedFileURL }

    /// `--home DIR`, else `RECALL_HOME`, else the current directory when it holds `Decks/`,
    /// else `$XDG_DATA_HOME/recall` (default `~/.local/share/recall`).
    public static func resolve(
        explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        currentDirectory: String = FileManager.default.currentDirectoryPath
    ) -> DataHome {
        let cwd = URL(fileURLWithPath: currentDirectory, isDirectory: true)
        if let explicit, !explicit.isEmpty {
            return DataHome(root: URL(fileURLWithPath: explicit, isDirectory: true, relativeTo: cwd))
        }
        if let env = environment["RECALL_HOME"], !env.isEmpty {
            return DataHome(root: URL(fileURLWithPath: env, isDirectory: true, relativeTo: cwd))
        }
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("Decks").path, isDirectory: &isDir),
            isDir.boolValue
        {
            return DataHome(root: cwd)
        }
        let xdg =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/share")
        return DataHome(root: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("recall"))
    }

    public var decks: URL { root.appendingPathComponent("Decks", isDirectory: true) }
    public var progress: URL { root.appendingPathComponent("Progress", isDirectory: true) }

    /// Creates `Decks/` and `Progress/` when missing.
    public func prepare() throws {
        try FileManager.default.createDirectory(at: decks, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
    }
}
