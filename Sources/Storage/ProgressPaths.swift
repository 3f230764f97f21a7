import Flashcards
import Foundation

/// Where one deck's progress lives: `Progress/<slug>/` (README, "Progress files").
public struct ProgressPaths: Sendable {
    public let deck: DeckName
    public let directory: URL

    public init(home: DataHome, deck: DeckName) {
        self.deck = deck
        directory = home.progress.appendingPathComponent(deck.slug, isDirectory: true)
    }

    /// The append-only review log, the source of truth.
    public var log: String { directory.appendingPathComponent("reviews.jsonl").path }
    /// Card states derived from the log, rewritten whole.
    public var snapshot: String { directory.appendingPathComponent("snapshot.json").path }
    public var settings: String { directory.appendingPathComponent("settings.json").path }
    public var lock: String { directory.appendingPathComponent("lock").path }
    /// Where the bytes of a torn last log line go when the log is repaired, so none vanish.
    public var torn: String { directory.appendingPathComponent("reviews.torn").path }
}

/// The versions of the progress formats this recall writes and reads.
public enum ProgressFormat {
    public static let log = 1
    public static let snapshot = 1
    public static let settings = 1

    /// The first line of every review log.
    static func logHeader(deck: DeckName) -> [UInt8] {
        var t = JSONText(capacity: 80)
        t.raw("{")
        t.key("format")
        t.int(log)
        t.raw(",")
        t.key("file")
        t.string("recall review log")
        t.raw(",")
        t.key("deck")
        t.string(deck.slug)
        t.raw("}\n")
        return t.bytes
    }

    /// Checks a log's first line (without its newline).
    static func checkLogHeader(_ line: UnsafeBufferPointer<UInt8>, path: String) throws(StorageError) {
        let value: JSONValue
        do {
            var s = JSONScanner(line)
            value = try s.value()
            try s.expectEnd()
        } catch {
            throw .corrupt(path: path, line: 1, detail: "not a recall review log header (\(error))")
        }
        guard case .object(let members) = value,
            case .number(let format)? = members.first(where: { $0.0 == "format" })?.1,
            format == format.rounded(), format >= 1
        else { throw .corrupt(path: path, line: 1, detail: "the review log header has no format number") }
        if Int(format) > ProgressFormat.log {
            throw .newerFormat(path: path, found: Int(format), supported: ProgressFormat.log)
        }
        guard case .string("recall review log")? = members.first(where: { $0.0 == "file" })?.1 else {
            throw .corrupt(path: path, line: 1, detail: "not a recall review log header")
        }
    }
}
