import Flashcards
import Foundation
import Testing

@testable import Quizzes

struct TrueFalseAndGradingTests {
    @Test(arguments: [4, 7, 10, 16])
    func trueFalseIsBalanced(count: Int) throws {
        let deck = try GeographyDeck.load()
        var oddTrues = Set<Int>()
        for seed in UInt64(1)...20 {
            let quiz = try QuizGenerator(mode: .truefalse, questionCount: count, seed: seed).generate(from: deck)
            var trues = 0
            for q in quiz.questions {
                guard case .truefalse(let proposed, let isTrue) = q.form else {
                    Issue.record("not true/false")
                    continue
                }
                if isTrue {
                    trues += 1
                    #expect(proposed == q.answer)
                } else {
                    // A false statement pairs the question with another card's, clearly different, answer.
                    #expect(proposed != q.answer)
                    #expect(!AnswerResemblance(matcher: AnswerMatcher()).nearlyEqual(proposed, q.answer))
                    #expect(deck.cards.contains { $0.back == proposed && $0.id != q.cardID })
                }
            }
            #expect(abs(trues - (count - trues)) <= count % 2, "seed \(seed): \(trues) true of \(count)")
            if count % 2 == 1 { oddTrues.insert(trues) }
        }
        // With an odd count, the extra one is sometimes true and sometimes false.
        if count % 2 == 1 { #expect(oddTrues.count == 2) }
    }

    @Test func typedAnswersAreGradedLikeStudySessions() throws {
        let q = QuizQuestion(
            number: 1, cardID: CardID("x"), prompt: "Capital of Portugal?", answer: "Lisbon", form: .typed)
        for given in ["Lisbon", "lisbon", "  LISBON. ", "Lisbôn"] {
            #expect(try q.grade(given).get().isCorrect, "\(given)")
        }
        for given in ["Madrid", "", "Lisbon Madrid Rome"] {
            #expect(try !q.grade(given).get().isCorrect, "\(given)")
        }
        // The verdict, score and diff are the answer matcher's, exactly as in study sessions.
        let matcher = AnswerMatcher()
        for given in ["Lisbn", "Lisboa", "lisbon!", "the Lisbon"] {
            let graded = try q.grade(given).get()
            let match = matcher.match(given: given, expected: "Lisbon")
            #expect(graded.isCorrect == match.isCorrect, "\(given)")
            #expect(graded.matchScore == match.score)
            #expect(graded.diff == match.diff)
        }
        // A typo in a longer answer is forgiven.
        let river = QuizQuestion(number: 2, cardID: CardID("y"), prompt: "River?", answer: "The Danube", form: .typed)
        let typo = try river.grade("the danub").get()
        #expect(typo.isCorrect)
        #expect(typo.diff == [.same("The"), .near(given: "danub", expected: "Danube")])
    }

    @Test func choiceAcceptsLetterNumberOrText() throws {
        let q = QuizQuestion(
            number: 1, cardID: CardID("x"), prompt: "Capital of Spain?", answer: "Madrid",
            form: .choice(options: ["Rome", "Madrid", "Berlin"], correct: 1))
        for given in ["B", "b", " b ", "2", "madrid", "MADRID!"] {
            #expect(try q.grade(given).get().isCorrect, "\(given)")
            #expect(try q.grade(given).get().choice == "B")
        }
        #expect(try !q.grade("A").get().isCorrect)
        #expect(try !q.grade("berlin").get().isCorrect)
        for bad in ["D", "4", "", "Lisbon", "AB"] {
            #expect(q.grade(bad) == .failure(.notAnOption(letters: "A, B, C")), "\(bad)")
        }
    }

    @Test func trueFalseAcceptsTheUsualWords() throws {
        let q = QuizQuestion(
            number: 1, cardID: CardID("x"), prompt: "Capital of Spain?", answer: "Madrid",
            form: .truefalse(proposed: "Rome", isTrue: false))
        for given in ["f", "F", "false", "False.", "n", "no"] {
            #expect(try q.grade(given).get().isCorrect, "\(given)")
        }
        for given in ["t", "TRUE", "y", "yes"] { #expect(try !q.grade(given).get().isCorrect, "\(given)") }
        for bad in ["", "maybe", "A"] { #expect(q.grade(bad) == .failure(.notTrueOrFalse), "\(bad)") }
    }
}
