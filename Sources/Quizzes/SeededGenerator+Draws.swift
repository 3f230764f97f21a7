import Flashcards

// The standard library's `shuffled(using:)` and `randomElement(using:)` do not promise the same
// algorithm across Swift versions, so a seeded quiz would change with the compiler. These draws
// are written out here and never change: the same seed gives the same quiz everywhere.
extension SeededGenerator {
    /// A uniform index in `0..<count`, by rejection so no index is favoured.
    mutating func index(below count: Int) -> Int {
        precondition(count > 0, "no index below \(count)")
        let n = UInt64(count)
        // Values below `threshold` would make `r % n` favour small indices; draw again.
        let threshold = (0 &- n) % n
        while true {
            let r = next()
            if r >= threshold { return Int(r % n) }
        }
    }

    /// Fisher–Yates, from the last element down.
    mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }
}
