import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A file as `stat` identifies it: which file (device and inode), and how big and how recent
/// it is. An atomic rewrite (temporary file and rename) always gives a new inode.
struct FileIdentity: Equatable {
    var device: UInt64
    var inode: UInt64
    var size: Int
    var modifiedSeconds: Int
    var modifiedNanoseconds: Int

    /// The identity of the file at `path`; nil when it does not exist or cannot be examined.
    static func of(_ path: String) -> FileIdentity? {
        var info = stat()
        return stat(path, &info) == 0 ? FileIdentity(info) : nil
    }

    static func of(descriptor fd: Int32) -> FileIdentity? {
        var info = stat()
        return fstat(fd, &info) == 0 ? FileIdentity(info) : nil
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int(info.st_size)
        modifiedSeconds = Int(info.st_mtim.tv_sec)
        modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
    }

    init(device: UInt64, inode: UInt64, size: Int, modifiedSeconds: Int, modifiedNanoseconds: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedSeconds = modifiedSeconds
        self.modifiedNanoseconds = modifiedNanoseconds
    }

    /// The same file, possibly grown (a log appended to): device and inode only.
    func isSameFile(as other: FileIdentity) -> Bool { device == other.device && inode == other.inode }
}
