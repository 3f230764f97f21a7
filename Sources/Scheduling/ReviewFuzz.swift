import Flashcards
import Foundation

/// A fuzz generator seeded by the card and the answer time, so the same review gets the same
/// fuzz every time: replaying a log rebuilds the very due dates the learner was shown.
///
/// py-fsrs draws fuzz from Python's global generator, which no log can reproduce.
public enum ReviewFuzz {
    /// A 64-bit key for a card id (FNV-1a over its UTF-8), computed once per card.
    public static func cardKey(_ id: CardID) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.rawValue.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The generator for one answer to the card with key `cardKey` at `time`
    /// (the time counted in whole milliseconds, as the review log stores it).
    @inline(__always)
    public static func generator(cardKey: UInt64, at time: Date) -> SeededGenerator {
        let millis = ExactRounding.halfAwayFromZero(time.timeIntervalSince1970 * 1000)
        return SeededGenerator(seed: cardKey ^ (UInt64(bitPattern: millis) &* 0x9E37_79B9_7F4A_7C15))
    }

    public static func generator(for id: CardID, at time: Date) -> SeededGenerator {
        generator(cardKey: cardKey(id), at: time)
    }
}
