import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The exclusive right to change one deck's progress, held by one process at a time.
///
/// It is an `flock` on `Progress/<slug>/lock`: the kernel drops it when the process ends in
/// any way, so a crashed session never leaves a deck stuck. The holder writes its pid into
/// the file so a refused process can say who holds it.
public final class DeckLock {
    public let path: String
    private var fd: Int32

    /// Takes the lock, waiting up to `wait` seconds for another holder to finish.
    /// - Throws: `StorageError.locked` naming the holder's pid when it is still held.
    public init(path: String, wait: TimeInterval = 0) throws(StorageError) {
        self.path = path
        // The descriptor is stored only once the lock is held: an initializer that throws after
        // every property is set runs `deinit`, whose `release()` would truncate and close the
        // descriptor a second time, by then maybe another thread's file.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .io(path: path, detail: AtomicFile.errnoText()) }
        let deadline = Date().addingTimeInterval(wait)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            guard code == EWOULDBLOCK || code == EINTR else {
                close(fd)
                throw .io(path: path, detail: String(cString: strerror(code)))
            }
            if Date() >= deadline {
                let holder = DeckLock.holder(fd: fd)
                close(fd)
                throw .locked(path: path, pid: holder)
            }
            usleep(2_000)
        }
        let text = "\(getpid())\n"
        _ = ftruncate(fd, 0)
        _ = text.withCString { pwrite(fd, $0, strlen($0), 0) }
        self.fd = fd
    }

    /// Gives the lock back (also done when the value is released or the process ends).
    public func release() {
        guard fd >= 0 else { return }
        // Leave the file (removing it would race with a process about to lock it); clear the pid.
        _ = ftruncate(fd, 0)
        close(fd)
        fd = -1
    }

    deinit { release() }

    private static func holder(fd: Int32) -> Int32? {
        var buf = [UInt8](repeating: 0, count: 32)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, 31, 0) }
        guard n > 0 else { return nil }
        let text = String(decoding: buf[0..<n], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
