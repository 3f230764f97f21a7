import Foundation

/// Golden files: `Tests/<target>/Snapshots/<name>`. Set `RECALL_RECORD=1` to (re)write them.
public enum Golden {
    /// Compares `actual` with the stored golden text; returns nil when equal, else a message
    /// with the first differing line. Records instead when `RECALL_RECORD=1`.
    public static func check(_ actual: String, target: String, name: String) -> String? {
        let url = Paths.packageRoot.appendingPathComponent("Tests/\(target)/Snapshots/\(name)")
        if ProcessInfo.processInfo.environment["RECALL_RECORD"] == "1" {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "no golden file \(url.path); run with RECALL_RECORD=1 to record it"
        }
        if expected == actual { return nil }
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, e.count) {
            let al = i < a.count ? String(a[i]) : "<end>"
            let el = i < e.count ? String(e[i]) : "<end>"
            if al != el { return "\(name):\(i + 1): expected «\(el)» got «\(al)»" }
        }
        return "\(name): differs"
    }
}
