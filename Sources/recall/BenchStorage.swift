import ArgumentParser
import Flashcards
import Foundation
import Storage

/// `recall _bench-storage`: the storage benchmark's measurements (`Benchmarks/storage.md`).
/// Hidden: a tool for the benchmark script, not for learners.
struct BenchStorage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_bench-storage", abstract: "Generate and measure the storage benchmark collection.",
        shouldDisplay: false)

    @OptionGroup var homeOptions: HomeOptions

    @Option var deck = "bench"
    @Flag(help: "Generate the collection first.") var generate = false
    @Option var cards = 100_000
    @Option var reviews = 1_000_000
    @Option(help: "Durable answers to time.") var answers = 2000
    @Option(help: "Only read the snapshot this many times (for profiling), nothing else.") var snapshotReads = 0

    func run() throws {
        let home = homeOptions.dataHome
        let name = try DeckName.parse(deck)
        if generate {
            let start = Date()
            try failing {
                try BenchmarkCollection.generate(home: home, deck: name, cards: cards, reviews: reviews, now: Date())
            }
            print("generated \(cards) cards, \(reviews) reviews in \(seconds(since: start))")
            return
        }
        if snapshotReads > 0 {
            for _ in 0..<snapshotReads {
                let (t0, c0) = (Date(), cpuSeconds())
                let snap = try failing { try BenchmarkCollection.readSnapshot(home: home, deck: name) }
                let (wall, cpu) = (Date().timeIntervalSince(t0), cpuSeconds() - c0)
                print(
                    "read snapshot: \(snap.bytes / 1_000_000) MB, \(snap.cards) cards in \(ms(wall)) ms = \(mbps(snap.bytes, wall)) MB/s; on CPU \(ms(cpu)) ms = \(mbps(snap.bytes, cpu)) MB/s"
                )
            }
            return
        }
        // (e) reading progress files, strictly, from disk.
        // Also on CPU (user + system time of the process): on a shared machine, wall time
        // includes waiting for a core.
        for _ in 0..<3 {
            let t0 = Date()
            let c0 = cpuSeconds()
            let log = try failing { try BenchmarkCollection.readLog(home: home, deck: name) }
            let t1 = Date()
            let c1 = cpuSeconds()
            let snap = try failing { try BenchmarkCollection.readSnapshot(home: home, deck: name) }
            let t2 = Date()
            let c2 = cpuSeconds()
            print(
                "read log: \(log.bytes / 1_000_000) MB, \(log.entries) entries in \(ms(t1.timeIntervalSince(t0))) ms = \(mbps(log.bytes, t1.timeIntervalSince(t0))) MB/s, \(Int(Double(log.entries) / t1.timeIntervalSince(t0))) entries/s; on CPU \(ms(c1 - c0)) ms = \(mbps(log.bytes, c1 - c0)) MB/s"
            )
            print(
                "read snapshot: \(snap.bytes / 1_000_000) MB, \(snap.cards) cards in \(ms(t2.timeIntervalSince(t1))) ms = \(mbps(snap.bytes, t2.timeIntervalSince(t1))) MB/s; on CPU \(ms(c2 - c1)) ms = \(mbps(snap.bytes, c2 - c1)) MB/s"
            )
        }
        // The disk's own floor: the same size of line appended and fdatasync'd, nothing else.
        let probe = home.progress.appendingPathComponent(name.slug).appendingPathComponent(".fsync-probe").path
        let fd = open(probe, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        let line = [UInt8](repeating: 0x78, count: 450) + [0x0A]
        var floor: [Double] = []
        for _ in 0..<answers {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            _ = fdatasync(fd)
            floor.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        close(fd)
        unlink(probe)
        floor.sort()
        print(
            "raw append+fdatasync (\(answers)): median \(String(format: "%.3f", floor[floor.count / 2])) ms, p90 \(String(format: "%.3f", floor[floor.count * 9 / 10])) ms"
        )
        // (c) durable answers: each appended and fdatasync'd before `answer` returns.
        let progress = try failing { try DeckProgress.open(home: home, deck: name) }
        let ids = progress.deck.cards.map(\.id)
        var times: [Double] = []
        times.reserveCapacity(answers)
        for i in 0..<answers {
            let id = ids[(i * 7919) % ids.count]
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try failing { try progress.answer(id, rating: .good, duration: 1000) }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6)
        }
        times.sort()
        let median = times[times.count / 2]
        let p90 = times[times.count * 9 / 10]
        let p99 = times[times.count * 99 / 100]
        print(
            "durable answer (\(answers)): median \(String(format: "%.3f", median)) ms, p90 \(String(format: "%.3f", p90)) ms, p99 \(String(format: "%.3f", p99)) ms"
        )
        let t0 = Date()
        try failing { try progress.close() }
        print("snapshot written at close in \(seconds(since: t0))")
    }

    private func ms(_ s: TimeInterval) -> Int { Int(s * 1000) }
    private func cpuSeconds() -> TimeInterval {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return TimeInterval(t.tv_sec) + TimeInterval(t.tv_nsec) / 1e9
    }
    private func mbps(_ bytes: Int, _ s: TimeInterval) -> Int { Int(Double(bytes) / 1e6 / s) }
    private func seconds(since start: Date) -> String { String(format: "%.2f s", Date().timeIntervalSince(start)) }
}
