import Flashcards
import Foundation
import Storage
import TestSupport
import Testing
import Trainer

/// A line reader that shows what a terminal would: each prompt and the line typed after it,
/// written into the captured console, so a transcript reads like the screen.
final class EchoingReader: LineReader {
    let script: ScriptedLineReader
    let console: CapturedConsole

    init(_ lines: [String], console: CapturedConsole) {
        script = ScriptedLineReader(lines)
        self.console = console
    }

    func readLine(prompt: String) -> String? {
        let line = script.readLine(prompt: prompt)
        console.write(prompt + (line.map { $0 == "\u{03}" ? "^C" : $0 } ?? "^D") + "\n")
        return line
    }
}

/// A data directory with a small deck, a fixed clock, and a REPL context over them.
final class Harness {
    let directory = TemporaryDirectory("recall-trainer")
    let console = CapturedConsole(width: 80)
    let clock = FixedClock(iso: "2026-03-02T09:00:00Z")
    var home: DataHome { DataHome(root: directory.url) }
    var environment: [String: String] = [:]

    static let utc = TimeZone(identifier: "UTC")!

    static let sampleDeck = Deck(
        title: "Cell biology",
        cards: [
            Card(
                kind: .faq, front: "What does the mitochondrion make?", back: "ATP, the cell's energy currency",
                context: "The mitochondrion makes most of the cell's ATP by respiration.",
                section: ["Cells", "Organelles"]),
            Card(
                kind: .faq, front: "Where is DNA kept in a eukaryotic cell?", back: "In the nucleus",
                section: ["Cells", "Nucleus"]),
            Card(
                kind: .keypoint, front: "Ribosomes", back: "Ribosomes build proteins from amino acids.",
                section: ["Cells", "Ribosomes"]),
            Card(
                kind: .faq, front: "What holds the cell together?", back: "The cell membrane",
                context: "A lipid bilayer, the \u{1B}[31mmembrane\u{1B}[0m, surrounds the cell.",
                section: ["Cells", "Membrane"]),
        ])

    init(deck: Deck? = Harness.sampleDeck, name: String = "cells") throws {
        if let deck { try DeckStore(home: home).save(deck, as: try DeckName(name)) }
    }

    var library: StorageLibrary {
        StorageLibrary(home: home, clock: clock, timeZone: Harness.utc)
    }

    /// A context reading `lines`, moving the clock 4 s per line as if the learner took that long.
    func context(_ lines: [String]) -> (ReplContext, EchoingReader) {
        let reader = EchoingReader(lines, console: console)
        reader.script.beforeEachLine = { [clock] _ in clock.advance(by: 4) }
        let context = ReplContext(
            reader: reader, console: console, home: home, library: library, clock: clock,
            environment: environment, seed: 7, timeZone: Harness.utc)
        return (context, reader)
    }

    /// Compares the console's output (the data directory's path shown as `$HOME`) with a
    /// golden transcript in `Snapshots/`.
    func checkTranscript(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let transcript = console.output.replacingOccurrences(of: directory.path, with: "$HOME")
        if let difference = Golden.check(transcript, target: "TrainerTests", name: name) {
            Issue.record(Comment(rawValue: difference), sourceLocation: sourceLocation)
        }
    }

    /// The review log's entries of a deck, as JSON objects.
    func logEntries(_ deck: String = "cells") throws -> [[String: Any]] {
        let log = ProgressPaths(home: home, deck: try DeckName(deck)).log
        guard FileManager.default.fileExists(atPath: log) else { return [] }
        let text = try String(contentsOfFile: log, encoding: .utf8)
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }.filter { $0["card"] != nil }
    }
}
