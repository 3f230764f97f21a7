import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// A refused lock closes its descriptor once. It used to close it in the initializer and then
/// again in `deinit` (which Swift runs when a class initializer throws after setting every
/// property), after a `ftruncate`: when another thread had been handed the same descriptor number
/// in between, its file was emptied and closed under it.
struct DescriptorOwnershipTests {
    @Test func refusedLocksOnManyThreadsEachCloseTheirOwnDescriptor() throws {
        let dir = TemporaryDirectory("recall-descriptors")
        let lockPath = dir.url.appendingPathComponent("lock").path
        let held = try DeckLock(path: lockPath)
        defer { held.release() }
        // Four threads are refused the lock over and over. With the double close, one thread's
        // `deinit` closed (and truncated) a descriptor another thread had just opened for its
        // own attempt, which then failed with EBADF or read no holder pid.
        let expected = StorageError.locked(path: lockPath, pid: getpid())
        let others = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<5_000 {
                do {
                    _ = try DeckLock(path: lockPath)
                    others.add()
                } catch let error as StorageError {
                    if error != expected { others.add() }
                } catch {
                    others.add()
                }
            }
        }
        #expect(others.value == 0)
        // The holder's pid is still in the file for the next refused process to name.
        #expect(try String(contentsOfFile: lockPath, encoding: .utf8) == "\(getpid())\n")
    }

    @Test func logsThatCannotBeRepairedAreClosedOnceOnManyThreads() throws {
        let dir = TemporaryDirectory("recall-descriptors")
        let name = try DeckName("sample")
        // Each thread's log has a torn tail that cannot be kept aside (the side file's directory
        // is missing), so opening it fails after its descriptor was stored. With the double
        // close, a thread's descriptor was closed under it by another thread's `deinit`, and its
        // attempt failed on the log itself (EBADF) instead of on the side file.
        let unexpected = Counter()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            guard let log = try? dir.write("log-\(thread).jsonl", "0123456789") else { return unexpected.add() }
            let torn = dir.url.appendingPathComponent("missing/reviews-\(thread).torn").path
            for _ in 0..<2_000 {
                do {
                    _ = try ReviewLogWriter(
                        path: log.path, deck: name, end: LogPosition(bytes: 4, lines: 1, lastID: 0), tornPath: torn)
                    unexpected.add()
                } catch let error as StorageError {
                    guard case .io(let path, _) = error, path == torn else { return unexpected.add() }
                } catch {
                    unexpected.add()
                }
            }
        }
        #expect(unexpected.value == 0)
        // Nothing was cut: the torn bytes could not be kept, so every log stays as it was.
        for thread in 0..<4 { #expect(try dir.read("log-\(thread).jsonl") == "0123456789") }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
