import Flashcards
import Foundation
import Scheduling

#if canImport(Glibc)
    import Glibc
#endif

extension StudyIndex {
    /// Builds an index's bytes (the layout is in `StudyIndex`) and hands them to `emit` in
    /// pieces of about a megabyte (so the whole file is never in memory at once), the checksum
    /// word left 0. The cards come from `addCards`, which calls `Builder.addCard` once per card
    /// in deck order. Returns the checksum to put in its place (the file's bytes 24–31); nil
    /// when the collection is too large for the format's 32-bit offsets or `emit` failed.
    static func encode(
        cardCount: Int, addCards: (inout Builder) -> Void, progressIDs ids: [CardID],
        progressOf: (Int) -> CardProgress, recent: [RecentAnswer], basis: Basis,
        emit: (UnsafeRawBufferPointer) -> Bool
    ) -> UInt64? {
        var b = Builder()
        b.cards.reserveCapacity(cardCount * cardSize)
        addCards(&b)
        guard b.cards.count == cardCount * cardSize else { return nil }
        let progressIDs = ids.map { b.addString($0.rawValue) }
        let recentIDs = recent.map { b.addString($0.answer.cardID.rawValue) }
        guard b.blob.count <= Int(UInt32.max) else { return nil }

        // Cards and progress records sorted by id bytes; a merge of the two sorted lists gives
        // each card its progress record.
        let cardOrder = b.sorted((0..<cardCount).map { b.cardIDRange($0) })
        let progressOrder = b.sorted(progressIDs)
        var recordOfCard = [Int32](repeating: -1, count: cardCount)
        var j = 0
        for card in cardOrder {
            let id = b.cardIDRange(card)
            while j < progressOrder.count, b.compare(progressIDs[progressOrder[j]], id) < 0 { j += 1 }
            if j < progressOrder.count, b.compare(progressIDs[progressOrder[j]], id) == 0 {
                recordOfCard[card] = Int32(j)
            }
        }
        // Records in deck order (then orphans), so the queue reads them in sequence; `byID`
        // lists them in id order for lookups.
        var place = [Int32](repeating: -1, count: progressOrder.count)
        var records: [Int] = []
        records.reserveCapacity(progressOrder.count)
        for card in 0..<cardCount {
            let k = Int(recordOfCard[card])
            guard k >= 0 else { continue }
            if place[k] < 0 {
                place[k] = Int32(records.count)
                records.append(k)
            }
            recordOfCard[card] = place[k]
        }
        for k in 0..<progressOrder.count where place[k] < 0 {
            place[k] = Int32(records.count)
            records.append(k)
        }
        let length =
            headerSize + cardCount * (cardSize + 4) + ids.count * (progressSize + 4) + recent.count * recentSize
            + b.blob.count
        var out: [UInt8] = []
        let piece = 1 << 20
        out.reserveCapacity(piece + (1 << 12))
        var sum = StreamingChecksum()
        var emitted = 0
        var failed = false
        // Hands on what `out` holds (the checksum covers everything after the first 32 bytes).
        func flush() {
            guard !failed, !out.isEmpty else { return }
            out.withUnsafeBytes { o in
                let skip = max(0, min(32 - emitted, o.count))
                sum.update(UnsafeRawBufferPointer(rebasing: o[skip...]))
                if !emit(o) { failed = true }
            }
            emitted += out.count
            out.removeAll(keepingCapacity: true)
        }
        func flushIfFull() { if out.count >= piece { flush() } }
        let header: [UInt64] = [
            magic, version, UInt64(length), 0,
            basis.deck.device, basis.deck.inode, UInt64(basis.deck.size),
            UInt64(bitPattern: Int64(basis.deck.modifiedSeconds)),
            UInt64(bitPattern: Int64(basis.deck.modifiedNanoseconds)),
            basis.snapshotCovers == nil ? 0 : 1, UInt64(basis.snapshotCovers?.bytes ?? 0),
            UInt64(basis.snapshotCovers?.lines ?? 0), UInt64(basis.snapshotCovers?.lastID ?? 0), 0, 0,
            basis.logDevice, basis.logInode, UInt64(basis.log.bytes), UInt64(basis.log.lines),
            UInt64(basis.log.lastID), basis.logFingerprint,
            UInt64(cardCount), UInt64(ids.count), UInt64(recent.count), UInt64(b.blob.count),
        ]
        for word in header { out.append64(word) }
        for (i, card) in stride(from: 0, to: b.cards.count, by: cardSize).enumerated() {
            out += b.cards[card..<card + cardSize - 4]
            out.append32(UInt32(bitPattern: recordOfCard[i]))
            flushIfFull()
        }
        for card in cardOrder {
            out.append32(UInt32(card))
            flushIfFull()
        }
        for k in records {
            let range = progressIDs[progressOrder[k]]
            out.append32(UInt32(range.lowerBound))
            out.append32(UInt32(range.count))
            progressOf(progressOrder[k]).appendRecord(to: &out)
            flushIfFull()
        }
        for k in 0..<progressOrder.count {
            out.append32(UInt32(place[k]))
            flushIfFull()
        }
        for (k, answer) in recent.enumerated() {
            out.append64(UInt64(bitPattern: Int64(answer.id)))
            out.append32(UInt32(recentIDs[k].lowerBound))
            out.append32(UInt32(recentIDs[k].count))
            out.append64(answer.answer.time.timeIntervalSinceReferenceDate.bitPattern)
            out.append32(UInt32(answer.answer.rating.rawValue))
            out.append32(UInt32(bitPattern: Int32(answer.answer.stateBefore?.rawValue ?? -1)))
            flushIfFull()
        }
        flush()
        // The blob as it is, without a copy.
        b.blob.withUnsafeBytes { blob in
            guard !failed else { return }
            sum.update(blob)
            if !emit(blob) { failed = true }
            emitted += blob.count
        }
        guard !failed, emitted == length else { return nil }
        return sum.finish()
    }

    /// Collects the card records and the string blob.
    struct Builder {
        var cards: [UInt8] = []
        var blob: [UInt8] = []

        /// Appends one card; `section` is 0 for none, otherwise equal exactly for cards of one
        /// section. The last four bytes (the progress record) are filled in by `encode`.
        mutating func addCard(id: some Sequence<UInt8>, front: some Sequence<UInt8>, section: UInt32, keypoint: Bool) {
            let idRange = add(id)
            let frontRange = add(front)
            cards.append32(UInt32(truncatingIfNeeded: idRange.lowerBound))
            cards.append32(UInt32(truncatingIfNeeded: idRange.count))
            cards.append32(UInt32(truncatingIfNeeded: frontRange.lowerBound))
            cards.append32(UInt32(truncatingIfNeeded: frontRange.count))
            cards.append32(section)
            cards.append32(keypoint ? 1 : 0)
            cards.append32(0)
        }

        mutating func addString(_ s: String) -> Range<Int> { add(s.utf8) }

        private mutating func add(_ bytes: some Sequence<UInt8>) -> Range<Int> {
            let start = blob.count
            blob.append(contentsOf: bytes)
            return start..<blob.count
        }

        func cardIDRange(_ i: Int) -> Range<Int> {
            let at = i * StudyIndex.cardSize
            let start = Int(cards.load32(at))
            return start..<start + Int(cards.load32(at + 4))
        }

        func compare(_ a: Range<Int>, _ b: Range<Int>) -> Int {
            blob.withUnsafeBytes {
                StudyIndex.compare(UnsafeRawBufferPointer(rebasing: $0[a]), UnsafeRawBufferPointer(rebasing: $0[b]))
            }
        }

        /// The indices of `ranges` in byte order of the strings they name (stable for equal ones).
        func sorted(_ ranges: [Range<Int>]) -> [Int] {
            blob.withUnsafeBytes { blob in
                // The first eight bytes, big-endian and zero-padded, order most pairs at once.
                let keyed = ranges.enumerated().map { (i, r) -> (UInt64, Int) in
                    var key: UInt64 = 0
                    for k in 0..<8 { key = key << 8 | UInt64(k < r.count ? blob[r.lowerBound + k] : 0) }
                    return (key, i)
                }
                return keyed.sorted { a, b in
                    if a.0 != b.0 { return a.0 < b.0 }
                    let c = StudyIndex.compare(
                        UnsafeRawBufferPointer(rebasing: blob[ranges[a.1]]),
                        UnsafeRawBufferPointer(rebasing: blob[ranges[b.1]]))
                    return c != 0 ? c < 0 : a.1 < b.1
                }.map(\.1)
            }
        }
    }

    /// Writes an index beside the progress files as `encode` streams it: a temporary file (its
    /// checksum word filled in last) and a rename, no flush (it is checksummed and rebuilt when
    /// lost). Best effort: false when it could not be written (a read-only data directory, a
    /// collection too large for the format); nothing is left behind then.
    @discardableResult
    static func write(to path: String, encode: ((UnsafeRawBufferPointer) -> Bool) -> UInt64?) -> Bool {
        let dir = (path as NSString).deletingLastPathComponent
        let temp = dir + "/.index.bin.\(getpid()).tmp"
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        var ok = false
        if let sum = encode({ FileBytes.writeAll(fd, $0) }) {
            ok = withUnsafeBytes(of: sum.littleEndian) { pwrite(fd, $0.baseAddress, 8, 24) == 8 }
        }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            unlink(temp)
            return false
        }
        return true
    }

    /// What a load from these files would make the basis of an index, taken before reading;
    /// nil when the deck file cannot be examined.
    static func basisBeforeReading(paths: ProgressPaths, deckPath: String) -> Basis? {
        guard let deck = FileIdentity.of(deckPath) else { return nil }
        let log = FileIdentity.of(paths.log)
        return Basis(
            deck: deck, snapshotCovers: nil, logDevice: log?.device ?? 0,
            logInode: log?.inode ?? 0, log: .start, logFingerprint: 0)
    }

    /// Completes a basis taken before reading with the position read to, if the files are
    /// still the ones that were read (nothing replaced them meanwhile).
    static func basis(
        _ before: Basis, readTo end: LogPosition, snapshotCovers: LogPosition?, paths: ProgressPaths, deckPath: String
    ) -> Basis? {
        guard let after = basisBeforeReading(paths: paths, deckPath: deckPath), after.deck == before.deck,
            after.logDevice == before.logDevice, after.logInode == before.logInode,
            before.logInode != 0 || end.bytes == 0,
            let fingerprint = fingerprint(paths.log, end: end.bytes)
        else { return nil }
        var basis = before
        basis.log = end
        basis.logFingerprint = fingerprint
        basis.snapshotCovers = snapshotCovers
        return basis
    }

    /// Writes the index of a deck and its progress, best effort.
    static func write(
        deck: Deck, progress: [CardID: CardProgress], recent: [RecentAnswer], basis: Basis, to path: String
    ) {
        var groups: [[String]: UInt32] = [:]
        let ids = Array(progress.keys)
        write(to: path) { emit in
            encode(
                cardCount: deck.cards.count,
                addCards: { b in
                    for card in deck.cards {
                        var section: UInt32 = 0
                        if !card.section.isEmpty {
                            let next = UInt32(groups.count + 1)
                            section = groups[card.section, default: next]
                            if section == next { groups[card.section] = next }
                        }
                        b.addCard(
                            id: card.id.rawValue.utf8, front: card.front.utf8, section: section,
                            keypoint: card.kind == .keypoint)
                    }
                }, progressIDs: ids, progressOf: { progress[ids[$0]] ?? .new }, recent: recent, basis: basis, emit: emit
            )
        }
    }

    /// Writes a new index with the cards of this one (the deck is unchanged) and new progress:
    /// `progress` over the records of `base` (all of it when `base` is nil).
    func rewrite(
        progress: [CardID: CardProgress], over base: StudyIndex?, recent: [RecentAnswer], basis: Basis, to path: String
    ) {
        var ids: [CardID] = []
        var records: [Int] = []
        if let base {
            ids.reserveCapacity(base.progressCount + progress.count)
            for j in 0..<base.progressCount {
                ids.append(base.progressID(j))
                records.append(j)
            }
            ids += progress.keys.filter { base.progressRecord(of: $0) == nil }
        } else {
            ids = Array(progress.keys)
        }
        StudyIndex.write(to: path) { emit in
            StudyIndex.encode(
                cardCount: cardCount,
                addCards: { b in
                    for i in 0..<cardCount {
                        let at = cardsAt + i * StudyIndex.cardSize
                        b.addCard(id: slice(at), front: slice(at + 8), section: section(i), keypoint: isKeypoint(i))
                    }
                }, progressIDs: ids,
                progressOf: { k in
                    if let p = progress[ids[k]] { return p }
                    if let base, k < records.count { return base.progress(records[k]) }
                    return .new
                }, recent: recent, basis: basis, emit: emit)
        }
    }
}

extension CardProgress {
    /// The fixed 72 bytes after a progress record's id (`StudyIndex`).
    fileprivate func appendRecord(to out: inout [UInt8]) {
        var flags: UInt32 = 0
        if let s = schedule {
            flags |= 1
            if s.step != nil { flags |= 1 << 1 }
            if s.stability != nil { flags |= 1 << 2 }
            if s.difficulty != nil { flags |= 1 << 3 }
            if s.lastReview != nil { flags |= 1 << 4 }
        }
        if suspended { flags |= 1 << 5 }
        if isLeech { flags |= 1 << 6 }
        if buriedUntil != nil { flags |= 1 << 7 }
        out.append32(flags)
        out.append32(UInt32(schedule?.state.rawValue ?? 0))
        out.append64(UInt64(bitPattern: Int64(schedule?.step ?? 0)))
        out.append64(UInt64(bitPattern: Int64(reps)))
        out.append64(UInt64(bitPattern: Int64(lapses)))
        out.append64(UInt64(bitPattern: Int64(buriedUntil?.ordinal ?? 0)))
        out.append64((schedule?.stability ?? 0).bitPattern)
        out.append64((schedule?.difficulty ?? 0).bitPattern)
        out.append64((schedule?.due.timeIntervalSinceReferenceDate ?? 0).bitPattern)
        out.append64((schedule?.lastReview?.timeIntervalSinceReferenceDate ?? 0).bitPattern)
    }
}

extension [UInt8] {
    fileprivate mutating func append32(_ v: UInt32) {
        Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) }
    }
    fileprivate mutating func append64(_ v: UInt64) {
        Swift.withUnsafeBytes(of: v.littleEndian) { append(contentsOf: $0) }
    }
    fileprivate func load32(_ at: Int) -> UInt32 {
        withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self)) }
    }
}
