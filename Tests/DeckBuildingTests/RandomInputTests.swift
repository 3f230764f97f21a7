import DeckBuilding
import Flashcards
import Testing

/// Seeded random articles made of the tokens the rules react to: no input may crash the
/// builder, and every card it makes must be complete and free of control characters.
struct RandomInputTests {
    static let tokens = [
        "Title", "Heading", "What is it?", "¿Qué es?", "何ですか？", "Q:", "A:", "**Bold?**", "- **Term**: text",
        "- item", "1. step", "```", "    code", "Leave a Comment", "Share this:", "title words", "U.S.", "e.g.",
        "It is. So!", "“quoted”", "\u{A0}", "\u{3000}", "\t", "\u{1B}[31m", "\u{9B}", "é", "Ω", "。", "<details>",
        "<summary>Why?</summary>", "</details>", "<h2>", "</h2>", "<p>", "&amp;", "&#x1b;", "<li><b>T</b>: x</li>",
        "\r", "", "a", ".", "?", ":",
    ]

    @Test(arguments: ArticleFormat.allCases)
    func randomArticlesNeverCrashTheBuilder(format: ArticleFormat) {
        var rng = SeededGenerator(seed: 2026)
        var produced = 0
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(rng.next() % 60) {
                let token = Self.tokens[Int(rng.next() % UInt64(Self.tokens.count))]
                let separator = ["", " ", "\n", "\n\n", "\n\n\n"][Int(rng.next() % 5)]
                text += token + separator
            }
            let source = ArticleSource(name: "random", bytes: Array(text.utf8), format: format)
            guard let made = try? DeckBuilder().cards(from: source) else { continue }
            produced += made.cards.count
            for card in made.cards {
                #expect(!card.front.isEmpty)
                #expect(!card.back.isEmpty)
                for field in [card.front, card.back, card.context ?? ""] {
                    #expect(!field.unicodeScalars.contains { $0 == "\u{1B}" || (0x80...0x9F).contains($0.value) })
                }
            }
        }
        #expect(produced > 50, "the random articles should exercise the card rules")
    }
}
