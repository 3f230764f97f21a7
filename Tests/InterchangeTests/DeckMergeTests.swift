import Flashcards
import Interchange
import Testing

struct DeckMergeTests {
    let existing = Deck(
        title: "Cells",
        cards: [
            Card(id: CardID("aaa"), kind: .faq, front: "What is a cell?", back: "A unit", tags: ["bio"]),
            Card(
                id: CardID("bbb"), kind: .keypoint, front: "Mitochondria", back: "Powerhouse", section: ["Organelles"]),
        ])

    @Test func matchesByIdThenByFrontAndKeepsIds() throws {
        let rows = [
            ImportedCard(line: 2, id: "aaa", front: "What is a cell?", back: "The smallest unit of life"),
            ImportedCard(line: 3, front: "mitochondria!", back: "Powerhouse"),
            ImportedCard(line: 4, front: "Ribosome", back: "Makes proteins", tags: ["new"]),
        ]
        let (deck, summary) = try DeckMerge.merge(rows, into: existing)
        #expect(summary == ImportSummary(added: 1, updated: 2, unchanged: 0))
        #expect(deck.cards.map(\.id) == [CardID("aaa"), CardID("bbb"), .derived(kind: .basic, question: "Ribosome")])
        #expect(deck.cards[0].back == "The smallest unit of life")
        #expect(deck.cards[0].tags == ["bio"], "a column the file lacks is left alone")
        #expect(deck.cards[1].front == "mitochondria!")
        #expect(deck.cards[1].section == ["Organelles"])
        #expect(deck.cards[2].tags == ["new"])
    }

    @Test func identicalRowsCountAsUnchanged() throws {
        let rows = existing.cards.enumerated().map { i, card in
            ImportedCard(line: i + 2, id: card.id.rawValue, front: card.front, back: card.back)
        }
        let (deck, summary) = try DeckMerge.merge(rows, into: existing)
        #expect(summary == ImportSummary(added: 0, updated: 0, unchanged: 2))
        #expect(deck == existing)
    }

    @Test func textIsMadeInertBeforeItIsStored() throws {
        let rows = [
            ImportedCard(
                line: 2, id: " id\u{1B}[2J1 ", front: "Q\u{1B}]0;pwned\u{07}?", back: "a\u{1B}[31mred\r\nb",
                tags: ["t\u{9B}1m"])
        ]
        let card = try #require(try DeckMerge.merge(rows, into: Deck(title: "x")).deck.cards.first)
        #expect(card.id == CardID("id1"))
        #expect(card.front == "Q?")
        #expect(card.back == "ared\nb")
        #expect(card.tags == ["t"])
    }

    @Test func duplicateRowsAndEmptyFrontsAreRefused() {
        let rows = [
            ImportedCard(line: 2, front: "Same?", back: "1"),
            ImportedCard(line: 3, front: "same", back: "2"),
            ImportedCard(line: 4, id: "aaa", front: "x", back: "y"),
            ImportedCard(line: 5, front: "What is a cell?", back: "z"),
            ImportedCard(line: 6, front: "  \n", back: "z"),
        ]
        #expect(
            throws: InterchangeError.invalidInput([
                InputProblem(
                    line: 3,
                    "its id \(CardID.derived(kind: .basic, question: "same")), derived from kind and question, is already taken by the card on line 2"
                ),
                InputProblem(line: 5, "the same card as line 4 (id aaa); a card may appear once"),
                InputProblem(line: 6, "the front (question) is empty"),
            ])
        ) { try DeckMerge.merge(rows, into: existing) }
    }

    @Test func sameQuestionOfAnotherKindIsANewCard() throws {
        let rows = [ImportedCard(line: 2, id: "new1", front: "Mitochondria", back: "x", kind: "faq")]
        let (deck, summary) = try DeckMerge.merge(rows, into: existing)
        #expect(summary.added == 1)
        #expect(deck.cards.last?.id == CardID("new1"))
    }
}
