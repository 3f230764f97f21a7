import Flashcards
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Appends entries to a deck's review log, each one on disk before `append` returns.
///
/// Only the holder of the deck's lock may make one. A line goes out in one `write` and is then
/// flushed with `fdatasync` (the data and the file's size; the name's directory entry was
/// flushed when the log was created), so an answer the caller reports as saved survives
/// a crash or a power cut.
final class ReviewLogWriter {
    let path: String
    private var fd: Int32
    /// The log's length in bytes: where the next line starts.
    private(set) var length: Int

    /// Opens the log at `path` for appending from `end`, creating it with its header when
    /// missing, and cutting off any bytes after `end` (a torn last line, kept in `tornPath`).
    init(path: String, deck: DeckName, end: LogPosition, tornPath: String) throws(StorageError) {
        self.path = path
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, detail: AtomicFile.errnoText()) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            Glibc.close(fd)
            throw .io(path: path, detail: AtomicFile.errnoText())
        }
        length = Int(info.st_size)
        self.fd = fd
        // From here every property is set, so a throw runs `deinit`: failures close through
        // `close()`, which leaves -1 behind, never the number of a descriptor already closed
        // (another thread may have been given it).
        do {
            if length > end.bytes {
                try ReviewLogWriter.keep(path: path, from: end.bytes, in: tornPath)
                guard ftruncate(fd, off_t(end.bytes)) == 0, fsync(fd) == 0 else {
                    throw StorageError.io(path: path, detail: AtomicFile.errnoText())
                }
                length = end.bytes
            }
            if length == 0 {
                try write(ProgressFormat.logHeader(deck: deck))
                AtomicFile.syncDirectory(URL(fileURLWithPath: path).deletingLastPathComponent())
            }
        } catch let error as StorageError {
            close()
            throw error
        } catch {
            close()
            throw .io(path: path, detail: "\(error)")
        }
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Writes one entry's line and flushes it to disk.
    func append(_ entry: LogEntry) throws(StorageError) {
        try write(entry.line())
    }

    /// Writes several entries' lines at once and flushes them together.
    func append(_ entries: [LogEntry]) throws(StorageError) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(entries.count * 400)
        for entry in entries { bytes += entry.line() }
        try write(bytes)
    }

    private func write(_ bytes: [UInt8]) throws(StorageError) {
        var failure: String?
        if !bytes.withUnsafeBytes({ FileBytes.writeAll(fd, $0) }) || fdatasync(fd) != 0 {
            failure = AtomicFile.errnoText()
        }
        if let failure {
            // Take a partly written line back so the next append starts on a clean line.
            _ = ftruncate(fd, off_t(length))
            throw .io(path: path, detail: failure)
        }
        length += bytes.count
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    /// Appends the bytes past `offset` to the side file, so a repair drops nothing for good.
    private static func keep(path: String, from offset: Int, in tornPath: String) throws(StorageError) {
        guard let bytes = try FileBytes.read(path, from: offset), !bytes.isEmpty else { return }
        let fd = open(tornPath, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: tornPath, detail: AtomicFile.errnoText()) }
        defer { Glibc.close(fd) }
        let record = bytes + [0x0A]
        let ok = record.withUnsafeBytes { FileBytes.writeAll(fd, $0) }
        guard ok, fsync(fd) == 0 else { throw .io(path: tornPath, detail: AtomicFile.errnoText()) }
    }
}
