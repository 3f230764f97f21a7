import Foundation

/// Places the tests need: the package root, the shared folder beside it, built products.
public enum Paths {
    /// The package root, found from this file's location (`Sources/TestSupport/Paths.swift`).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository: the seed article and the FSRS vectors.
    public static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

    /// The directory holding the built `recall` binary (beside the test bundle).
    public static var products: URL {
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("recall").path) { return url }
        }
        return packageRoot.appendingPathComponent(".build/debug")
    }

    /// A fixture file of a test target: `Tests/<target>/Fixtures/<name>`.
    public static func fixture(_ target: String, _ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
    }
}
