import Foundation
import TestSupport
import Testing

/// A large snapshot is read on two threads, one waiting for the other's cards: on a machine
/// (or a CPU set) of one core the reader must still run, not wait for a core that never comes.
struct SnapshotOneCoreTests {
    let dir = TemporaryDirectory("recall-cli-onecore")

    /// Runs `recall ARGS` on CPU 0 only, killed after a minute (a hang fails, not blocks, the test).
    func onOneCore(_ args: [String]) throws -> (status: Int32, stdout: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["60", "taskset", "-c", "0", Paths.products.appendingPathComponent("recall").path] + args
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aLargeSnapshotReadsOnOneCore() throws {
        let home = ["--home", dir.path]
        let generated = try RecallProcess.run(
            ["_bench-storage", "--generate", "--cards", "6000", "--reviews", "12000"] + home)
        #expect(generated.status == 0, "\(generated.stderr)")
        let snapshot = dir.url.appendingPathComponent("Progress/bench/snapshot.json").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: snapshot)[.size] as? Int)
        #expect(size > 1 << 20)  // large enough to be read in two parts
        let read = try onOneCore(["_bench-storage", "--snapshot-reads", "1"] + home)
        #expect(read.status == 0)
        #expect(read.stdout.contains("6000 cards"))
        // A listing without the study index reads the snapshot (the cards read in two parts are
        // compared with one pass in `FastDecoderTests`).
        try? FileManager.default.removeItem(atPath: dir.url.appendingPathComponent("Progress/bench/index.bin").path)
        let due = try onOneCore(["due", "bench"] + home)
        #expect(due.status == 0)
        #expect(due.stdout.split(separator: "\n").count > 20)
    }
}
