import DeckBuilding
import Flashcards
import Foundation
import TestSupport
import Testing

/// The acceptance check of issue 2, on the seed article exactly as shared.
struct SeedArticleTests {
    let result: BuildResult

    init() throws {
        let url = Paths.shared.appendingPathComponent("seed/article.txt")
        let bytes = Array(try Data(contentsOf: url))
        result = try DeckBuilder().build([ArticleSource(name: url.path, bytes: bytes)])
    }

    @Test func makesExactlyTheFourFAQCardsVerbatim() {
        let faqs = result.cards(.faq).map { [$0.front, $0.back] }
        #expect(
            faqs == [
                [
                    "What prompted Kim Jong Un to meet with Russia?",
                    "North Korea’s goal under Kim Jong Un is to lessen its reliance on China and broaden its international alliances.",
                ],
                [
                    "How does this meeting affect North Korea’s relations with the United States?",
                    "It may possibly be used as leverage in upcoming talks between the US and North Korea.",
                ],
                [
                    "What are the key topics on the meeting’s agenda?",
                    "Security and economic cooperation in Northeast Asia are two of the main agenda themes.",
                ],
                [
                    "Could this meeting strain China-North Korea relations?",
                    "It is possible that the meeting could cause tensions between China and North Korea because of North Korea’s aspirations to broaden its international ties.",
                ],
            ])
    }

    @Test func makesTheEightKeyPointsUnderTheirParents() {
        let titled = result.cards(.keypoint).filter { !$0.section.isEmpty }.map(\.section)
        #expect(
            titled == [
                ["The Historical Context"],
                ["The Cold War Legacy"],
                ["The Significance of the Meeting", "Strengthening Alliances"],
                ["The Significance of the Meeting", "Nuclear Diplomacy"],
                ["The Agenda Unveiled", "Economic Cooperation"],
                ["The Agenda Unveiled", "Security and Regional Stability"],
                ["The Global Ramifications", "Impact on U.S.-North Korea Relations"],
                ["The Global Ramifications", "Implications for China"],
            ])
        #expect(
            result.keyPoint("Strengthening Alliances")?.front
                == "What is the key point of “Strengthening Alliances” in “The Significance of the Meeting”?")
    }

    @Test func mergesTheTwoNearDuplicatesIntoTheFirst() {
        #expect(result.keyPoint("Economic Cooperation")?.aliases == ["Economic Collaboration"])
        #expect(result.keyPoint("Security and Regional Stability")?.aliases == ["Regional Stability"])
        #expect(result.notes(.merged).count == 2)
        #expect(result.deck.cards.allSatisfy { !$0.section.contains("The Meeting’s Key Points") })
    }

    @Test func nothingElseButOneIntroductionAndOneClosingCard() {
        let untitled = result.cards(.keypoint).filter { $0.section.isEmpty }
        #expect(untitled.count <= 2)
        #expect(untitled.filter { $0.front.hasSuffix("about?") }.count <= 1)
        #expect(untitled.filter { $0.front.hasSuffix("conclude?") }.count <= 1)
        #expect(result.deck.cards.count == 4 + 8 + untitled.count)
        #expect(result.cards(.term).isEmpty)
    }

    @Test func leavesOutNoiseAndTheKeywordLine() {
        for card in result.deck.cards {
            for field in [card.front, card.back, card.context ?? ""] + card.section {
                #expect(!field.contains("Leave a Comment"))
                #expect(field != "north korean leader kim jong un")
            }
        }
        #expect(result.noted(.skipped, containing: "SEO keyword line “north korean leader kim jong un”"))
        #expect(result.noted(.skipped, containing: "Leave a Comment"))
    }

    @Test func keepsTheTitle() {
        #expect(
            result.deck.title == "Exploring the Diplomatic Dance: North Korean Leader Kim Jong Un Meeting with Russia")
    }

    @Test func keyPointsKeepTheirParagraphAsContext() throws {
        let card = try #require(result.keyPoint("The Cold War Legacy"))
        #expect(card.back.hasPrefix("North Korea was in a difficult position throughout the Cold War"))
        #expect(
            card.context?.hasSuffix("North Korea and Russia’s current ties are shadowed by this historical context.")
                == true)
    }
}
