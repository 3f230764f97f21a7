import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whole-file and ranged reads with plain system calls: faster than `Data(contentsOf:)` for
/// the large progress files, and able to start at an offset.
enum FileBytes {
    /// The file's bytes from `offset` to its end; nil when it does not exist.
    static func read(_ path: String, from offset: Int = 0, atMost limit: Int = .max) throws(StorageError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw .io(path: path, detail: AtomicFile.errnoText())
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .io(path: path, detail: AtomicFile.errnoText()) }
        let size = min(limit, max(0, Int(info.st_size) - offset))
        var failure: String?
        // Uninitialized: zero-filling a large buffer only to overwrite it costs as much as reading.
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = pread(fd, buffer.baseAddress! + done, size - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = AtomicFile.errnoText()
                    break
                }
                if n == 0 { break }  // the file shrank under us; take what is there
                done += n
            }
            count = done
        }
        if let failure { throw .io(path: path, detail: failure) }
        return bytes
    }

    /// Writes all of `bytes` to `fd`, retrying after signals; false (with errno set) on failure.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += n
        }
        return true
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}
