import Flashcards
import Foundation
import Interchange
import Testing

struct QuizletTests {
    let plain = Card(kind: .faq, front: "What is 2+2?", back: "4")

    @Test func writesTermTabDefinitionOneCardPerLine() throws {
        let other = Card(kind: .faq, front: "Capital of France?", back: "Paris")
        let (data, adjustments) = try QuizletExport().render([plain, other])
        #expect(String(decoding: data, as: UTF8.self) == "What is 2+2?\t4\nCapital of France?\tParis\n")
        #expect(adjustments.isEmpty)
    }

    @Test func separatorsInsideFieldsAreReplacedAndReported() throws {
        let card = Card(id: CardID("c1"), kind: .faq, front: "tab\there", back: "line one\nline two\r\nthree")
        let (data, adjustments) = try QuizletExport().render([card])
        #expect(String(decoding: data, as: UTF8.self) == "tab here\tline one line two  three\n")
        #expect(
            adjustments == [
                .init(card: CardID("c1"), field: "front", separator: "\t"),
                .init(card: CardID("c1"), field: "back", separator: "\n"),
            ])
        #expect(
            adjustments[1].description
                == "card c1: the back contains the card separator (new line); each one was replaced by a space")
    }

    @Test func customSeparatorsKeepLineBreaks() throws {
        let card = Card(id: CardID("c1"), kind: .faq, front: "a;b", back: "line one\nline two")
        let (data, adjustments) = try QuizletExport(termSeparator: " :: ", cardSeparator: "\n;;\n").render([
            card, plain,
        ])
        #expect(String(decoding: data, as: UTF8.self) == "a;b :: line one\nline two\n;;\nWhat is 2+2? :: 4")
        #expect(adjustments.isEmpty)
    }

    @Test func customSeparatorInsideAFieldIsReplaced() throws {
        let card = Card(id: CardID("c1"), kind: .faq, front: "a;b", back: "x")
        let (data, adjustments) = try QuizletExport(termSeparator: "\t", cardSeparator: ";").render([card])
        #expect(String(decoding: data, as: UTF8.self) == "a b\tx")
        #expect(adjustments.map(\.separator) == [";"])
    }

    @Test(arguments: [("", "\n"), ("\t", ""), ("\t", "\t"), (";", ";;")])
    func ambiguousSeparatorsAreRefused(term: String, card: String) {
        #expect(throws: InterchangeError.self) {
            try QuizletExport(termSeparator: term, cardSeparator: card).render([plain])
        }
    }
}
