import Flashcards
import Foundation
import Testing

@testable import Quizzes

struct DistractorTests {
    let resemblance = AnswerResemblance(matcher: AnswerMatcher())

    @Test(arguments: UInt64(1)...25)
    func optionsAreDistinctAndOnlyOneIsRight(seed: UInt64) throws {
        let quiz = try QuizGenerator(mode: .choice, questionCount: 16, seed: seed).generate(from: GeographyDeck.load())
        for q in quiz.questions {
            guard case .choice(let options, let correct) = q.form else {
                Issue.record("question \(q.number) is not a choice")
                continue
            }
            #expect(options[correct] == q.answer)
            #expect(options.count <= QuizGenerator.optionCount)
            for (i, option) in options.enumerated() where i != correct {
                #expect(!resemblance.nearlyEqual(option, q.answer), "'\(option)' is near '\(q.answer)'")
            }
            for i in options.indices {
                for j in options.indices where j > i {
                    #expect(!resemblance.nearlyEqual(options[i], options[j]), "'\(options[i])' ~ '\(options[j])'")
                }
            }
        }
    }

    @Test func nearEqualAnswersAreNeverOffered() throws {
        let deck = try GeographyDeck.load()
        let picker = DistractorPicker(cards: QuizGenerator.askableCards(deck), resemblance: resemblance)
        let paris = try #require(deck.cards.first { $0.back == "Paris" })
        let lisbon = try #require(deck.cards.first { $0.back == "Lisbon" })
        #expect(!picker.pool(for: paris).map(\.back).contains("paris!"))
        #expect(!picker.pool(for: lisbon).map(\.back).contains("Lisbonn"))
        #expect(resemblance.nearlyEqual("Paris", "paris!"))
        #expect(resemblance.nearlyEqual("Lisbon", "Lisbonn"))
        #expect(!resemblance.nearlyEqual("Paris", "Rome"))
    }

    @Test func distractorsResembleTheAnswer() throws {
        let deck = try GeographyDeck.load()
        let picker = DistractorPicker(cards: QuizGenerator.askableCards(deck), resemblance: resemblance)
        let byBack = Dictionary(uniqueKeysWithValues: deck.cards.map { ($0.back, $0) })
        // A one-word capital gets one- or two-word faq answers, never a definition.
        let madrid = try #require(byBack["Madrid"])
        #expect(picker.pool(for: madrid).allSatisfy { $0.kind == .faq })
        // A key point gets the other key points first: same kind, similar length.
        let sky = try #require(byBack.values.first { $0.front == "Why is the sky blue?" })
        #expect(picker.pool(for: sky).prefix(2).allSatisfy { $0.kind == .keypoint })
        #expect(!picker.pool(for: sky).contains { $0.back == "Rome" })
    }

    @Test func tooFewCardsGiveFewerOptionsSaidPlainly() throws {
        let deck = GeographyDeck.small([("Capital of France?", "Paris"), ("Capital of Spain?", "Madrid")])
        let quiz = try QuizGenerator(mode: .choice, seed: 3).generate(from: deck)
        for q in quiz.questions {
            guard case .choice(let options, _) = q.form else {
                Issue.record("not a choice")
                continue
            }
            #expect(options.count == 2)
        }
        #expect(quiz.notes.contains { $0.contains("has 2 options, not 4") })
    }

    @Test func aLoneCardIsTypedInsteadOfAChoiceOfOne() throws {
        let quiz = try QuizGenerator(mode: .choice, seed: 3).generate(
            from: GeographyDeck.small([("Capital of France?", "Paris")]))
        #expect(quiz.questions.first?.kind == .typed)
        #expect(quiz.notes.contains { $0.contains("no other answer") })
    }
}
