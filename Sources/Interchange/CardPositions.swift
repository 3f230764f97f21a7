import Flashcards

/// Card positions by id for `DeckMerge`, each id's hash computed beforehand (`CardID.hashValue`,
/// on all cores with the rows), so the merge's one-thread loop and the building of the deck's
/// index only probe: hashing every id there was a tenth of a large merge's loop.
///
/// Open addressing with linear probing over a power-of-two table at most half full; an id is
/// found by its hash and `==`, as a `Dictionary` finds it.
struct CardPositions: Sendable {
    /// Per slot, 1 + the index of its entry; 0 for an empty slot.
    private var slots: [Int32]
    private var ids: [CardID] = []
    private var hashes: [Int] = []
    private var positions: [Int] = []
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        ids.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        positions.reserveCapacity(capacity)
    }

    /// The position entered for `id`, whose `hashValue` is `hash`.
    func position(of id: CardID, hash: Int) -> Int? {
        var i = hash & mask
        while true {
            let entry = Int(slots[i]) - 1
            if entry < 0 { return nil }
            if hashes[entry] == hash && ids[entry] == id { return positions[entry] }
            i = (i + 1) & mask
        }
    }

    /// Enters `position` for `id` unless it has one; returns the one it had.
    mutating func enter(_ id: CardID, hash: Int, at position: Int) -> Int? {
        var i = hash & mask
        while true {
            let entry = Int(slots[i]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash && ids[entry] == id { return positions[entry] }
            i = (i + 1) & mask
        }
        precondition(ids.count * 2 < slots.count, "more ids than the capacity given")
        slots[i] = Int32(ids.count + 1)
        ids.append(id)
        hashes.append(hash)
        positions.append(position)
        return nil
    }
}
