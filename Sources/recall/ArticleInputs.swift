import DeckBuilding
import Foundation
import Storage

/// The articles named on the command line, read into memory: files, the article files in a
/// directory (recursively, in name order), or standard input.
struct ArticleInputs {
    var sources: [ArticleSource] = []
    var notes: [BuildNote] = []
    var fromDirectory = false

    static func collect(_ arguments: [String], format: ArticleFormat?, home: DataHome) throws -> ArticleInputs {
        var inputs = ArticleInputs()
        var errors: [ArticleError] = []
        let limit = ArticleDecoder.defaultSizeLimit
        for argument in arguments {
            if argument == "-" {
                let data = FileHandle.standardInput.readData(ofLength: limit + 1)
                inputs.sources.append(ArticleSource(name: "-", bytes: Array(data), format: format))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                errors.append(.missing(path: argument))
                continue
            }
            if isDirectory.boolValue {
                inputs.fromDirectory = true
                let files = articleFiles(in: argument, notes: &inputs.notes)
                if files.isEmpty { errors.append(.noArticles(directory: argument)) }
                for file in files { read(file, format: format, home: home, into: &inputs, errors: &errors) }
            } else {
                read(argument, format: format, home: home, into: &inputs, errors: &errors)
            }
        }
        if !errors.isEmpty {
            throw RecallFailure(message: errors.map(\.description).joined(separator: "\nError: "))
        }
        return inputs
    }

    private static func read(
        _ path: String, format: ArticleFormat?, home: DataHome, into inputs: inout ArticleInputs,
        errors: inout [ArticleError]
    ) {
        let limit = ArticleDecoder.defaultSizeLimit
        guard let handle = FileHandle(forReadingAtPath: path) else {
            errors.append(.unreadable(path: path, detail: "permission denied"))
            return
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: limit + 1) ?? Data() } catch {
            errors.append(.unreadable(path: path, detail: error.localizedDescription))
            return
        }
        // Reading one byte past the limit tells an oversized file without reading all of it.
        if data.count > limit {
            errors.append(.tooLarge(path: path, limit: limit))
            return
        }
        let recorded = display(URL(fileURLWithPath: path), home: home)
        inputs.sources.append(ArticleSource(name: path, recordedPath: recorded, bytes: Array(data), format: format))
    }

    /// Article files under a directory, by extension, sorted; hidden files and others are noted.
    private static func articleFiles(in directory: String, notes: inout [BuildNote]) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            if ArticleFormat.extensions[(name as NSString).pathExtension.lowercased()] != nil {
                files.append(path)
            } else {
                notes.append(BuildNote(.skipped, file: path, "not an article file (.txt, .md, .markdown, .html, .htm)"))
            }
        }
        return files.sorted()
    }

    /// A path as recorded and shown: relative to the data home when inside it, else absolute.
    static func display(_ url: URL, home: DataHome) -> String {
        let path = url.standardizedFileURL.path
        let root = home.root.standardizedFileURL.path
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }
}
