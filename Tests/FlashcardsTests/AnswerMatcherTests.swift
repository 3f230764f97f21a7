import Flashcards
import Testing

struct AnswerMatcherTests {
    let matcher = AnswerMatcher()

    @Test func caseAccentsPunctuationAndSpacesAreIgnored() {
        let m = matcher.match(given: "  the  CAFE, in   zurich ", expected: "The café in Zürich.")
        #expect(m.score == 1)
        #expect(m.isCorrect)
        #expect(m.suggestedRating == .good)
        #expect(m.diff == [.same("The"), .same("café"), .same("in"), .same("Zürich.")])
    }

    @Test func smallTypoIsNearAndStillCorrect() {
        let m = matcher.match(given: "Pyongyang is the capitol", expected: "Pyongyang is the capital")
        #expect(m.diff.contains(.near(given: "capitol", expected: "capital")))
        #expect(m.isCorrect)
    }

    @Test func shortWordsGetNoTypoAllowance() {
        let m = matcher.match(given: "cat", expected: "car")
        #expect(m.score == 0)
        #expect(m.suggestedRating == .again)
    }

    @Test func partialAnswerSuggestsHard() {
        let m = matcher.match(
            given: "lessen reliance on China", expected: "to lessen its reliance on China and broaden alliances")
        #expect(!m.isCorrect)
        #expect(m.suggestedRating == .hard)
        #expect(m.diff.contains(.missing("broaden")))
    }

    @Test func wrongAnswerIsAgainWithExtraWords() {
        let m = matcher.match(given: "bananas", expected: "Economic cooperation")
        #expect(m.score == 0)
        #expect(m.suggestedRating == .again)
        #expect(m.diff.contains(.extra("bananas")))
        #expect(m.diff.contains(.missing("Economic")))
    }

    @Test func emptyAnswerIsNeverCorrect() {
        #expect(!matcher.match(given: "", expected: "Paris").isCorrect)
        #expect(!matcher.match(given: "...", expected: "Paris").isCorrect)
    }

    @Test func wordOrderMatters() {
        let m = matcher.match(given: "relations China North Korea", expected: "North Korea relations China")
        #expect(m.score < 1)
        #expect(m.diff.count > 4)
    }
}
