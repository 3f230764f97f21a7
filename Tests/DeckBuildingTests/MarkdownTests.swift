import DeckBuilding
import Flashcards
import Testing

struct MarkdownTests {
    @Test func boldQuestionLinesAndPrefixedQuestionsAreFAQs() throws {
        let r = try Fixture.build("kimchi.md")
        #expect(
            r.cards(.faq).map { [$0.front, $0.back] } == [
                [
                    "How long does kimchi keep?",
                    "In the refrigerator, kimchi keeps for three to six months; it becomes more sour with time.",
                ],
                [
                    "Is kimchi vegan?",
                    "Not usually, because of the fish sauce and salted seafood. Vegan versions use soy sauce or seaweed instead.",
                ],
                ["Can I use ordinary cabbage?", "Yes, although the leaves are firmer and take longer to salt."],
            ])
        #expect(r.cards(.faq).allSatisfy { $0.section == ["FAQ"] })
    }

    @Test func headingTreeTermsAndNoise() throws {
        let r = try Fixture.build("kimchi.md")
        #expect(r.deck.title == "Making Kimchi at Home")
        #expect(r.keyPoint("Cabbage")?.section == ["Ingredients", "Cabbage"])
        #expect(r.keyPoint("Seasoning Paste")?.back.hasPrefix("The paste mixes gochugaru chilli flakes") == true)
        #expect(r.keyPoint("Ingredients") == nil)
        #expect(r.keyPoint("FAQ") == nil)
        #expect(r.cards(.term).map(\.front) == ["Gochugaru", "Jeotgal"])
        #expect(r.noted(.skipped, containing: "code block"))
        #expect(r.noted(.skipped, containing: "SEO keyword line"))
        #expect(r.noted(.skipped, containing: "Share this:"))
        #expect(r.deck.cards.allSatisfy { !($0.context ?? "").contains("ferment(") })
    }

    @Test func formatIsDetectedFromExtensionAndContent() {
        #expect(ArticleFormat.detect(fileName: "a.md", text: "plain") == .markdown)
        #expect(ArticleFormat.detect(fileName: "a.HTML", text: "plain") == .html)
        #expect(ArticleFormat.detect(fileName: "-", text: "  <!DOCTYPE html><p>x</p>") == .html)
        #expect(ArticleFormat.detect(fileName: "notes.txt", text: "<html><body>x</body></html>") == .html)
        #expect(ArticleFormat.detect(fileName: "-", text: "Title\n\n## Section\n\nText.") == .markdown)
        #expect(ArticleFormat.detect(fileName: "a.txt", text: "Title\n\nSection\n\nText.") == .text)
    }
}
