import Foundation
import Storage

/// Where `export` writes: a file, replaced whole (never truncated by a failed write), or stdout.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        if path == "-" {
            FileHandle.standardOutput.write(data)
            return
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw RecallFailure(message: "\(path) is a directory; give a file name")
        }
        do {
            try AtomicFile.write(data, to: url)
        } catch {
            throw RecallFailure(message: "\(error)")
        }
    }
}
