/// Compares a typed answer with a card's back, the same way in study sessions and quizzes.
///
/// Case, accents, punctuation and extra spaces are ignored; small typos in longer words are
/// forgiven. The result carries a word-level diff to show the learner, a score from 0 to 1, a
/// verdict, and the rating the score suggests.
public struct AnswerMatcher: Sendable {
    /// The score at or above which an answer counts as correct.
    public var acceptThreshold: Double
    /// The score at or above which an incorrect answer still suggests Hard rather than Again.
    public var hardThreshold: Double

    public init(acceptThreshold: Double = 0.85, hardThreshold: Double = 0.5) {
        precondition(hardThreshold <= acceptThreshold, "thresholds out of order")
        self.acceptThreshold = acceptThreshold
        self.hardThreshold = hardThreshold
    }

    public func match(given: String, expected: String) -> AnswerMatch {
        match(given: PreparedAnswer(given), expected: PreparedAnswer(expected))
    }

    /// The same comparison over answers split and folded beforehand: for callers that compare
    /// one answer with many (a quiz choosing distractors from a whole deck).
    public func match(given: PreparedAnswer, expected: PreparedAnswer) -> AnswerMatch {
        let givenWords = given.words
        let expectedWords = expected.words
        let diff = Self.diff(given: givenWords, expected: expectedWords)
        let score = Self.score(diff: diff, givenCount: givenWords.count, expectedCount: expectedWords.count)
        let rating: Rating =
            score >= acceptThreshold ? .good : score >= hardThreshold ? .hard : .again
        return AnswerMatch(score: score, isCorrect: score >= acceptThreshold, diff: diff, suggestedRating: rating)
    }

    /// Word-level F1: matched words over both lengths, where a near word (a typo) counts 0.8.
    static func score(diff: [AnswerMatch.Change], givenCount: Int, expectedCount: Int) -> Double {
        guard givenCount > 0, expectedCount > 0 else { return givenCount == expectedCount ? 1 : 0 }
        var matched = 0.0
        for change in diff {
            switch change {
            case .same: matched += 1
            case .near: matched += 0.8
            case .missing, .extra: break
            }
        }
        let precision = matched / Double(givenCount)
        let recall = matched / Double(expectedCount)
        guard precision + recall > 0 else { return 0 }
        return 2 * precision * recall / (precision + recall)
    }

    /// The longest common subsequence of the two word lists, walked into a list of changes.
    static func diff(given: [Word], expected: [Word]) -> [AnswerMatch.Change] {
        let n = given.count
        let m = expected.count
        // weights[i][j]: best match weight of given[i...] against expected[j...]
        var weights = [[Double]](repeating: [Double](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                let pair = given[i].similarity(to: expected[j])
                let diagonal = pair > 0 ? weights[i + 1][j + 1] + pair : 0
                weights[i][j] = max(diagonal, weights[i + 1][j], weights[i][j + 1])
            }
        }
        var changes: [AnswerMatch.Change] = []
        var i = 0
        var j = 0
        while i < n || j < m {
            if i < n, j < m {
                let pair = given[i].similarity(to: expected[j])
                if pair > 0, weights[i][j] == weights[i + 1][j + 1] + pair {
                    changes.append(
                        pair == 1 ? .same(expected[j].text) : .near(given: given[i].text, expected: expected[j].text))
                    i += 1
                    j += 1
                    continue
                }
            }
            if j < m, i == n || weights[i][j + 1] >= weights[i + 1][j] {
                changes.append(.missing(expected[j].text))
                j += 1
            } else {
                changes.append(.extra(given[i].text))
                i += 1
            }
        }
        return changes
    }
}

/// An answer split into words and folded once, to be matched many times.
public struct PreparedAnswer: Sendable {
    let words: [Word]

    public init(_ text: String) { words = Word.split(text) }

    /// How many words count for matching (punctuation-only tokens do not).
    public var wordCount: Int { words.count }

    /// An upper bound on `AnswerMatcher.match(...).score` between two answers, from their word
    /// counts alone: F1 can be no higher than when every word of the shorter answer matches.
    public static func scoreBound(_ a: PreparedAnswer, _ b: PreparedAnswer) -> Double {
        let (x, y) = (a.words.count, b.words.count)
        guard x > 0, y > 0 else { return x == y ? 1 : 0 }
        return 2 * Double(min(x, y)) / Double(x + y)
    }
}

/// The outcome of comparing a typed answer with the expected one.
public struct AnswerMatch: Sendable, Equatable {
    /// One step of the word-level diff, with the words as they were written.
    public enum Change: Sendable, Equatable {
        case same(String)
        /// A word typed with a small typo.
        case near(given: String, expected: String)
        /// A word of the expected answer that the typed one lacks.
        case missing(String)
        /// A word typed that the expected answer does not have.
        case extra(String)
    }

    /// 0 (nothing in common) to 1 (the same once case, accents and punctuation are ignored).
    public var score: Double
    public var isCorrect: Bool
    public var diff: [Change]
    public var suggestedRating: Rating
}

/// A word as written, with its folded form for comparison.
struct Word: Sendable {
    var text: String
    var key: String

    static func split(_ text: String) -> [Word] {
        text.split(whereSeparator: { $0.isWhitespace }).compactMap { raw in
            let key = TextNormalizer.matchKey(String(raw))
            return key.isEmpty ? nil : Word(text: String(raw), key: key)
        }
    }

    /// 1 for the same word, 0.8 for a near miss (one edit in a word of 4+ letters, two in 8+), else 0.
    func similarity(to other: Word) -> Double {
        if key == other.key { return 1 }
        let longest = max(key.count, other.key.count)
        let allowed = longest >= 8 ? 2 : longest >= 4 ? 1 : 0
        guard allowed > 0, abs(key.count - other.key.count) <= allowed else { return 0 }
        return Word.editDistance(Array(key), Array(other.key), limit: allowed) <= allowed ? 0.8 : 0
    }

    /// Levenshtein distance, giving up (returning limit + 1) once it exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + [Int](repeating: 0, count: b.count)
            var rowMin = current[0]
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j] + (ca == cb ? 0 : 1), previous[j + 1] + 1, current[j] + 1)
                rowMin = min(rowMin, current[j + 1])
            }
            if rowMin > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
