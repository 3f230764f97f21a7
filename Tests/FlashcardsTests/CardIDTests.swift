import Flashcards
import Foundation
import Testing

struct CardIDTests {
    @Test func sameQuestionGivesSameID() {
        let a = CardID.derived(kind: .faq, question: "What prompted Kim Jong Un to meet with Russia?")
        let b = CardID.derived(kind: .faq, question: "What prompted Kim Jong Un to meet with Russia?")
        #expect(a == b)
        #expect(a.rawValue.count == 12)
        #expect(a.rawValue.allSatisfy { $0.isHexDigit })
    }

    @Test func cosmeticEditsKeepTheID() {
        let a = CardID.derived(kind: .faq, question: "What is  spaced repetition?")
        let b = CardID.derived(kind: .faq, question: "what is spaced repetition")
        #expect(a == b)
    }

    @Test func differentQuestionsOrKindsDiffer() {
        #expect(
            CardID.derived(kind: .faq, question: "What is A?") != CardID.derived(kind: .faq, question: "What is B?"))
        #expect(CardID.derived(kind: .faq, question: "Topic") != CardID.derived(kind: .keypoint, question: "Topic"))
    }

    @Test func idIsPinned() {
        // Ids are stored in decks and progress files: a change here orphans every user's progress.
        #expect(CardID.derived(kind: .faq, question: "What is recall?").rawValue == "a2a8c5035e18")
    }

    @Test func answerEditKeepsID() {
        let card = Card(kind: .faq, front: "Why?", back: "Because.")
        let edited = Card(kind: .faq, front: "Why?", back: "Because, really.")
        #expect(card.id == edited.id)
    }
}

struct MatchKeyFastPathTests {
    @Test(arguments: [
        "What is the key point of \"The Cold War\" (1947-1991)?", "  A\tB\nC  ", "x_y-z.w", "MiXeD 123 ~!@#$%^&*()",
        "\u{07}bell\u{7F}del", "", "What is the key point of “The Cold War” — in 1947…? ‘Yes’ «non» ¿si? ¡ya!\u{A0}ok",
    ])
    func asciiFastPathAgreesWithFoundationFolding(text: String) {
        // Café forces the Foundation path; removing it from both sides leaves the ASCII answer.
        let slow = TextNormalizer.matchKey(text + " café").replacingOccurrences(of: " cafe", with: "")
            .replacingOccurrences(of: "cafe", with: "")
        #expect(TextNormalizer.matchKey(text) == slow)
    }
}
