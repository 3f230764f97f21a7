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
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { raw in
            while done < size {
                let n = pread(fd, raw.baseAddress! + done, size - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = AtomicFile.errnoText()
                    return
                }
                if n == 0 { break }  // the file shrank under us; take what is there
                done += n
            }
        }
        if let failure { throw .io(path: path, detail: failure) }
        if done < size { bytes.removeLast(size - done) }
        return bytes
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    static func size(_ path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : nil
    }
}
