import Flashcards
import Foundation
import Scheduling

#if canImport(Glibc)
    import Glibc
#endif

/// The study index, `Progress/<slug>/index.bin`: a derived, disposable binary cache of what
/// listing and answering need (README, "Progress files"), so `recall due` reads one compact
/// file instead of parsing the deck and the snapshot.
///
/// It is never the source of truth: it records the identity of the deck file, of the snapshot
/// and of the review log (and how far into the log it reaches), and anything that does not
/// match, does not parse or fails its checksum means "ignore it and read the JSON files".
/// The log is append-only except for atomic rewrites (a new inode), so the index plus the log
/// after the position it covers is the whole truth.
///
/// Layout (little-endian): a header of 25 64-bit words (magic `RCLINDEX`, version, length,
/// checksum of everything after the first four words, the identities, the covered log
/// position, the counts), then the cards in deck order (28 bytes each), the cards' positions
/// sorted by id (4 bytes each), the progress records in deck order, orphans last (80 bytes
/// each), the records' numbers sorted by id (4 bytes each), the recent answers (32 bytes
/// each), and a blob of UTF-8 ids and fronts.
final class StudyIndex {
    static let version: UInt64 = 1
    static let magic = UInt64(littleEndian: 0x5845_444E_494C_4352)  // "RCLINDEX"
    static let headerWords = 25
    static let headerSize = headerWords * 8
    static let cardSize = 28
    static let progressSize = 80
    static let recentSize = 32
    /// How many log bytes before the covered position the fingerprint hashes.
    static let fingerprintSpan = 64

    /// What the index was built from; it is current only while all of it still holds.
    struct Basis: Equatable {
        var deck: FileIdentity
        /// How much of the log the snapshot covered when the index was written (nil: no
        /// snapshot). Advice for when to write the next one, not part of the validity.
        var snapshotCovers: LogPosition?
        /// Device and inode of the review log; 0 and 0 when there was none.
        var logDevice: UInt64
        var logInode: UInt64
        /// How much of the log the index includes.
        var log: LogPosition
        /// A hash of the log's bytes just before `log.bytes`: a log rewritten in place or cut
        /// and regrown no longer matches.
        var logFingerprint: UInt64
    }

    let basis: Basis
    let cardCount: Int
    let progressCount: Int
    let recentCount: Int
    private let storage: UnsafeMutableRawBufferPointer
    private let base: UnsafeRawPointer
    let cardsAt: Int
    private let sortedAt: Int
    private let progressAt: Int
    private let progressByIDAt: Int
    private let recentAt: Int
    private let blobAt: Int

    /// Set once every record checked out: an initializer that throws after every property is
    /// set still runs `deinit`, and `read` frees the storage of an index that did not check out.
    private var ownsStorage = false

    deinit { if ownsStorage { storage.deallocate() } }

    /// Why an index cannot be used.
    enum Problem: Error, Equatable {
        case missing
        case damaged(String)
    }

    /// Reads and checks an index file (not whether it is current: see `isCurrent`).
    static func read(_ path: String) -> Result<StudyIndex, Problem> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .missing : .damaged(AtomicFile.errnoText())) }
        defer { close(fd) }
        guard let size = FileIdentity.of(descriptor: fd)?.size else { return .failure(.damaged("cannot stat")) }
        guard size >= headerSize, size <= Int(UInt32.max) else { return .failure(.damaged("wrong size \(size)")) }
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
        var done = 0
        while done < size {
            let n = pread(fd, storage.baseAddress! + done, size - done, off_t(done))
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            done += n
        }
        guard done == size else {
            storage.deallocate()
            return .failure(.damaged("short read"))
        }
        do { return .success(try StudyIndex(storage: storage)) } catch {
            storage.deallocate()
            return .failure(error)
        }
    }

    /// Takes ownership of `storage` only when it checks out.
    private init(storage: UnsafeMutableRawBufferPointer) throws(Problem) {
        let b = UnsafeRawBufferPointer(storage)
        func word(_ i: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        func int(_ i: Int) throws(Problem) -> Int {
            guard word(i) <= UInt64(Int32.max) else { throw .damaged("field \(i) out of range") }
            return Int(word(i))
        }
        guard word(0) == Self.magic else { throw .damaged("not a recall study index") }
        guard word(1) == Self.version else { throw .damaged("version \(word(1)), expected \(Self.version)") }
        guard word(2) == UInt64(b.count) else { throw .damaged("length does not match the file") }
        guard word(3) == Self.checksum(UnsafeRawBufferPointer(rebasing: b[32...])) else {
            throw .damaged("checksum mismatch")
        }
        guard let basis = Self.basis(inHeader: b) else { throw .damaged("log position out of range") }
        self.basis = basis
        cardCount = try int(21)
        progressCount = try int(22)
        recentCount = try int(23)
        let blobLength = try int(24)
        cardsAt = Self.headerSize
        sortedAt = cardsAt + cardCount * Self.cardSize
        progressAt = sortedAt + cardCount * 4
        progressByIDAt = progressAt + progressCount * Self.progressSize
        recentAt = progressByIDAt + progressCount * 4
        blobAt = recentAt + recentCount * Self.recentSize
        guard blobAt + blobLength == b.count else { throw .damaged("section lengths do not add up") }
        self.storage = storage
        base = UnsafeRawPointer(storage.baseAddress!)
        try check(blobLength: blobLength)
        ownsStorage = true
    }

    /// Every offset and enumerated value, so the accessors below never read out of bounds.
    private func check(blobLength: Int) throws(Problem) {
        func inBlob(_ at: Int) -> Bool {
            let offset = Int(u32(at))
            let length = Int(u32(at + 4))
            return offset <= blobLength && length <= blobLength - offset
        }
        for i in 0..<cardCount {
            let at = cardsAt + i * Self.cardSize
            let p = Int(Int32(bitPattern: u32(at + 24)))
            guard inBlob(at), inBlob(at + 8), u32(at + 20) <= 1, p >= -1, p < progressCount else {
                throw .damaged("card record \(i) out of bounds")
            }
            guard u32(sortedAt + i * 4) < cardCount else { throw .damaged("sorted card \(i) out of bounds") }
        }
        for j in 0..<progressCount {
            let at = progressAt + j * Self.progressSize
            let flags = u32(at + 8)
            guard inBlob(at), flags < 1 << 8, flags & 1 == 0 || LearningState(rawValue: Int(u32(at + 12))) != nil
            else { throw .damaged("progress record \(j) out of bounds") }
            guard u32(progressByIDAt + j * 4) < progressCount else {
                throw .damaged("sorted record \(j) out of bounds")
            }
        }
        for k in 0..<recentCount {
            let at = recentAt + k * Self.recentSize
            let state = Int32(bitPattern: u32(at + 28))
            guard inBlob(at + 8), Rating(rawValue: Int(u32(at + 24))) != nil,
                state == -1 || LearningState(rawValue: Int(state)) != nil
            else { throw .damaged("recent answer \(k) out of bounds") }
        }
    }

    // MARK: Reading

    // Unchecked loads: `check` proved every offset the accessors compute to be in bounds.
    private func u32(_ at: Int) -> UInt32 {
        UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
    private func i64(_ at: Int) -> Int {
        Int(Int64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: Int64.self)))
    }
    private func f64(_ at: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
    }

    /// The blob slice a (offset, length) pair at `at` names.
    func slice(_ at: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + blobAt + Int(u32(at)), count: Int(u32(at + 4)))
    }

    private func string(_ at: Int) -> String { String(decoding: slice(at), as: UTF8.self) }

    func cardID(_ i: Int) -> CardID { CardID(string(cardsAt + i * Self.cardSize)) }
    func front(_ i: Int) -> String { string(cardsAt + i * Self.cardSize + 8) }
    /// The card's section group: equal for cards of the same section, 0 for no section.
    func section(_ i: Int) -> UInt32 { u32(cardsAt + i * Self.cardSize + 16) }
    func isKeypoint(_ i: Int) -> Bool { u32(cardsAt + i * Self.cardSize + 20) == 1 }
    /// Which progress record is the card's; nil when it has none (new).
    func progressRecord(ofCard i: Int) -> Int? {
        let p = Int32(bitPattern: u32(cardsAt + i * Self.cardSize + 24))
        return p < 0 ? nil : Int(p)
    }

    func progressID(_ j: Int) -> CardID { CardID(string(progressAt + j * Self.progressSize)) }

    func progress(_ j: Int) -> CardProgress {
        let at = progressAt + j * Self.progressSize
        let flags = u32(at + 8)
        func has(_ bit: Int) -> Bool { flags & (1 << bit) != 0 }
        var p = CardProgress(
            reps: i64(at + 24), lapses: i64(at + 32), suspended: has(5),
            buriedUntil: has(7) ? Day(ordinal: i64(at + 40)) : nil, isLeech: has(6))
        if has(0), let state = LearningState(rawValue: Int(u32(at + 12))) {
            p.schedule = CardSchedule(
                state: state, step: has(1) ? i64(at + 16) : nil, stability: has(2) ? f64(at + 48) : nil,
                difficulty: has(3) ? f64(at + 56) : nil, due: Date(timeIntervalSinceReferenceDate: f64(at + 64)),
                lastReview: has(4) ? Date(timeIntervalSinceReferenceDate: f64(at + 72)) : nil)
        }
        return p
    }

    func recent(_ k: Int) -> RecentAnswer {
        let at = recentAt + k * Self.recentSize
        let state = Int32(bitPattern: u32(at + 28))
        return RecentAnswer(
            id: i64(at),
            answer: StudyAnswer(
                cardID: CardID(string(at + 8)), time: Date(timeIntervalSinceReferenceDate: f64(at + 16)),
                rating: Rating(rawValue: Int(u32(at + 24))) ?? .good,
                stateBefore: state < 0 ? nil : LearningState(rawValue: Int(state))))
    }

    /// The positions in deck order of the cards with this id (one, unless the deck repeats it).
    func positions(of id: CardID) -> [Int] {
        var key = id.rawValue
        return key.withUTF8 { key in
            let key = UnsafeRawBufferPointer(key)
            let card = { (k: Int) in Int(self.u32(self.sortedAt + k * 4)) }
            var low = lowerBound(count: cardCount, key: key) { self.slice(self.cardsAt + card($0) * Self.cardSize) }
            var found: [Int] = []
            while low < cardCount, Self.compare(slice(cardsAt + card(low) * Self.cardSize), key) == 0 {
                found.append(card(low))
                low += 1
            }
            return found.sorted()
        }
    }

    /// The progress record of this id, orphans included.
    func progressRecord(of id: CardID) -> Int? {
        var key = id.rawValue
        return key.withUTF8 { key in
            let key = UnsafeRawBufferPointer(key)
            let record = { (k: Int) in Int(self.u32(self.progressByIDAt + k * 4)) }
            let k = lowerBound(count: progressCount, key: key) {
                self.slice(self.progressAt + record($0) * Self.progressSize)
            }
            guard k < progressCount, Self.compare(slice(progressAt + record(k) * Self.progressSize), key) == 0 else {
                return nil
            }
            return record(k)
        }
    }

    private func lowerBound(count: Int, key: UnsafeRawBufferPointer, _ at: (Int) -> UnsafeRawBufferPointer) -> Int {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if Self.compare(at(mid), key) < 0 { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Byte order of two ids (the order the index sorts them in).
    static func compare(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let c = memcmp(a.baseAddress!, b.baseAddress!, common)
            if c != 0 { return Int(c) }
        }
        return a.count - b.count
    }

    /// The basis recorded in an index file's header, read without checking the rest: enough
    /// to tell whether the file would be current, not that it is intact.
    static func peekBasis(_ path: String) -> Basis? {
        guard let head = try? FileBytes.read(path, from: 0, atMost: headerSize), head.count == headerSize else {
            return nil
        }
        return head.withUnsafeBytes { b in
            b.loadUnaligned(as: UInt64.self) == magic && b.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == version
                ? basis(inHeader: b) : nil
        }
    }

    /// The basis in a header's words 4–20; nil when the log position is out of range.
    private static func basis(inHeader b: UnsafeRawBufferPointer) -> Basis? {
        func word(_ i: Int) -> UInt64 { UInt64(littleEndian: b.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self)) }
        guard word(17) <= UInt64(Int32.max), word(18) <= UInt64(Int32.max), word(19) <= UInt64(Int32.max) else {
            return nil
        }
        func identity(_ i: Int) -> FileIdentity {
            FileIdentity(
                device: word(i), inode: word(i + 1), size: Int(truncatingIfNeeded: word(i + 2)),
                modifiedSeconds: Int(truncatingIfNeeded: word(i + 3)),
                modifiedNanoseconds: Int(truncatingIfNeeded: word(i + 4)))
        }
        return Basis(
            deck: identity(4),
            snapshotCovers: word(9) == 1
                ? LogPosition(
                    bytes: Int(truncatingIfNeeded: word(10)), lines: Int(truncatingIfNeeded: word(11)),
                    lastID: Int(truncatingIfNeeded: word(12))) : nil,
            logDevice: word(15), logInode: word(16),
            log: LogPosition(bytes: Int(word(17)), lines: Int(word(18)), lastID: Int(word(19))),
            logFingerprint: word(20))
    }

    /// Whether the index still describes these files: the deck unchanged, and the
    /// log the same file, at least as long, with the same bytes just before the covered end.
    func isCurrent(paths: ProgressPaths, deckPath: String) -> Bool {
        guard FileIdentity.of(deckPath) == basis.deck else { return false }
        guard let log = FileIdentity.of(paths.log) else { return basis.logInode == 0 && basis.log.bytes == 0 }
        return log.device == basis.logDevice && log.inode == basis.logInode && log.size >= basis.log.bytes
            && Self.fingerprint(paths.log, end: basis.log.bytes) == basis.logFingerprint
    }

    /// A hash of up to `fingerprintSpan` bytes of the log before `end`; nil when unreadable.
    static func fingerprint(_ path: String, end: Int) -> UInt64? {
        let start = max(0, end - fingerprintSpan)
        guard end > 0, let tail = try? FileBytes.read(path, from: start, atMost: end - start), tail.count == end - start
        else { return end == 0 ? 0 : nil }
        return tail.withUnsafeBytes { checksum($0) }
    }

    /// A fast 64-bit hash (four xxHash64-style lanes): it guards against damage, not attack.
    static func checksum(_ p: UnsafeRawBufferPointer) -> UInt64 {
        let p1: UInt64 = 0x9E37_79B1_85EB_CA87
        let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (p1 &+ p2, p2, 0, 0 &- p1)
        var at = 0
        while at + 32 <= p.count {
            lanes.0 = Self.round(lanes.0, p.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            lanes.1 = Self.round(lanes.1, p.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            lanes.2 = Self.round(lanes.2, p.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            lanes.3 = Self.round(lanes.3, p.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
            at += 32
        }
        var h = lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7) ^ UInt64(p.count)
        while at < p.count {
            h = Self.round(h, UInt64(p[at]))
            at += 1
        }
        h ^= h >> 33
        h = h &* p2
        h ^= h >> 29
        return h
    }

    /// `checksum` of bytes given in pieces (an index written as it is encoded): the same value
    /// as `checksum` of the pieces joined.
    struct StreamingChecksum {
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        private var count = 0
        /// Bytes after the last whole 32-byte block (fewer than 32).
        private var pending: [UInt8] = []

        init() {
            lanes = (
                0x9E37_79B1_85EB_CA87 &+ 0xC2B2_AE3D_27D4_EB4F, 0xC2B2_AE3D_27D4_EB4F, 0, 0 &- 0x9E37_79B1_85EB_CA87
            )
        }

        mutating func update(_ p: UnsafeRawBufferPointer) {
            count += p.count
            var at = 0
            if !pending.isEmpty {
                let take = min(32 - pending.count, p.count)
                pending += p[0..<take]
                at = take
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { block(UnsafeRawBufferPointer($0), at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while at + 32 <= p.count {
                block(p, at: at)
                at += 32
            }
            pending += p[at...]
        }

        private mutating func block(_ p: UnsafeRawBufferPointer, at: Int) {
            lanes.0 = StudyIndex.round(lanes.0, p.loadUnaligned(fromByteOffset: at, as: UInt64.self))
            lanes.1 = StudyIndex.round(lanes.1, p.loadUnaligned(fromByteOffset: at + 8, as: UInt64.self))
            lanes.2 = StudyIndex.round(lanes.2, p.loadUnaligned(fromByteOffset: at + 16, as: UInt64.self))
            lanes.3 = StudyIndex.round(lanes.3, p.loadUnaligned(fromByteOffset: at + 24, as: UInt64.self))
        }

        func finish() -> UInt64 {
            var h = lanes.0 ^ (lanes.1 &* 3) ^ (lanes.2 &* 5) ^ (lanes.3 &* 7) ^ UInt64(count)
            for byte in pending { h = StudyIndex.round(h, UInt64(byte)) }
            h ^= h >> 33
            h = h &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 29
            return h
        }
    }

    /// One round of `checksum`'s lanes.
    fileprivate static func round(_ acc: UInt64, _ word: UInt64) -> UInt64 {
        let a = acc &+ word &* 0xC2B2_AE3D_27D4_EB4F
        return ((a << 31) | (a >> 33)) &* 0x9E37_79B1_85EB_CA87
    }
}

extension ProgressPaths {
    /// The study index (`StudyIndex`), derived and disposable.
    var studyIndex: String { directory.appendingPathComponent("index.bin").path }
}
