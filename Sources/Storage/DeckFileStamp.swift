import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A deck file as `stat` sees it, to tell that it has not changed since it was read: which
/// file, its size, and when its contents and its inode last changed (the change time, which
/// no program can set back, catches a rewrite in place that restored the modification time).
struct DeckFileStamp: Equatable, Sendable {
    var identity: FileIdentity
    var changedSeconds: Int
    var changedNanoseconds: Int

    static func of(_ path: String) -> DeckFileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return DeckFileStamp(
            identity: FileIdentity(info),
            changedSeconds: Int(info.st_ctim.tv_sec), changedNanoseconds: Int(info.st_ctim.tv_nsec))
    }
}
