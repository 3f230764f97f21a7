import DeckBuilding
import Flashcards
import HTMLTree
import Testing

struct HTMLTests {
    @Test func detailsHeadingAndJSONLDQuestionsAreFAQs() throws {
        let r = try Fixture.build("sourdough.html")
        let faqs = r.cards(.faq)
        #expect(
            faqs.map(\.front) == [
                "Why is my bread dense?", "How long does a starter take?", "Does sourdough contain gluten?",
                "Can I freeze sourdough bread?",
            ])
        #expect(
            r.card(front: "Why is my bread dense?")?.back
                == "Usually the starter was not active enough, or the dough did not rise long enough in a cool kitchen.\n\nTry a longer bulk fermentation."
        )
        // Entities decoded by the parser: &nbsp; and &mdash;.
        #expect(
            r.card(front: "Does sourdough contain gluten?")?.back
                == "Yes — it is made with wheat flour, although long fermentation breaks some of it down.")
        #expect(
            r.card(front: "Can I freeze sourdough bread?")?.back
                == "Yes. Slice it first, then freeze it for up to three months.")
        // The visible answer wins over the JSON-LD copy of the same question.
        #expect(
            r.card(front: "How long does a starter take?")?.back
                == "About five to seven days of daily feeding, until it doubles reliably.")
        #expect(r.noted(.skipped, containing: "duplicate faq card “How long does a starter take?”"))
        #expect(faqs.allSatisfy { $0.section == ["Questions & Answers"] || $0.section.isEmpty })
    }

    @Test func headingsBecomeKeyPointsWithParents() throws {
        let r = try Fixture.build("sourdough.html")
        #expect(r.deck.title == "Sourdough Basics")
        #expect(r.keyPoint("Autolyse")?.section == ["Making the Dough", "Autolyse"])
        #expect(r.keyPoint("Autolyse")?.front == "What is the key point of “Autolyse” in “Making the Dough”?")
        #expect(r.keyPoint("Making the Dough") == nil)
        #expect(r.keyPoint("The Starter")?.back.hasPrefix("A starter is a paste of flour and water") == true)
        #expect(r.cards(.term).map(\.front) == ["Hydration", "Levain"])
        #expect(r.card(front: "Levain")?.back == "the portion of starter mixed into a particular dough.")
    }

    @Test func pageFurnitureCodeAndKeywordLinesAreLeftOut() throws {
        let r = try Fixture.build("sourdough.html")
        let all = r.deck.cards.flatMap { [$0.front, $0.back, $0.context ?? ""] }.joined(separator: " ")
        for noise in [
            "Recipes", "Popular posts", "cookies", "All rights reserved", "flour = 500", "Share on Facebook",
            "dataLayer",
        ] {
            #expect(!all.contains(noise), "\(noise)")
        }
        #expect(
            r.deck.cards.allSatisfy {
                !$0.back.hasPrefix("bread raised") && !($0.context ?? "").hasPrefix("bread raised")
            })
        #expect(r.noted(.skipped, containing: "code block <pre>"))
        #expect(r.noted(.skipped, containing: "share block <div>"))
        #expect(r.noted(.skipped, containing: "the page around <article>"))
        #expect(r.noted(.skipped, containing: "SEO keyword line"))
        #expect(r.notes(.skipped).allSatisfy { $0.file == "sourdough.html" })
    }

    @Test func furnitureIsReportedWhenThePageHasNoArticleElement() throws {
        let html = """
            <html><head><title>Tides</title><script>track()</script></head><body>
            <header><a href="/">Sea Blog</a></header>
            <nav><a href="/">Home</a></nav>
            <h2>Spring Tides</h2><p>Spring tides happen at new and full moon.</p>
            <aside><h2>Popular</h2><p>Other posts.</p></aside>
            <div id="comments"><h3>3 Comments</h3><p>Great post!</p></div>
            <footer>© Sea Blog</footer>
            </body></html>
            """
        let r = try Fixture.build(text: html, name: "tides.html")
        #expect(r.deck.title == "Tides")
        #expect(r.deck.cards.map(\.section) == [["Spring Tides"]])
        for note in [
            "page header <header>", "navigation <nav>", "sidebar <aside>", "comments block <div>",
            "page footer <footer>",
        ] {
            #expect(r.noted(.skipped, containing: note), "\(note)")
        }
    }

    @Test func parserRepairsUnclosedTagsAndDecodesEntities() {
        let doc = HTMLDocument("<p>Don&rsquo;t <b>stop<p>Caf&eacute;&nbsp;au lait")
        let paragraphs = doc.body.descendants(named: "p").map(\.textContent)
        #expect(paragraphs == ["Don’t stop", "Café\u{A0}au lait"])
    }

    @Test func metaCharsetCannotOverrideUTF8() {
        let doc = HTMLDocument(
            "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Crème brûlée</p></body></html>")
        #expect(doc.body.firstDescendant(named: "p")?.textContent == "Crème brûlée")
    }

    @Test func paragraphTextAndMarkupAreStripped() throws {
        let html = """
            <h1>Tides</h1><h2>Spring Tides</h2>
            <p>Spring tides happen when the <em>sun</em> and <a href="#">moon</a> line up.<br>They are the highest tides.</p>
            """
        let r = try Fixture.build(text: html, name: "tides.html")
        #expect(
            r.keyPoint("Spring Tides")?.back
                == "Spring tides happen when the sun and moon line up. They are the highest tides.")
    }

    @Test func jsonLDInAGraphAndHeadingQuestionsWithoutAnswersAreHandled() throws {
        let html = """
            <html><head><title>Kites</title>
            <script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, {"@type": ["FAQPage"],
              "mainEntity": {"@type": "Question", "name": "What wind suits a kite?",
                "acceptedAnswer": [{"@type": "Answer", "text": "<p>A steady breeze of 10&ndash;20 km/h.</p>"}]}}]}</script>
            <script type="application/ld+json">{not json</script>
            </head><body><h2>Why fly kites?</h2><h3>For fun</h3><p>Kites are cheap and easy to fly on any beach.</p></body></html>
            """
        let r = try Fixture.build(text: html, name: "kites.html")
        #expect(r.card(front: "What wind suits a kite?")?.back == "A steady breeze of 10–20 km/h.")
        #expect(r.keyPoint("For fun")?.section == ["Why fly kites?", "For fun"])
        #expect(r.noted(.skipped, containing: "JSON-LD block that is not valid JSON"))
    }
}
