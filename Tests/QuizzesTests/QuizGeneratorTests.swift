import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Quizzes

struct QuizGeneratorTests {
    @Test func sameDeckAndSeedGiveTheSameQuiz() throws {
        let deck = try GeographyDeck.load()
        let a = try QuizGenerator(seed: 42).generate(from: deck)
        let b = try QuizGenerator(seed: 42).generate(from: deck)
        #expect(a == b)
        let c = try QuizGenerator(seed: 43).generate(from: deck)
        #expect(a.questions != c.questions)
    }

    @Test func cardOrderInTheDeckDoesNotChangeTheQuiz() throws {
        var deck = try GeographyDeck.load()
        let a = try QuizGenerator(seed: 9).generate(from: deck)
        deck.cards.reverse()
        #expect(try QuizGenerator(seed: 9).generate(from: deck) == a)
    }

    /// Pins the whole quiz for one seed, so a change of algorithm or platform shows up here.
    @Test func goldenQuizForSeed42() throws {
        let quiz = try QuizGenerator(seed: 42).generate(from: GeographyDeck.load())
        #expect(Golden.check(Self.dump(quiz), target: "QuizzesTests", name: "quiz-seed-42.txt") == nil)
    }

    @Test func seededDrawsArePinned() {
        var generator = SeededGenerator(seed: 1)
        let indices = (0..<8).map { _ in generator.index(below: 10) }
        var items = Array(0..<10)
        generator.shuffle(&items)
        // SplitMix64 and the draws are ours, so these never change with the Swift version.
        #expect(Golden.check("\(indices)\n\(items)\n", target: "QuizzesTests", name: "draws-seed-1.txt") == nil)
    }

    @Test func askingForMoreQuestionsThanCardsSaysSo() throws {
        let deck = GeographyDeck.small([("One?", "Alpha"), ("Two?", "Beta"), ("Three?", "Gamma")])
        let quiz = try QuizGenerator(questionCount: 10, seed: 1).generate(from: deck)
        #expect(quiz.questions.count == 3)
        #expect(quiz.notes.contains { $0.contains("3 questions, not 10") })
        #expect(quiz.questions.map(\.number) == [1, 2, 3])
    }

    @Test func cardsWithoutWordsAreNotAsked() throws {
        let deck = GeographyDeck.small([("Real?", "Yes"), ("?!", "Nothing"), ("Blank answer", "  ")])
        let quiz = try QuizGenerator(mode: .typed, seed: 1).generate(from: deck)
        #expect(quiz.questions.map(\.prompt) == ["Real?"])
    }

    @Test func deckWithNothingToAskIsAnError() {
        #expect(throws: QuizError.noQuestions(deck: "Small")) {
            try QuizGenerator(seed: 1).generate(from: GeographyDeck.small([("...", "")]))
        }
        #expect(throws: QuizError.badQuestionCount(0)) {
            try QuizGenerator(questionCount: 0, seed: 1).generate(from: GeographyDeck.small([("A?", "B")]))
        }
    }

    @Test func mixedModeDealsTheKindsEvenly() throws {
        let deck = GeographyDeck.small((1...12).map { ("Question \($0)?", "Answer number \($0)") })
        for seed in UInt64(1)...20 {
            let quiz = try QuizGenerator(mode: .mixed, questionCount: 12, seed: seed).generate(from: deck)
            let counts = Dictionary(grouping: quiz.questions, by: \.kind).mapValues(\.count)
            #expect(counts == [.choice: 4, .truefalse: 4, .typed: 4], "seed \(seed)")
        }
    }

    @Test func mixedModeNeverAsksToTypeALongAnswer() throws {
        let deck = try GeographyDeck.load()
        for seed in UInt64(1)...30 {
            let quiz = try QuizGenerator(mode: .mixed, questionCount: 16, seed: seed).generate(from: deck)
            for q in quiz.questions where q.kind == .typed {
                #expect(TextNormalizer.matchKey(q.answer).split(separator: " ").count <= QuizGenerator.typedWordLimit)
            }
        }
    }

    @Test func eachModeAsksOnlyItsKind() throws {
        let deck = try GeographyDeck.load()
        for (mode, kind) in [(QuizMode.choice, QuestionKind.choice), (.truefalse, .truefalse), (.typed, .typed)] {
            let quiz = try QuizGenerator(mode: mode, questionCount: 16, seed: 5).generate(from: deck)
            #expect(quiz.questions.allSatisfy { $0.kind == kind }, "\(mode)")
        }
    }

    /// A readable dump of everything that makes a quiz: order, kinds, options, truths.
    static func dump(_ quiz: Quiz) -> String {
        var out = "\(quiz.deckTitle) seed \(quiz.seed) \(quiz.mode.rawValue)\n"
        for note in quiz.notes { out += "note: \(note)\n" }
        for q in quiz.questions {
            out += "\(q.number). [\(q.kind.rawValue)] \(q.cardID) \(q.prompt)\n"
            switch q.form {
            case .choice(let options, let correct):
                for (i, o) in options.enumerated() { out += "   \(i == correct ? "*" : " ") \(o)\n" }
            case .truefalse(let proposed, let isTrue):
                out += "   \(isTrue ? "TRUE" : "FALSE"): \(proposed)\n"
            case .typed:
                out += "   = \(q.answer)\n"
            }
        }
        return out
    }
}
