import Foundation
import Scheduling
import TestSupport

/// A py-fsrs reference vector file (`/work/shared/fsrs/SPEC.md`, section 10).
struct VectorFile: Decodable {
    struct Configuration: Decodable {
        var parameters: [Double]
        var desiredRetention: Double
        var learningSteps: [Double]
        var relearningSteps: [Double]
        var maximumInterval: Int
        var enableFuzzing: Bool
    }

    struct NewCard: Decodable {
        var state: Int
        var step: Int?
        var stability: Double?
        var difficulty: Double?
    }

    struct Sequence: Decodable {
        var id: Int
        var kind: String
        var startTs: Int64
        var reviews: [Row]
    }

    struct Row: Decodable {
        var rating: Int
        var reviewTs: Int64
        var retrievabilityBefore: Double?
        var state: Int
        var step: Int?
        var stability: Double
        var difficulty: Double
        var dueTs: Int64
        var intervalRawDays: Double?
    }

    var variant: String?
    var scheduler: Configuration
    var newCard: NewCard
    var sequences: [Sequence]

    var configuration: SchedulerConfiguration {
        SchedulerConfiguration(
            parameters: scheduler.parameters, desiredRetention: scheduler.desiredRetention,
            learningSteps: scheduler.learningSteps, relearningSteps: scheduler.relearningSteps,
            maximumInterval: scheduler.maximumInterval, enableFuzzing: scheduler.enableFuzzing)
    }

    /// The files the parity test checks: `RECALL_FSRS_VECTORS` when set, else both shared files.
    static var paths: [URL] {
        if let env = ProcessInfo.processInfo.environment["RECALL_FSRS_VECTORS"], !env.isEmpty {
            return [URL(fileURLWithPath: env)]
        }
        let folder = Paths.shared.appendingPathComponent("fsrs")
        return [
            folder.appendingPathComponent("vectors.json"), folder.appendingPathComponent("vectors-nosteps.json"),
        ]
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// Loads a file; a missing, empty or review-less file is an error, never a skip.
    static func load(_ url: URL) throws -> VectorFile {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw Missing(description: "vector file \(url.path) does not exist")
        }
        let data = try Data(contentsOf: url)
        guard !data.isEmpty else { throw Missing(description: "vector file \(url.path) is empty") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let file = try decoder.decode(VectorFile.self, from: data)
        guard !file.sequences.isEmpty, file.sequences.contains(where: { !$0.reviews.isEmpty }) else {
            throw Missing(description: "vector file \(url.path) has no reviews")
        }
        return file
    }
}
