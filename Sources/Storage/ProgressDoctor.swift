import Flashcards
import Foundation
import Scheduling

/// Checks a data directory's decks and progress files and says what it finds, without
/// changing anything.
public struct ProgressDoctor {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public enum Severity: String, Sendable { case error, warning, note }
        public var severity: Severity
        public var path: String
        public var line: Int?
        public var message: String

        public var description: String {
            let place = line.map { "\(path):\($0)" } ?? path
            return "\(place): \(severity.rawValue): \(message)"
        }
    }

    public let home: DataHome

    public init(home: DataHome) { self.home = home }

    /// Everything found, errors and warnings first per deck; an empty list means all is well.
    public func check() -> [Finding] {
        var findings: [Finding] = []
        let store = DeckStore(home: home)
        var decks: [DeckName: Deck] = [:]
        for name in store.names() {
            do { decks[name] = try store.load(name) } catch {
                findings.append(Self.finding(for: error, severity: .error))
            }
        }
        let progressDirs = ((try? FileManager.default.contentsOfDirectory(atPath: home.progress.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted()
        for dir in progressDirs {
            guard let name = try? DeckName(dir), name.slug == dir else {
                findings.append(
                    Finding(
                        severity: .warning, path: home.progress.appendingPathComponent(dir).path, line: nil,
                        message: "not a deck's progress directory"))
                continue
            }
            findings += checkProgress(name, deck: decks[name], deckKnown: store.exists(name))
        }
        return findings
    }

    private func checkProgress(_ name: DeckName, deck: Deck?, deckKnown: Bool) -> [Finding] {
        var findings: [Finding] = []
        let paths = ProgressPaths(home: home, deck: name)
        if !deckKnown {
            findings.append(
                Finding(
                    severity: .warning, path: paths.directory.path, line: nil,
                    message: "progress for a deck that is not in \(home.decks.path) (kept; rebuild the deck to use it)")
            )
        }
        do {
            _ = try SettingsFile.load(paths.settings)
        } catch {
            findings.append(Self.finding(for: error, severity: .error))
        }
        let loaded: ProgressReplay
        do { loaded = try ProgressReplay.load(paths) } catch {
            findings.append(Self.finding(for: error, severity: .error))
            return findings
        }
        for w in loaded.warnings {
            findings.append(Finding(severity: .warning, path: w.path, line: w.line, message: w.message))
        }
        // The snapshot must say what the whole log says.
        if loaded.snapshotCovers != nil, let full = try? Self.fullReplay(paths), full.progress != loaded.progress {
            let differing = Set(full.progress.keys).union(loaded.progress.keys)
                .filter { full.progress[$0] != loaded.progress[$0] }.count
            findings.append(
                Finding(
                    severity: .warning, path: paths.snapshot, line: nil,
                    message: "snapshot disagrees with the review log on \(differing) card(s); delete it to rebuild it"))
        }
        for m in loaded.mismatches {
            findings.append(
                Finding(
                    severity: .warning, path: paths.log, line: m.line,
                    message:
                        "card \(m.card): 'before' is not the progress the log had reached (written without the lock?)"))
        }
        if let deck {
            let ids = Set(deck.cards.map(\.id))
            let orphans = loaded.progress.keys.filter { !ids.contains($0) }
            if !orphans.isEmpty {
                findings.append(
                    Finding(
                        severity: .note, path: paths.directory.path, line: nil,
                        message:
                            "\(orphans.count) card(s) with history are no longer in the deck (orphaned; history kept)"))
            }
        }
        findings += Self.checkIndex(paths, deckPath: DeckStore(home: home).url(for: name).path)
        let stray = ((try? FileManager.default.contentsOfDirectory(atPath: paths.directory.path)) ?? [])
            .filter { $0.hasSuffix(".tmp") }
        for file in stray.sorted() {
            findings.append(
                Finding(
                    severity: .note, path: paths.directory.appendingPathComponent(file).path, line: nil,
                    message: "left over from an interrupted write; safe to delete"))
        }
        return findings
    }

    /// The study index is derived and rebuilt by itself: a damaged or stale one is only a note.
    private static func checkIndex(_ paths: ProgressPaths, deckPath: String) -> [Finding] {
        let message: String
        switch StudyIndex.read(paths.studyIndex) {
        case .failure(.missing): return []
        case .failure(.damaged(let why)): message = "study index damaged (\(why))"
        case .success(let index):
            guard !index.isCurrent(paths: paths, deckPath: deckPath) else { return [] }
            message = "study index stale (the deck or the review log changed since it was written)"
        }
        return [
            Finding(
                severity: .note, path: paths.studyIndex, line: nil,
                message: message + "; it is ignored and rebuilt automatically")
        ]
    }

    private static func fullReplay(_ paths: ProgressPaths) throws -> ProgressReplay {
        var replay = ProgressReplay()
        var line = 1
        _ = try ReviewLogReader.scan(paths.log, after: nil) { entry in
            line += 1
            replay.apply(entry, line: line)
        }
        return replay
    }

    private static func finding(for error: Error, severity: Finding.Severity) -> Finding {
        switch error {
        case StorageError.corrupt(let path, let line, let detail):
            Finding(severity: severity, path: path, line: line, message: detail)
        case StorageError.newerFormat(let path, let found, let supported):
            Finding(
                severity: severity, path: path, line: nil,
                message: "format \(found) is newer than this recall reads (\(supported)); upgrade recall")
        case StorageError.io(let path, let detail):
            Finding(severity: severity, path: path, line: nil, message: detail)
        default:
            Finding(severity: severity, path: "", line: nil, message: "\(error)")
        }
    }
}
