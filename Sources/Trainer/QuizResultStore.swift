import Flashcards
import Foundation
import Quizzes
import Storage

/// Quiz attempts on disk: one JSON file per attempt under `Progress/quizzes/<deck>/`.
///
/// Attempts live apart from the review log and card states, so taking a quiz never changes
/// the study schedule.
public struct QuizResultStore: Sendable {
    public let home: DataHome

    public init(home: DataHome) { self.home = home }

    /// `Progress/quizzes/`.
    public var root: URL { home.progress.appendingPathComponent("quizzes", isDirectory: true) }

    /// `Progress/quizzes/<deck>/`.
    public func directory(deck: String) -> URL { root.appendingPathComponent(deck, isDirectory: true) }

    /// Writes the attempt atomically as `<UTC start>-<student>-seed<seed>.json` (a `-2`, `-3`, …
    /// before `.json` if that name is taken) and returns its location.
    @discardableResult
    public func save(_ attempt: QuizAttempt) throws(StorageError) -> URL {
        let dir = directory(deck: attempt.deck)
        do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true) } catch {
            throw .io(path: dir.path, detail: error.localizedDescription)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let student = DeckName(slugging: attempt.student)?.slug ?? "student"
        let stem = "\(formatter.string(from: attempt.startedAt))-\(student)-seed\(attempt.seed)"
        var url = dir.appendingPathComponent(stem + ".json")
        var n = 2
        while FileManager.default.fileExists(atPath: url.path) {
            url = dir.appendingPathComponent("\(stem)-\(n).json")
            n += 1
        }
        try AtomicFile.write(attempt.encoded(), to: url)
        return url
    }

    /// Every attempt saved for a deck, oldest first, and a line for each file that could not
    /// be read (`path: reason`), so one damaged file never hides the rest.
    public func attempts(deck: String) -> (attempts: [QuizAttempt], problems: [String]) {
        let dir = directory(deck: deck)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .sorted()
        var attempts: [QuizAttempt] = []
        var problems: [String] = []
        for name in names {
            let url = dir.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                problems.append("\(url.path): cannot be read")
                continue
            }
            switch QuizAttempt.decode(data) {
            case .success(let attempt): attempts.append(attempt)
            case .failure(let error): problems.append("\(url.path): \(error)")
            }
        }
        attempts.sort { ($0.startedAt, $0.student) < ($1.startedAt, $1.student) }
        return (attempts, problems)
    }
}
