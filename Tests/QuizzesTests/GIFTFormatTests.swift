import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Quizzes

/// GIFT is read back by pygiftparser, a real GIFT parser, from the reference Python.
struct GIFTFormatTests {
    /// Cards with every character GIFT treats specially, in questions and answers.
    static let specialDeck = Deck(
        title: "Special: {GIFT} ~ = # \\ test",
        cards: [
            Card(kind: .faq, front: "What do ~ = # { } : mean in GIFT?", back: "Special: ~ = # { :"),
            Card(
                kind: .faq, front: "Line one\nLine two: a \\ backslash, C:\\Users\\x\tend", back: "Two\nlines = ok #1"),
            Card(
                kind: .faq, front: "  [html] <b>bold</b> // no comment\n$CATEGORY: fake  ", back: " [plain] {x ~y =z "),
            Card(kind: .faq, front: "A path ending in a backslash C:\\", back: "C:\\temp\\"),
            Card(kind: .faq, front: "Windows line\r\nbreaks {and} ::colons::", back: "CR\r\nLF"),
            Card(kind: .faq, front: "Zoë ☃ 日本 ::title:: lookalike?", back: "Ünïcödé ✓ {braces"),
            Card(kind: .faq, front: "TRUE or FALSE?", back: "TRUE"),
            Card(
                kind: .keypoint, front: "Why does ~ matter {really}?",
                back: "Because the tilde = a wrong answer marker, and # starts the feedback of an answer"),
            Card(
                kind: .keypoint, front: "What about colons?",
                back: "Colons : and braces { are escaped \\ in every answer of the quiz as well"),
            Card(
                kind: .keypoint, front: "And line breaks?",
                back: "A line break\nbecomes backslash n, so no question ever holds a blank line"),
            Card(
                kind: .keypoint, front: "And the equals sign?",
                back: "An = sign marks the right answer, ~ the wrong ones, in multiple choice blocks"),
        ])

    struct Parsed: Decodable {
        struct Answer: Decodable, Equatable {
            var text: String
            var fraction: Double
        }
        var title: String
        var valid: Bool
        var markup: String
        var type: String
        var text: String
        var tail: String
        var answers: [Answer]?
        var truth: Bool?
    }

    /// pygiftparser leaves GIFT's escapes in the texts it returns (its renderers undo them) and
    /// turns `\n` into a line break only in question texts; this undoes the escapes the way
    /// Moodle does, in one pass.
    static let readBack = #"""
        import json, re, sys
        from pygiftparser import parser

        def unescape(s):
            return re.sub(r'\\([\\~=#{}:n])', lambda m: '\n' if m.group(1) == 'n' else m.group(1), s)

        with open(sys.argv[1], encoding='utf-8') as f:
            questions = parser.parseFile(f)
        out = []
        for q in questions:
            item = {'title': q.title, 'valid': q.valid, 'markup': q.markup, 'type': type(q.answers).__name__,
                    'text': unescape(q.text), 'tail': q.tail}
            if hasattr(q.answers, 'answers'):
                item['answers'] = [{'text': unescape(a.answer), 'fraction': a.fraction} for a in q.answers.answers]
            if hasattr(q.answers, 'answer'):
                item['truth'] = q.answers.answer
            out.append(item)
        print(json.dumps(out))
        """#

    static func parse(_ gift: String) throws -> [Parsed] {
        let dir = TemporaryDirectory()
        let file = try dir.write("quiz.gift", gift)
        let result = try ReferencePython.run(script: readBack, arguments: [file.path])
        #expect(result.status == 0, "\(result.stderr)")
        return try JSONDecoder().decode([Parsed].self, from: Data(result.stdout.utf8))
    }

    /// The text as GIFT carries it: CR and CRLF as line breaks, ends trimmed.
    static func carried(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func deckExportIsReadBackExactlyByPygiftparser() throws {
        let deck = Self.specialDeck
        let rendering = GIFTFormat.render(deck)
        #expect(rendering.skipped.isEmpty)
        let parsed = try Self.parse(rendering.text)
        #expect(parsed.count == deck.cards.count)
        for card in deck.cards {
            guard let q = parsed.first(where: { $0.title == card.id.rawValue }) else {
                Issue.record("card \(card.id) not read back")
                continue
            }
            #expect(q.valid)
            #expect(q.markup == "plain")
            #expect(q.tail == "")
            #expect(q.text == Self.carried(card.front))
            let answers = q.answers ?? []
            let right = answers.filter { $0.fraction == 100 }
            #expect(right.map(\.text) == [Self.carried(card.back)], "card \(card.id)")
            if card.kind == .keypoint {
                #expect(q.type == "SelectSet")
                #expect(answers.count == 4)
                #expect(
                    answers.filter { $0.fraction == 0 }.allSatisfy { wrong in
                        deck.cards.contains { Self.carried($0.back) == wrong.text && $0.id != card.id }
                    })
            } else {
                #expect(q.type == "ShortSet")
                #expect(answers.count == 1)
            }
        }
    }

    @Test func quizExportIsReadBackExactlyByPygiftparser() throws {
        let quiz = try QuizGenerator(mode: .mixed, questionCount: 11, seed: 4).generate(from: Self.specialDeck)
        #expect(Set(quiz.questions.map(\.kind)) == Set(QuestionKind.allCases))
        let rendering = GIFTFormat.render(quiz)
        #expect(rendering.skipped.isEmpty)
        let parsed = try Self.parse(rendering.text)
        #expect(parsed.count == quiz.questions.count)
        for (q, p) in zip(quiz.questions, parsed) {
            #expect(p.valid)
            #expect(p.title == "Q\(q.number) \(q.cardID)")
            switch q.form {
            case .choice(let options, let correct):
                #expect(p.type == "SelectSet")
                #expect(p.text == Self.carried(q.prompt))
                #expect(p.answers?.map(\.text) == options.map(Self.carried))
                #expect(p.answers?.map(\.fraction) == options.indices.map { $0 == correct ? 100 : 0 })
            case .truefalse(let proposed, let isTrue):
                #expect(p.type == "TrueFalseSet")
                #expect(p.text == Self.carried(q.prompt) + "\nProposed answer: " + Self.carried(proposed))
                #expect(p.truth == isTrue)
            case .typed:
                #expect(p.type == "ShortSet")
                #expect(p.text == Self.carried(q.prompt))
                #expect(p.answers == [.init(text: Self.carried(q.answer), fraction: 100)])
            }
        }
    }

    @Test func escapingFollowsMoodle() {
        #expect(GIFTFormat.escape("a~b=c#d{e}f:g\\h\ni") == ##"a\~b\=c\#d\{e\}f\:g\\h\ni"##)
        #expect(GIFTFormat.escape("  x\r\ny\rz  ") == ##"x\ny\nz"##)
        // pygiftparser 1.1 ends an answer block at the first '}', escaped or not, so a closing
        // brace in an answer is checked here against Moodle's rule rather than read back.
        let card = Card(kind: .faq, front: "Close?", back: "a } b")
        #expect(GIFTFormat.render(Deck(title: "T", cards: [card])).text.contains(##"{=a \} b}"##))
    }

    @Test func answersGIFTCannotCarryAreReported() {
        let deck = GeographyDeck.small([("Arrow?", "a -> b"), ("Percent?", "%d prints a number"), ("Fine?", "Yes")])
        let rendering = GIFTFormat.render(deck)
        #expect(rendering.skipped.map(\.card) == [deck.cards[0].id, deck.cards[1].id])
        #expect(rendering.skipped[0].reason.contains("'->'"))
        #expect(rendering.skipped[1].reason.contains("'%'"))
        #expect(rendering.text.contains("Fine?"))
        #expect(!rendering.text.contains("Arrow?"))

        let empty = GIFTFormat.render(GeographyDeck.small([("?", "Answer"), ("Question", "...")]))
        #expect(empty.skipped.map(\.reason) == ["the question side has no words", "the answer side has no words"])

        let lonelyLong = Deck(
            title: "T",
            cards: [Card(kind: .keypoint, front: "Q", back: "one two three four five six seven eight nine ten")])
        #expect(GIFTFormat.render(lonelyLong).skipped.first?.reason.contains("too long to type") == true)
    }
}
