import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A regular file's bytes mapped read-only into memory, for the whole-file reads of large
/// inputs (a 71 MB deck, a 51 MB CSV): the pages come straight from the page cache, where
/// `read` copies every byte into fresh memory that the kernel first faults in and zeroes
/// (about a tenth of a large import or export, Benchmarks/interchange.md).
///
/// Safe against the usual replacement of a file (recall's own `AtomicFile`, editors that save
/// by renaming): the mapping keeps the old file's pages. Truncating the file in place while it
/// is mapped would fault, as it does for every program that maps its input.
public enum MappedFile {
    /// Calls `body` with the file's bytes, or returns nil when the file cannot be mapped (not
    /// a regular file, empty, missing, unreadable): the caller then reads it the usual way,
    /// which also words any error as before.
    public static func withBytes<T, E: Error>(
        _ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> T
    ) throws(E) -> T? {
        guard let (address, size) = map(path) else { return nil }
        defer { munmap(address, size) }
        return try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// The file's bytes as `Data` that owns the mapping (unmapped when the data is freed), or
    /// nil when the file cannot be mapped.
    public static func data(_ path: String) -> Data? {
        guard let (address, size) = map(path) else { return nil }
        return Data(bytesNoCopy: address, count: size, deallocator: .custom { base, count in munmap(base, count) })
    }

    private static func map(_ path: String) -> (UnsafeMutableRawPointer, Int)? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size > 0 else { return nil }
        let size = Int(info.st_size)
        // MAP_POPULATE maps every page at once rather than faulting them in one at a time.
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), address != MAP_FAILED
        else { return nil }
        return (address, size)
    }
}
