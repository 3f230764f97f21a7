import Flashcards
import Testing

@testable import Trainer

struct CardEditorTests {
    let card = Card(
        kind: .faq, front: "What is ATP?", back: "The cell's energy currency.", context: "ATP carries energy.")

    @Test func renderedCardParsesBackUnchanged() throws {
        #expect(try CardEditor.parse(CardEditor.render(card), into: card) == card)
    }

    @Test func editsKeepTheIdAndDropControlSequences() throws {
        let text = CardEditor.render(card)
            .replacingOccurrences(of: "The cell's energy currency.", with: "Energy \u{1B}[31mcurrency\u{1B}[0m")
            .replacingOccurrences(of: "What is ATP?", with: "What is adenosine triphosphate?")
        let edited = try #require(try CardEditor.parse(text, into: card))
        #expect(edited.id == card.id)
        #expect(edited.back == "Energy currency")
        #expect(edited.front == "What is adenosine triphosphate?")
    }

    @Test func emptiedFileCancels() throws {
        #expect(try CardEditor.parse("# nothing\n\n", into: card) == nil)
    }

    @Test func emptyBackIsRefused() {
        let text = CardEditor.render(card).replacingOccurrences(of: "The cell's energy currency.", with: "")
        #expect(throws: CardEditor.EditError.self) { try CardEditor.parse(text, into: card) }
    }
}
