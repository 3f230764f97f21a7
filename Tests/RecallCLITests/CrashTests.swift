import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Kills a real `recall` process that is answering cards, with SIGKILL, at random moments, and
/// checks that every answer it acknowledged survived and every file still parses.
@Suite(.serialized) struct CrashTests {
    let dir = TemporaryDirectory("recall-crash")
    var home: DataHome { DataHome(root: dir.url) }

    init() throws {
        let deck = Deck(
            title: "Crash",
            cards: (0..<40).map { Card(kind: .faq, front: "Question \($0)?", back: "Answer \($0).") })
        try DeckStore(home: home).save(deck, as: DeckName("crash"))
    }

    /// Starts `recall ARGS`, its stdout going to a file (readable after a kill).
    func start(_ args: [String], output: URL) throws -> Process {
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let p = Process()
        p.executableURL = Paths.products.appendingPathComponent("recall")
        p.arguments = args + ["--home", dir.path]
        p.standardOutput = try FileHandle(forWritingTo: output)
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// The `ack ID CARD RATING` lines a run printed (a last line cut by the kill is ignored).
    func acks(_ output: URL) throws -> [(id: Int, card: String)] {
        let text = try String(contentsOf: output, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().compactMap { line in
            let f = line.split(separator: " ")
            guard f.count == 4, f[0] == "ack", let id = Int(f[1]) else { return nil }
            return (id, String(f[2]))
        }
    }

    func waitForAck(_ output: URL, timeout: TimeInterval) {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, (FileBytesProbe.size(output) ?? 0) == 0 { usleep(500) }
    }

    @Test func everyAcknowledgedAnswerSurvivesSIGKILL() throws {
        var rng = SeededGenerator(seed: 2026)
        var acknowledged: [Int: String] = [:]
        var killsAfterAnAck = 0
        let output = dir.url.appendingPathComponent("out.txt")
        for round in 0..<200 {
            let p = try start(
                [
                    "_drill", "crash", "--count", "100000", "--snapshot-every", "\(3 + round % 11)",
                    "--seed", "\(round + 1)", "--lock-wait", "5",
                ], output: output)
            // Half the kills land anywhere (start-up, loading, repair); half once answers flow.
            if round % 2 == 1 { waitForAck(output, timeout: 5) }
            usleep(UInt32(rng.next() % 25_000))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let acks = try acks(output)
            if !acks.isEmpty { killsAfterAnAck += 1 }
            for a in acks { acknowledged[a.id] = a.card }

            // Every file parses, and every acknowledged answer is in the reloaded progress.
            let progress = try DeckProgress.read(home: home, deck: DeckName("crash"))
            let history = try progress.history()
            let logged = Dictionary(history.map { ($0.id, $0.card.rawValue) }, uniquingKeysWith: { a, _ in a })
            for (id, card) in acknowledged {
                #expect(logged[id] == card, "round \(round): acknowledged review \(id) lost")
            }
            let paths = ProgressPaths(home: home, deck: try DeckName("crash"))
            if FileManager.default.fileExists(atPath: paths.snapshot) {
                let problems = ProgressDoctor(home: home).check().filter { $0.severity == .error }
                #expect(problems.isEmpty, "round \(round): \(problems)")
            }
        }
        #expect(killsAfterAnAck >= 90)
        #expect(acknowledged.count > 200)
        // The history replays to the same progress as snapshot plus tail.
        let final = try DeckProgress.read(home: home, deck: DeckName("crash"))
        #expect(try final.history().count >= acknowledged.count)
    }

    @Test func twoProcessesOnOneDeckLoseNothingAcknowledged() throws {
        // Two drills started together: the second waits for the first's lock, then answers.
        let outA = dir.url.appendingPathComponent("a.txt")
        let outB = dir.url.appendingPathComponent("b.txt")
        let a = try start(["_drill", "crash", "--count", "60", "--seed", "1", "--lock-wait", "30"], output: outA)
        let b = try start(["_drill", "crash", "--count", "60", "--seed", "2", "--lock-wait", "30"], output: outB)
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        // And one-shot reviews from two shells at once, interleaving on the lock.
        var shells: [Process] = []
        var outputs: [URL] = []
        for s in 0..<2 {
            let out = dir.url.appendingPathComponent("shell\(s).txt")
            let script = (0..<15).map { i in
                "\"$R\" review crash $(\"$R\" due crash --home \"$H\" | sed -n \(i % 3 + 1)p | cut -f2) good --home \"$H\" || echo failed \(i)"
            }.joined(separator: "\n")
            _ = FileManager.default.createFile(atPath: out.path, contents: nil)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script]
            p.environment = [
                "R": Paths.products.appendingPathComponent("recall").path, "H": dir.path, "PATH": "/usr/bin:/bin",
            ]
            p.standardOutput = try FileHandle(forWritingTo: out)
            p.standardError = FileHandle.nullDevice
            try p.run()
            shells.append(p)
            outputs.append(out)
        }
        for p in shells { p.waitUntilExit() }
        let saved = try outputs.flatMap { try String(contentsOf: $0, encoding: .utf8).split(separator: "\n") }
            .filter { $0.hasPrefix("saved review ") }
        let history = try DeckProgress.read(home: home, deck: DeckName("crash")).history()
        let ids = Set(history.map(\.id))
        #expect(history.count == ids.count)
        for ack in try acks(outA) + acks(outB) { #expect(ids.contains(ack.id)) }
        #expect(try acks(outA).count == 60 && acks(outB).count == 60)
        for line in saved {
            let id = Int(line.split(separator: " ")[2].dropLast())
            #expect(id.map(ids.contains) == true, "\(line)")
        }
        #expect(saved.count == 30)
    }

    @Test func aSessionHoldingTheDeckIsNamedWhenAnotherIsRefused() throws {
        let out = dir.url.appendingPathComponent("hold.txt")
        let holder = try start(["_drill", "crash", "--hold"], output: out)
        defer {
            kill(holder.processIdentifier, SIGKILL)
            holder.waitUntilExit()
        }
        waitForAck(out, timeout: 10)
        let r = try RecallProcess.run(["review", "crash", "x", "good", "--lock-wait", "0", "--home", dir.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("another recall process (pid \(holder.processIdentifier))"))
    }
}

enum FileBytesProbe {
    static func size(_ url: URL) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
    }
}
