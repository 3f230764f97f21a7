import Glibc

/// A directory as the file system knows it (device and inode), whatever path reached it: the
/// article walk reads each directory once, however many links or mounts lead to it.
struct DirectoryIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }

    /// The directory at `path` (through links), or nil when it cannot be reached.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }
}
