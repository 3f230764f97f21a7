import Foundation
import Storage

/// `Progress/<slug>/previous-parameters.json`: the FSRS parameters a deck used before
/// `recall optimize` replaced them, for `--revert`.
struct PreviousParameters: Codable {
    var format = 1
    var parameters: [Double]
    var replaced: Date

    static func path(_ paths: ProgressPaths) -> URL {
        paths.directory.appendingPathComponent("previous-parameters.json")
    }

    static func load(_ paths: ProgressPaths) throws -> PreviousParameters? {
        let url = path(paths)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do { return try decoder.decode(PreviousParameters.self, from: data) } catch {
            throw RecallFailure(message: "\(url.path): not a saved parameter set (\(error))")
        }
    }

    func save(_ paths: ProgressPaths) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        var data = try encoder.encode(self)
        data.append(0x0A)
        try failing {
            try FileManager.default.createDirectory(at: paths.directory, withIntermediateDirectories: true)
            try AtomicFile.write(data, to: Self.path(paths))
        }
    }
}
