import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes that either replace a file whole or leave it untouched.
public enum AtomicFile {
    /// Writes `data` to a temporary file beside `url`, flushes it, renames it over `url`, and
    /// flushes the directory, so a crash at any moment leaves the old file or the new one, never
    /// a torn mix. `beforeRename` runs once the new bytes are on disk, just before the rename.
    public static func write(
        _ data: Data, to url: URL, beforeRename: () -> Void = {}
    ) throws(StorageError) {
        _ = try writeReturningIdentity(parts: [data], to: url, beforeRename: beforeRename)
    }

    /// `write(_:to:beforeRename:)` of the parts one after another, without joining them first,
    /// returning the identity of the file written as `fstat`
    /// gave it before the rename (nil for a special file): what the file at `url` is as long as
    /// nobody replaces it, known without a race against another writer.
    static func writeReturningIdentity(
        parts: [some ContiguousBytes], to url: URL, beforeRename: () -> Void = {}
    ) throws(StorageError) -> FileIdentity? {
        try writeReturningIdentity(to: url, beforeRename: beforeRename) { fd in
            parts.allSatisfy { part in part.withUnsafeBytes { FileBytes.writeAll(fd, $0) } }
        }
    }

    /// `writeReturningIdentity(parts:to:beforeRename:)` of whatever `write` writes to the
    /// descriptor it is given (false, with `errno` set, when a write failed).
    static func writeReturningIdentity(
        to url: URL, beforeRename: () -> Void = {}, _ write: (Int32) -> Bool
    ) throws(StorageError) -> FileIdentity? {
        if try writeToSpecialFile(at: url, write) { return nil }
        let dir = url.deletingLastPathComponent()
        let temp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: temp.path, detail: errnoText()) }
        var ok = write(fd)
        if ok { ok = fsync(fd) == 0 }
        let detail = errnoText()
        // A rename keeps the inode, size and modification time.
        let identity = ok ? FileIdentity.of(descriptor: fd) : nil
        close(fd)
        guard ok else {
            unlink(temp.path)
            throw .io(path: url.path, detail: detail)
        }
        beforeRename()
        guard rename(temp.path, url.path) == 0 else {
            let detail = errnoText()
            unlink(temp.path)
            throw .io(path: url.path, detail: detail)
        }
        syncDirectory(dir)
        return identity
    }

    /// Writes straight into `url` when it names something other than a regular file (a device
    /// such as `/dev/null` or `/dev/stdout`, a FIFO, a socket): renaming a temporary file over it
    /// would replace the device node itself, which as root destroys `/dev/null` for the whole
    /// machine. Such a target cannot be torn, so there is nothing to make atomic.
    /// - Returns: false when `url` is a regular file or does not exist (the caller writes it
    ///   atomically); a symbolic link counts as what it points to.
    static func writeToSpecialFile(at url: URL, _ write: (Int32) -> Bool) throws(StorageError) -> Bool {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & S_IFMT != S_IFREG, info.st_mode & S_IFMT != S_IFDIR else {
            return false
        }
        let fd = open(url.path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .io(path: url.path, detail: errnoText()) }
        let ok = write(fd)
        let detail = errnoText()
        close(fd)
        guard ok else { throw .io(path: url.path, detail: detail) }
        return true
    }

    /// Whether the file at `url` holds exactly the parts' bytes, one after another. Only a file
    /// of the same size is read, in 1 MB pieces; any error reads as "no".
    public static func holds(parts: [some ContiguousBytes], at url: URL) -> Bool {
        let total = parts.reduce(0) { sum, part in sum + part.withUnsafeBytes { $0.count } }
        guard FileBytes.size(url.path) == total else { return false }
        // Mapped, the file is compared where the page cache holds it, without copying it.
        let mapped = MappedFile.withBytes(url.path) { file in
            var offset = 0
            return file.count == total
                && parts.allSatisfy { part in
                    part.withUnsafeBytes { bytes in
                        defer { offset += bytes.count }
                        guard let base = bytes.baseAddress, let at = file.baseAddress else { return true }
                        return memcmp(at + offset, base, bytes.count) == 0
                    }
                }
        }
        if let mapped { return mapped }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, Int(info.st_size) == total else { return false }
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        var offset = 0
        for part in parts {
            let same = part.withUnsafeBytes { bytes in
                var done = 0
                while done < bytes.count {
                    let want = min(chunk, bytes.count - done)
                    var got = 0
                    while got < want {
                        let n = pread(fd, buffer.baseAddress! + got, want - got, off_t(offset + got))
                        if n < 0 && errno == EINTR { continue }
                        guard n > 0 else { return false }
                        got += n
                    }
                    guard memcmp(buffer.baseAddress!, bytes.baseAddress! + done, want) == 0 else { return false }
                    done += want
                    offset += want
                }
                return true
            }
            if !same { return false }
        }
        return true
    }

    /// Flushes a directory's entries (a rename is durable only once its directory is).
    public static func syncDirectory(_ dir: URL) {
        let dfd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            fsync(dfd)
            close(dfd)
        }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
