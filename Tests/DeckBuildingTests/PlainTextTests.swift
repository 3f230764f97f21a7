import DeckBuilding
import Flashcards
import Testing

struct PlainTextTests {
    @Test func spanishArticleKeepsInvertedQuestionsAndParents() throws {
        let r = try Fixture.build("cafe-es.txt")
        #expect(r.deck.title == "El café de especialidad: del grano a la taza")
        #expect(
            r.cards(.faq).map(\.front) == [
                "¿Cuánto café se usa por taza?", "¿Qué temperatura debe tener el agua?",
            ])
        #expect(
            r.card(front: "¿Qué temperatura debe tener el agua?")?.back
                == "Entre noventa y noventa y seis grados, justo por debajo del punto de ebullición.")
        #expect(r.keyPoint("Variedades")?.section == ["El origen del grano", "Variedades"])
        #expect(r.keyPoint("Altitud")?.section == ["El origen del grano", "Altitud"])
        #expect(r.keyPoint("El tueste")?.section == ["Del tueste a la taza", "El tueste"])
        #expect(r.keyPoint("La preparación")?.section == ["Del tueste a la taza", "La preparación"])
        #expect(r.keyPoint("El origen del grano") == nil)
        #expect(r.noted(.parent, containing: "El origen del grano"))
        #expect(r.noted(.skipped, containing: "SEO keyword line"))
        #expect(r.noted(.skipped, containing: "Deja un comentario"))
        #expect(r.deck.cards.allSatisfy { !$0.back.contains("comentario") })
    }

    @Test func questionAndAnswerPrefixes() throws {
        let r = try Fixture.build("qa.txt")
        let faqs = Dictionary(uniqueKeysWithValues: r.cards(.faq).map { ($0.front, $0.back) })
        #expect(
            faqs["How often should I oil the chain?"]
                == "Every few hundred kilometres, or after riding in the rain. Wipe off the excess so it does not collect grit."
        )
        #expect(faqs["What pressure should road tyres have?"] == "Most road tyres run between 80 and 100 psi.")
        // A question line with no answer before the next question is not a card.
        #expect(faqs["Why do tyres lose pressure?"] == nil)
        #expect(r.keyPoint("Brakes") != nil)
    }

    @Test func aRhetoricalQuestionInTheIntroductionIsNotAnFAQ() throws {
        let r = try Fixture.build("rhetorical.txt")
        #expect(r.cards(.faq).isEmpty)
        let intro = try #require(r.card(front: "What is “The Quiet Power of Naps” about?"))
        #expect(intro.back.hasPrefix("Have you ever wondered"))
        #expect(r.keyPoint("Timing") != nil && r.keyPoint("Length") != nil)
    }

    @Test func termListItemsMakeTermCardsAndTheSectionKeepsItsKeyPoint() throws {
        let text = """
            Glossary of Knots

            Basic Knots

            These knots cover most needs on a small boat.

            - **Bowline**: a fixed loop that does not slip or jam.
            - **Clove hitch**: a quick hitch around a post.

            Splices

            A splice joins rope by weaving the strands, and keeps more strength than any knot.
            """
        let r = try Fixture.build(text: text)
        #expect(
            r.cards(.term).map { [$0.front, $0.back] } == [
                ["Bowline", "a fixed loop that does not slip or jam."],
                ["Clove hitch", "a quick hitch around a post."],
            ])
        #expect(r.cards(.term).allSatisfy { $0.section == ["Basic Knots"] })
        #expect(r.keyPoint("Basic Knots")?.back == "These knots cover most needs on a small boat.")
    }

    @Test func codeBlocksAreLeftOutAndReported() throws {
        let text = """
            Shell Basics

            Listing Files

            The ls command lists the files in a directory, and -l adds sizes and dates.

            ```
            ls -l /tmp
            What is this?
            ```

                rm -rf build

            Moving Files

            The mv command renames a file or moves it to another directory.
            """
        let r = try Fixture.build(text: text)
        #expect(r.cards(.faq).isEmpty)
        #expect(r.notes(.skipped).filter { $0.message.contains("code block") }.count == 2)
        #expect(r.deck.cards.allSatisfy { !$0.back.contains("rm -rf") && !($0.context ?? "").contains("ls -l") })
    }

    @Test func boilerplateAndSocialLinesAreLeftOut() throws {
        let text = """
            Keeping Bees in the City

            Rooftop Hives

            Rooftop hives are safe for neighbours when the entrance faces away from walkways.

            Share this:

            Facebook Twitter LinkedIn

            We use cookies on this site. By continuing you accept our cookie policy.

            Feeding

            City bees find forage in parks and gardens from spring to late autumn.

            Related posts

            Ten Plants Bees Love

            How to Start Beekeeping
            """
        let r = try Fixture.build(text: text)
        #expect(r.deck.cards.map(\.section) == [["Rooftop Hives"], ["Feeding"]])
        #expect(r.noted(.skipped, containing: "site boilerplate “Share this:”"))
        #expect(r.noted(.skipped, containing: "social links"))
        #expect(r.noted(.skipped, containing: "cookie notice"))
        #expect(r.noted(.skipped, containing: "“Related posts” and the 2 blocks after it"))
    }

    @Test func fullWidthQuestionMarkMakesAnFAQ() throws {
        let text = """
            绿茶入门

            冲泡

            绿茶适合用八十度左右的水冲泡，水太热会让茶汤变苦。

            绿茶可以放多久？

            密封冷藏可以保存一年左右。

            绿茶含有咖啡因吗？

            含有，但比咖啡少。
            """
        let r = try Fixture.build(text: text)
        #expect(r.cards(.faq).map(\.front) == ["绿茶可以放多久？", "绿茶含有咖啡因吗？"])
        #expect(r.card(front: "绿茶可以放多久？")?.back == "密封冷藏可以保存一年左右。")
    }

    @Test func sectionsThatOnlyShareHeadingWordsStayApart() throws {
        let r = try Fixture.build("same-words.txt")
        let impacts = r.cards(.keypoint).filter { $0.section.last == "Economic Impact" }
        #expect(
            impacts.map(\.section) == [
                ["Canals in Britain", "Economic Impact"], ["Canals in France", "Economic Impact"],
            ])
        #expect(r.notes(.merged).isEmpty)
        #expect(Set(impacts.map(\.id)).count == 2)
    }

    @Test func aQuestionInsideAParagraphIsNotAnFAQ() throws {
        let text = """
            Rising Prices

            Groceries

            Prices rose again this spring. Why does this keep happening? Economists point to energy costs.

            Rents

            Rents in the capital rose faster than wages for the fifth year running.
            """
        let r = try Fixture.build(text: text)
        #expect(r.cards(.faq).isEmpty)
        #expect(r.keyPoint("Groceries")?.back == "Prices rose again this spring. Why does this keep happening?")
    }

    @Test func anFAQAnswerMaySpanSeveralParagraphs() throws {
        let text = """
            Compost Basics

            Frequently Asked Questions

            Does compost smell?

            Not when it has enough brown material such as dry leaves.

            A smell of ammonia means too much green material: add cardboard.

            How long does it take?

            Six months to a year.
            """
        let r = try Fixture.build(text: text)
        #expect(
            r.card(front: "Does compost smell?")?.back
                == "Not when it has enough brown material such as dry leaves.\n\nA smell of ammonia means too much green material: add cardboard."
        )
        #expect(r.cards(.faq).allSatisfy { $0.section == ["Frequently Asked Questions"] })
        #expect(r.cards(.keypoint).isEmpty)
    }
}
