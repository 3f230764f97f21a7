import Foundation
import TestSupport
import Testing

@testable import Storage

#if canImport(Glibc)
    import Glibc
#endif

/// `AtomicFile.write` on targets that are not regular files: `recall export -o /dev/null` once
/// renamed its temporary file over `/dev/null` and, run as root, turned the machine's
/// `/dev/null` into a regular file. A FIFO stands in for the device here.
struct AtomicFileTests {
    @Test func aFIFOIsWrittenIntoAndStaysAFIFO() throws {
        let directory = TemporaryDirectory()
        let fifo = directory.url.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        let received = Received()
        let reader = Thread {
            received.data = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile()
            received.done.signal()
        }
        reader.start()
        try AtomicFile.write(Data("front,back\r\nQ,A\r\n".utf8), to: fifo)
        #expect(received.done.wait(timeout: .now() + 10) == .success)
        #expect(received.data == Data("front,back\r\nQ,A\r\n".utf8))
        var info = stat()
        #expect(stat(fifo.path, &info) == 0)
        #expect(info.st_mode & S_IFMT == S_IFIFO)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.path) == ["pipe"])
    }

    @Test func aRegularFileIsStillReplacedWhole() throws {
        let directory = TemporaryDirectory()
        let file = directory.url.appendingPathComponent("out.csv")
        try Data("old, longer contents\n".utf8).write(to: file)
        let inode = try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int
        try AtomicFile.write(Data("new\n".utf8), to: file)
        #expect(try Data(contentsOf: file) == Data("new\n".utf8))
        // Replaced by a rename, not rewritten in place.
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.systemFileNumber] as? Int != inode)
    }

    private final class Received: @unchecked Sendable {
        var data: Data?
        let done = DispatchSemaphore(value: 0)
    }
}
