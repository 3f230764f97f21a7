import Flashcards

/// How alike two answers are, for choosing distractors that are plausible yet clearly wrong.
struct AnswerResemblance {
    var matcher: AnswerMatcher

    /// The match score from which two answers count as near-equal: a one-word answer with a
    /// typo scores 0.8, so "Lisbonn" is near "Lisbon"; "Answer 1" and "Answer 2" are not.
    static let nearScore = 0.75

    /// Equal or near-equal: the same once folded, or so close that typing one for the other
    /// would be graded correct or only a slip away. Such an answer is never a wrong option.
    func nearlyEqual(_ a: String, _ b: String) -> Bool { nearlyEqual(Profile(a), Profile(b)) }

    func nearlyEqual(_ a: Profile, _ b: Profile) -> Bool {
        if a.key == b.key { return true }
        let threshold = min(matcher.acceptThreshold, Self.nearScore)
        // Answers whose word counts alone keep the score below the threshold need no matching:
        // this check decides most pairs of a large deck without the word-by-word diff.
        guard PreparedAnswer.scoreBound(a.prepared, b.prepared) >= threshold else { return false }
        return matcher.match(given: a.prepared, expected: b.prepared).score >= threshold
            || matcher.match(given: b.prepared, expected: a.prepared).score >= threshold
    }

    /// What the likeness measures need of an answer, computed once per answer.
    struct Profile {
        /// The folded answer: two answers with the same key are equal for every purpose here.
        var key: String
        var words: Int
        var letters: Int
        var wordSet: Set<String>
        /// The answer split and folded for `AnswerMatcher`, once rather than per comparison.
        var prepared: PreparedAnswer

        init(_ text: String) {
            prepared = PreparedAnswer(text)
            key = TextNormalizer.matchKey(text)
            let words = key.split(separator: " ")
            self.words = words.count
            letters = words.reduce(0) { $0 + $1.count }
            wordSet = Set(words.map(String.init))
        }
    }

    /// 0…1: how alike two answers' lengths are, in words and in letters.
    func lengthLikeness(_ a: Profile, _ b: Profile) -> Double {
        (ratio(a.letters, b.letters) + ratio(a.words, b.words)) / 2
    }

    /// 0…2: length likeness plus the share of words the two have in common.
    func likeness(_ a: Profile, _ b: Profile) -> Double {
        // Counted without building sets: this runs for every pair of cards in a deck export.
        let (small, large) = a.wordSet.count <= b.wordSet.count ? (a.wordSet, b.wordSet) : (b.wordSet, a.wordSet)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        let union = small.count + large.count - shared
        let overlap = union == 0 ? 0 : Double(shared) / Double(union)
        return lengthLikeness(a, b) + overlap
    }

    private func ratio(_ x: Int, _ y: Int) -> Double {
        let hi = max(x, y)
        return hi == 0 ? 1 : Double(min(x, y)) / Double(hi)
    }
}
