import DeckBuilding
import Flashcards
import Foundation
import Testing

struct DeckUpdateTests {
    let article = """
        Rivers of Europe

        The Danube

        The Danube flows through ten countries, more than any other river in the world.

        The Rhine

        The Rhine carries more freight than any other European river.

        How long is the Danube?

        About 2,850 kilometres.
        """

    @Test func rebuildingTheSameArticleGivesTheSameIDs() throws {
        let a = try Fixture.build(text: article)
        let b = try Fixture.build(text: article)
        #expect(a.deck.cards.map(\.id) == b.deck.cards.map(\.id))
        #expect(a.deck.cards.count == 3)
    }

    @Test func anEditedAnswerKeepsItsID() throws {
        let before = try Fixture.build(text: article)
        let after = try Fixture.build(text: article.replacingOccurrences(of: "About 2,850", with: "Roughly 2,850"))
        let q = "How long is the Danube?"
        #expect(before.card(front: q)?.id == after.card(front: q)?.id)
        #expect(after.card(front: q)?.back == "Roughly 2,850 kilometres.")
    }

    @Test func rebuildKeepsPlacesAddsNewAfterTheirNeighbourAndReportsRemoved() throws {
        let old = try Fixture.build(text: article).deck
        var existing = old
        existing.cards[1].tags = ["exam"]
        let handMade = Card(kind: .basic, front: "Which river is longest?", back: "The Volga.")
        existing.cards.append(handMade)
        let edited =
            article
            .replacingOccurrences(
                of: "The Rhine\n\nThe Rhine carries more freight than any other European river.\n\n", with: ""
            )
            .replacingOccurrences(
                of: "How long",
                with:
                    "The Elbe\n\nThe Elbe rises in the Czech Republic and reaches the North Sea at Cuxhaven.\n\nHow long"
            )
        let rebuilt = try Fixture.build(text: edited).deck
        let update = DeckUpdate(existing: existing, built: rebuilt)
        #expect(update.removed.map(\.section) == [["The Rhine"]])
        #expect(update.added.map(\.section) == [["The Elbe"]])
        #expect(
            update.deck.cards.map(\.front) == [
                "What is the key point of “The Danube”?", "What is the key point of “The Elbe”?",
                "How long is the Danube?", "Which river is longest?",
            ])
        #expect(update.deck.cards[0].id == old.cards[0].id)
        #expect(update.deck.cards.last == handMade)
    }

    @Test func handAddedTagsSurviveARebuild() throws {
        var existing = try Fixture.build(text: article).deck
        existing.cards[0].tags = ["exam"]
        let update = DeckUpdate(existing: existing, built: try Fixture.build(text: article).deck)
        #expect(update.deck.cards[0].tags == ["exam"])
        #expect(update.added.isEmpty && update.removed.isEmpty)
    }

    @Test func severalArticlesAreTaggedAndDuplicatesReported() throws {
        let sources = [
            ArticleSource(name: "one.txt", bytes: Array(article.utf8)),
            ArticleSource(name: "two.txt", bytes: Array(article.utf8)),
        ]
        let r = try DeckBuilder().build(sources, title: "Rivers")
        #expect(r.deck.title == "Rivers")
        #expect(r.deck.cards.count == 3)
        #expect(r.deck.cards.allSatisfy { $0.tags == ["one"] })
        #expect(r.notes.filter { $0.message.contains("same question as a card from one.txt") }.count == 3)
        #expect(r.deck.source?.files?.map(\.path) == ["one.txt", "two.txt"])
    }
}
