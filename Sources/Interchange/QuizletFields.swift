import Flashcards

/// Writes Quizlet fields as UTF-8 bytes, each separator inside a field replaced by one space.
///
/// The first version did this scalar by scalar: an array of scalars per field, a new array per
/// separator, then a `String` appended to one growing `String`. On 100,000 cards that made the
/// Quizlet export nearly three times as slow as the CSV one (Benchmarks/interchange.md). Most
/// fields hold no separator: a scan for the separators' first bytes (eight bytes at a time)
/// shows it, and the field is copied as it is. A field that holds one is replaced pass by
/// pass, term separator first, as before, but on bytes. Matching UTF-8 bytes is the same as
/// matching scalars: a separator's first byte never continues a multi-byte sequence, so a byte
/// match always starts at a scalar and spans whole scalars.
struct QuizletFields: Sendable {
    /// One pass per separator, term first: the separator and the byte sequences that count as it.
    private let passes: [(separator: String, needles: [[UInt8]])]
    /// Finds the first byte of any needle.
    private let starts: ByteFinder

    init(termSeparator: String, cardSeparator: String) {
        passes = [termSeparator, cardSeparator].map { separator in
            // A lone carriage return reads as a line break too.
            (separator, (separator == "\n" ? ["\n", "\r"] : [separator]).map { Array($0.utf8) })
        }
        var firsts: [UInt8] = []
        for pass in passes {
            for needle in pass.needles where !firsts.contains(needle[0]) { firsts.append(needle[0]) }
        }
        // Two separators, at most one of them a line break (two needles): three bytes at most.
        starts = ByteFinder(
            firsts[0], firsts.count > 1 ? firsts[1] : firsts[0], firsts.count > 2 ? firsts[2] : firsts[0])
    }

    /// Appends `text` with each separator replaced to `bytes`, and a note of each separator it
    /// held to `adjustments`.
    func append(
        _ text: String, card: CardID, field: String, to bytes: inout [UInt8],
        adjustments: inout [QuizletExport.Adjustment]
    ) {
        var text = text
        text.withUTF8 { utf8 in
            guard holdsNeedle(utf8) else {
                bytes.append(contentsOf: utf8)
                return
            }
            var cleaned = Array(utf8)
            for pass in passes {
                var replaced = false
                for needle in pass.needles { replaced = Self.replace(needle, in: &cleaned) || replaced }
                if replaced { adjustments.append(.init(card: card, field: field, separator: pass.separator)) }
            }
            bytes.append(contentsOf: cleaned)
        }
    }

    /// Whether some needle occurs in `utf8`.
    private func holdsNeedle(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = starts.next(in: utf8, from: 0)
        while i < utf8.count {
            for pass in passes {
                for needle in pass.needles where Self.matches(needle, in: utf8, at: i) { return true }
            }
            i = starts.next(in: utf8, from: i + 1)
        }
        return false
    }

    private static func matches(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + needle.count <= bytes.count else { return false }
        for k in needle.indices where bytes[i + k] != needle[k] { return false }
        return true
    }

    /// Replaces each occurrence of `needle` with one space, left to right; true when there was one.
    static func replace(_ needle: [UInt8], in bytes: inout [UInt8]) -> Bool {
        let found = bytes.withUnsafeBufferPointer { buffer in
            (0..<buffer.count).contains { matches(needle, in: buffer, at: $0) }
        }
        guard found else { return false }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            var i = 0
            while i < buffer.count {
                if matches(needle, in: buffer, at: i) {
                    out.append(0x20)
                    i += needle.count
                } else {
                    out.append(buffer[i])
                    i += 1
                }
            }
        }
        bytes = out
        return true
    }
}
