import Flashcards
import TestSupport
import Testing

@testable import DeckBuilding

/// The branch-free word table and set comparisons of `Similarity` against plain reference
/// definitions: Jaccard similarity of `Set`s, and common words found by sorting and counting.
struct SimilarityFastPathTests {
    /// Random words from `0...range`: a small range gives many repeats and shared words.
    static func words(_ count: Int, range: UInt64, _ rng: inout SeededGenerator) -> [UInt64] {
        (0..<count).map { _ in UInt64.random(in: 0...range, using: &rng) }
    }

    @Test func scoreIsTheJaccardSimilarityOfTheSets() {
        var rng = SeededGenerator(seed: 71)
        for _ in 0..<2000 {
            let range = [UInt64(4), 60, 1000, UInt64.max].randomElement(using: &rng)!
            let a = Self.words(Int.random(in: 0...80, using: &rng), range: range, &rng)
            let b = Self.words(Int.random(in: 0...80, using: &rng), range: range, &rng)
            let sa = Set(a)
            let sb = Set(b)
            let expected =
                sa.isEmpty || sb.isEmpty
                ? 0 : Double(sa.intersection(sb).count) / Double(sa.union(sb).count)
            #expect(Similarity.score(Similarity.set(a), Similarity.set(b)) == expected)
        }
    }

    /// One table reused for article after article of different sizes (stale keys are left in
    /// its slots) finds the same common words as counting the paragraphs' sets.
    @Test func reusedTableFindsTheCommonWordsByCounting() {
        var rng = SeededGenerator(seed: 72)
        let table = SimilarityTable()
        for round in 0..<300 {
            // Small ranges make repeats, shared words and stale keys equal to new words.
            let range = [UInt64(8), 40, 300, UInt64.max].randomElement(using: &rng)!
            var paragraphs: [[UInt64]] = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
                Self.words(Int.random(in: 0...60, using: &rng), range: range, &rng)
            }
            if round % 5 == 0 && !paragraphs.isEmpty { paragraphs[0] += Array(Similarity.functionWords.prefix(3)) }
            var words: [UInt64] = []
            var ranges: [Range<Int>] = []
            for p in paragraphs {
                ranges.append(words.count..<(words.count + p.count))
                words += p
            }
            let similarity = Similarity(words: words, paragraphs: ranges, table: table)
            let limit = max(3, Int((0.3 * Double(paragraphs.count)).rounded(.up)))
            var held: [UInt64: Int] = [:]
            for p in paragraphs { for w in Set(p) { held[w, default: 0] += 1 } }
            let common = Set(held.filter { $0.value >= limit }.keys).union(Similarity.functionWords)
            for r in ranges + [0..<words.count] {
                let expected = Similarity.set(words[r].filter { !common.contains($0) })
                #expect(similarity.signature(ofWords: words[r]) == expected, "round \(round)")
            }
        }
    }
}
