import Flashcards

/// How alike two answers are, for choosing distractors that are plausible yet clearly wrong.
struct AnswerResemblance {
    var matcher: AnswerMatcher

    /// The match score from which two answers count as near-equal: a one-word answer with a
    /// typo scores 0.8, so "Lisbonn" is near "Lisbon"; "Answer 1" and "Answer 2" are not.
    static let nearScore = 0.75

    /// Equal or near-equal: the same once folded, or so close that typing one for the other
    /// would be graded correct or only a slip away. Such an answer is never a wrong option.
    func nearlyEqual(_ a: String, _ b: String) -> Bool {
        if TextNormalizer.matchKey(a) == TextNormalizer.matchKey(b) { return true }
        let threshold = min(matcher.acceptThreshold, Self.nearScore)
        return matcher.match(given: a, expected: b).score >= threshold
            || matcher.match(given: b, expected: a).score >= threshold
    }

    /// An answer's folded words, which the likeness measures compare.
    static func words(_ text: String) -> [String] {
        TextNormalizer.matchKey(text).split(separator: " ").map(String.init)
    }

    /// 0…1: how alike two answers' lengths are, in words and in letters.
    func lengthLikeness(_ wa: [String], _ wb: [String]) -> Double {
        (ratio(wa.reduce(0) { $0 + $1.count }, wb.reduce(0) { $0 + $1.count }) + ratio(wa.count, wb.count)) / 2
    }

    /// 0…2: length likeness plus the share of words the two have in common.
    func likeness(_ wa: [String], _ wb: [String]) -> Double {
        let sa = Set(wa)
        let sb = Set(wb)
        let union = sa.union(sb).count
        let overlap = union == 0 ? 0 : Double(sa.intersection(sb).count) / Double(union)
        return lengthLikeness(wa, wb) + overlap
    }

    private func ratio(_ x: Int, _ y: Int) -> Double {
        let hi = max(x, y)
        return hi == 0 ? 1 : Double(min(x, y)) / Double(hi)
    }
}
