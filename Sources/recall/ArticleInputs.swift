import DeckBuilding
import Foundation
import Glibc
import Storage

/// The articles named on the command line: files, the article files in a directory
/// (recursively, in name order), or standard input.
///
/// Files are read one at a time as the build asks for them (`source(at:errors:)`), so each
/// article's bytes are freed before the next is read and the heap reuses their memory instead
/// of growing by every article (a page fault per 4 KB). Standard input is read at once.
struct ArticleInputs {
    /// An article: read (standard input), or a file to read when it is built.
    enum Item {
        case read(ArticleSource)
        /// A file's path, and its size when the directory walk found it a regular file.
        case file(String, size: Int?)
    }

    private(set) var items: [Item] = []
    var notes: [BuildNote] = []
    var fromDirectory = false
    private var format: ArticleFormat?
    private var root = ""
    private var scratch: [UInt8] = []

    /// How many articles there are.
    var count: Int { items.count }

    /// The articles' bytes as far as known: standard input's, and the regular files' sizes
    /// as they were listed.
    var knownBytes: Int {
        items.reduce(0) { total, item in
            switch item {
            case .read(let source): total + source.bytes.count
            case .file(_, let size): total + (size ?? 0)
            }
        }
    }

    /// Lists the articles, reads standard input, and checks that every argument names something.
    /// - Throws: `RecallFailure` with every error in argument order (missing paths, directories
    ///   without articles, and then also the files that cannot be read, as reading them all
    ///   up front reported them) when there is any.
    static func collect(_ arguments: [String], format: ArticleFormat?, home: DataHome) throws -> ArticleInputs {
        var inputs = ArticleInputs()
        inputs.format = format
        inputs.root = home.root.standardizedFileURL.path
        // The errors and the articles in argument order: nil for an article.
        var found: [(error: ArticleError?, item: Item?)] = []
        let limit = ArticleDecoder.defaultSizeLimit
        var walked = Set<DirectoryIdentity>()
        for argument in arguments {
            if argument == "-" {
                let data = FileHandle.standardInput.readData(ofLength: limit + 1)
                found.append((nil, .read(ArticleSource(name: "-", bytes: Array(data), format: format))))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                found.append((.missing(path: argument), nil))
                continue
            }
            if isDirectory.boolValue {
                inputs.fromDirectory = true
                // The same directory named twice (itself and through a link) is read once.
                if let identity = DirectoryIdentity(path: argument), walked.contains(identity) {
                    inputs.notes.append(BuildNote(.skipped, file: argument, "a directory already read"))
                    continue
                }
                let files = articleFileSizes(in: argument, notes: &inputs.notes, walked: &walked)
                if files.isEmpty { found.append((.noArticles(directory: argument), nil)) }
                found += files.map { (nil, .file($0.path, size: $0.size)) }
            } else {
                // A regular file's size counts toward the build's heap (`knownBytes`) and spares
                // its read an `fstat`, as for the files a directory walk finds.
                var info = stat()
                let regular = stat(argument, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
                found.append((nil, .file(argument, size: regular ? Int(info.st_size) : nil)))
            }
        }
        inputs.items = found.compactMap(\.item)
        guard found.contains(where: { $0.error != nil }) else { return inputs }
        // A build that cannot start reports the unreadable files too, in order.
        var errors: [ArticleError] = []
        for entry in found {
            if let error = entry.error {
                errors.append(error)
            } else if case .file(let path, let size)? = entry.item {
                _ = inputs.read(path, size: size, errors: &errors)
            }
        }
        throw RecallFailure(message: errors.map(\.description).joined(separator: "\nError: "))
    }

    /// The article at `index`, read now when it is a file; nil, with the reason added to
    /// `errors`, when the file cannot be read.
    mutating func source(at index: Int, errors: inout [ArticleError]) -> ArticleSource? {
        switch items[index] {
        case .read(let source): return source
        case .file(let path, let size): return read(path, size: size, errors: &errors)
        }
    }

    private mutating func read(_ path: String, size: Int?, errors: inout [ArticleError]) -> ArticleSource? {
        guard let bytes = ArticleInputs.read(path, size: size, errors: &errors, scratch: &scratch) else { return nil }
        let recorded = ArticleInputs.display(filePath: path, root: root)
        return ArticleSource(name: path, recordedPath: recorded, bytes: bytes, format: format)
    }

    /// - Parameter size: the size of a regular file as the directory walk found it, which
    ///   spares an `fstat`; nil to ask. A file that changed since is still read whole: a read
    ///   that does not return exactly that size is followed by reads to the end.
    private static func read(_ path: String, size known: Int?, errors: inout [ArticleError], scratch: inout [UInt8])
        -> [UInt8]?
    {
        let limit = ArticleDecoder.defaultSizeLimit
        // Plain POSIX reads straight into the byte array: FileHandle and Data cost more than
        // the reading itself for a thousand small articles.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            errors.append(.unreadable(path: path, detail: "permission denied"))
            return nil
        }
        defer { close(fd) }
        var info = stat()
        let regular = known != nil || (fstat(fd, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
        let size = known ?? (regular ? Int(info.st_size) : 0)
        // A regular file is read in one call into an array one byte larger than its size (one
        // byte past the limit at most, which tells an oversized file): when the call fills all
        // but that byte, the file is read, without a second call to see its end.
        let first = min(max(size, 0), limit) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            while true {
                let got = Glibc.read(fd, buffer.baseAddress, first)
                if got >= 0 {
                    count = got
                } else if errno == EINTR {
                    continue
                } else {
                    failure = errno
                }
                return
            }
        }
        if failure != 0 {
            errors.append(.unreadable(path: path, detail: String(cString: strerror(failure))))
            return nil
        }
        // Anything else (a file that grew or was read short, or not a regular file) is read
        // until its end, a scratch buffer at a time; a first read of nothing was its end.
        if !(regular && bytes.count == size && size < first) && bytes.count > 0 {
            // Most files never need it: made on the first that does, kept for the rest.
            if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: 64 * 1024) }
            while bytes.count <= limit {
                let want = min(scratch.count, limit + 1 - bytes.count)
                let got = scratch.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
                if got == 0 { break }
                if got < 0 {
                    let failure = errno
                    if failure == EINTR { continue }
                    errors.append(.unreadable(path: path, detail: String(cString: strerror(failure))))
                    return nil
                }
                bytes += scratch[..<got]
            }
        }
        if bytes.count > limit {
            errors.append(.tooLarge(path: path, limit: limit))
            return nil
        }
        return bytes
    }

    /// Article files under a directory, by extension, sorted; hidden files and others are noted.
    ///
    /// The tree is walked as `FileManager`'s enumerator walks it (the reference in
    /// `DirectoryWalkTests`): depth first, each directory's entries in the order the file system
    /// lists them, into hidden directories and across mount points but not through symbolic
    /// links; a name starting with `.` is passed over, and an entry counts as a file when what it
    /// names (through a link) is not a directory. `opendir`/`readdir` and one `stat` per entry
    /// cost a fifth of what the enumerator, `fileExists` and `NSString` path methods did.
    ///
    /// Unlike the enumerator, a directory named through a symbolic link is walked like the
    /// directory it names (the enumerator listed nothing there), and a directory reached twice
    /// (`walked`, by device and inode; a bind mount can loop) is walked once.
    static func articleFiles(in directory: String, notes: inout [BuildNote]) -> [String] {
        var walked = Set<DirectoryIdentity>()
        return articleFileSizes(in: directory, notes: &notes, walked: &walked).map(\.path)
    }

    /// `articleFiles`, with the size `stat` gave each regular file (nil for other files).
    static func articleFileSizes(
        in directory: String, notes: inout [BuildNote], walked: inout Set<DirectoryIdentity>
    ) -> [(path: String, size: Int?)] {
        var files: [(path: String, size: Int?)] = []
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        walk(prefix, relative: "", files: &files, notes: &notes, walked: &walked)
        return files.sorted { $0.path < $1.path }
    }

    private static func walk(
        _ prefix: String, relative: String, files: inout [(path: String, size: Int?)], notes: inout [BuildNote],
        walked: inout Set<DirectoryIdentity>
    ) {
        guard let dir = opendir(relative.isEmpty ? prefix : prefix + relative) else { return }
        defer { closedir(dir) }
        var info = stat()
        guard fstat(dirfd(dir), &info) == 0, walked.insert(DirectoryIdentity(info)).inserted else { return }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.baseAddress.unsafelyUnwrapped.assumingMemoryBound(to: CChar.self))
            }
            if name == "." || name == ".." { continue }
            let path = prefix + relative + name
            var isDirectory = entry.pointee.d_type == DT_DIR
            if entry.pointee.d_type == DT_UNKNOWN {
                var info = stat()
                isDirectory =
                    fstatat(dirfd(dir), name, &info, AT_SYMLINK_NOFOLLOW) == 0 && info.st_mode & S_IFMT == S_IFDIR
            }
            if !name.hasPrefix("."), !isDirectory {
                consider(path, name: name, in: dirfd(dir), files: &files, notes: &notes)
            }
            if isDirectory {
                walk(prefix, relative: relative + name + "/", files: &files, notes: &notes, walked: &walked)
            }
        }
    }

    /// A non-hidden entry: an article file, a file noted as not one, or (a directory, or a
    /// link to nothing) passed over. It is looked up by name in its open directory `directory`
    /// (`fstatat`), which spares the kernel resolving every component of its path again.
    private static func consider(
        _ path: String, name: String, in directory: Int32, files: inout [(path: String, size: Int?)],
        notes: inout [BuildNote]
    ) {
        var info = stat()
        guard fstatat(directory, name, &info, 0) == 0, info.st_mode & S_IFMT != S_IFDIR else { return }
        if ArticleFormat.extensions[pathExtension(name).lowercased()] != nil {
            files.append((path, info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : nil))
        } else {
            notes.append(BuildNote(.skipped, file: path, "not an article file (.txt, .md, .markdown, .html, .htm)"))
        }
    }

    /// A file name's extension, as `NSString.pathExtension` gives it: for an ASCII name not
    /// starting with `.` whose last `.` is followed by letters and digits, those; any other
    /// name is left to `NSString`.
    static func pathExtension(_ name: String) -> String {
        let utf8 = name.utf8
        if let dot = utf8.lastIndex(of: UInt8(ascii: ".")), dot != utf8.startIndex,
            utf8.first != UInt8(ascii: "."), utf8.allSatisfy({ $0 < 0x80 })
        {
            let rest = utf8[utf8.index(after: dot)...]
            let alphanumeric = rest.allSatisfy { c in (c | 0x20) &- 0x61 < 26 || c &- 0x30 < 10 }
            if !rest.isEmpty, alphanumeric, let ext = String(rest) { return ext }
        }
        return (name as NSString).pathExtension
    }

    /// `display` of a file's path: an absolute path of plain names is its own standardized form,
    /// so only other paths go through `URL`, which costs more than reading a small article.
    static func display(filePath path: String, root: String) -> String {
        guard isPlainAbsolute(path) else { return display(URL(fileURLWithPath: path, isDirectory: false), root: root) }
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }

    /// True for an absolute path of ASCII letters, digits, `-`, `_` and `.` without empty, `.`
    /// or `..` components and without a trailing `/`: one that standardizing leaves as it is.
    static func isPlainAbsolute(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.count > 1, bytes[0] == UInt8(ascii: "/"), bytes[bytes.count - 1] != UInt8(ascii: "/") else {
            return false
        }
        var componentStart = 1
        for i in 1...bytes.count {
            if i < bytes.count && bytes[i] != UInt8(ascii: "/") {
                switch bytes[i] {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                    continue
                default:
                    return false
                }
            }
            let component = bytes[componentStart..<i]
            if component.isEmpty || component.elementsEqual([UInt8(ascii: ".")])
                || component.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")])
            {
                return false
            }
            componentStart = i + 1
        }
        return true
    }

    /// A path as recorded and shown: relative to the data home when inside it, else absolute.
    static func display(_ url: URL, home: DataHome) -> String {
        display(url, root: home.root.standardizedFileURL.path)
    }

    /// `display` with the data home's standardized path worked out once, for many files.
    static func display(_ url: URL, root: String) -> String {
        let path = url.standardizedFileURL.path
        if path.hasPrefix(root + "/") { return String(path.dropFirst(root.count + 1)) }
        return path
    }
}
