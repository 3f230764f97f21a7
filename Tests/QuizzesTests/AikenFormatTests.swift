import Flashcards
import Foundation
import Testing

@testable import Quizzes

/// Aiken, checked against the format's rules as Moodle's Aiken reader applies them.
struct AikenFormatTests {
    struct Block {
        var question: String
        var options: [String]
        var answer: Int
    }

    /// Reads Aiken strictly: blocks of one question line, options `A. `, `B. `, … in order,
    /// `ANSWER: X`, separated by one blank line; anything else is a rule broken.
    static func read(_ text: String) throws -> [Block] {
        struct Broken: Error, CustomStringConvertible { var description: String }
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\r"))
        var blocks: [Block] = []
        let chunks = text.dropLast().components(separatedBy: "\n\n")
        for chunk in chunks {
            let lines = chunk.components(separatedBy: "\n")
            guard lines.count >= 4 else { throw Broken(description: "block too short: \(lines)") }
            let question = lines[0]
            if question.count < 2 || isOption(question) || question.hasPrefix("ANSWER") {
                throw Broken(description: "question line misread: \(question)")
            }
            var options: [String] = []
            for (i, line) in lines.dropFirst().dropLast().enumerated() {
                let label = QuizQuestion.letter(i) + ". "
                guard line.hasPrefix(label), line.count > label.count else {
                    throw Broken(description: "option \(i) is '\(line)'")
                }
                options.append(String(line.dropFirst(label.count)))
            }
            let last = try #require(lines.last)
            guard last.hasPrefix("ANSWER: "), last.count == 9, let letter = last.last?.asciiValue,
                letter >= 65, Int(letter) - 65 < options.count
            else { throw Broken(description: "answer line '\(last)'") }
            blocks.append(Block(question: question, options: options, answer: Int(letter) - 65))
        }
        return blocks
    }

    static func isOption(_ line: String) -> Bool {
        line.range(of: #"^[A-Z][.)][ \t]"#, options: .regularExpression) != nil
    }

    @Test func quizFollowsTheRulesAndSaysWhatItLeftOut() throws {
        var deck = try GeographyDeck.load()
        deck.cards.append(Card(kind: .faq, front: "Multi\nline\tquestion?", back: "Two\nlines"))
        let quiz = try QuizGenerator(mode: .mixed, questionCount: 17, seed: 8).generate(from: deck)
        let rendering = AikenFormat.render(quiz)
        let blocks = try Self.read(rendering.text)
        let carried = quiz.questions.filter { $0.kind != .typed }
        #expect(blocks.count == carried.count)
        for (block, q) in zip(blocks, carried) {
            switch q.form {
            case .choice(let options, let correct):
                #expect(block.question == TextNormalizer.collapseWhitespace(q.prompt))
                #expect(block.options == options.map(TextNormalizer.collapseWhitespace))
                #expect(block.answer == correct)
            case .truefalse(let proposed, let isTrue):
                #expect(block.question.hasPrefix(TextNormalizer.collapseWhitespace(q.prompt)))
                #expect(block.question.hasSuffix(TextNormalizer.collapseWhitespace(proposed)))
                #expect(block.options == ["True", "False"])
                #expect(block.answer == (isTrue ? 0 : 1))
            case .typed:
                Issue.record("typed question written")
            }
        }
        let typed = quiz.questions.filter { $0.kind == .typed }
        #expect(!typed.isEmpty)
        #expect(rendering.skipped.map(\.card) == typed.map(\.cardID))
        #expect(rendering.skipped.allSatisfy { $0.reason.contains("multiple choice only") })
    }

    @Test func deckExportReportsQuestionsAikenWouldMisread() throws {
        let deck = GeographyDeck.small([
            ("A. trick question", "Alpha"), ("ANSWER: what?", "Beta"), ("B) also", "Gamma"), ("Fine question", "Delta"),
            ("X", "Epsilon"),
        ])
        let rendering = AikenFormat.render(deck)
        let blocks = try Self.read(rendering.text)
        #expect(blocks.map(\.question) == ["Fine question"])
        #expect(blocks[0].options[blocks[0].answer] == "Delta")
        #expect(blocks[0].options.count == 4)
        #expect(rendering.skipped.count == 4)
        #expect(rendering.skipped.prefix(3).allSatisfy { $0.reason.contains("read as an option or the answer line") })
        #expect(rendering.skipped[3].reason.contains("shorter than two"))
    }

    @Test func aDeckTooSmallForChoicesIsReportedNotDropped() {
        let rendering = AikenFormat.render(GeographyDeck.small([("Only card?", "Alone")]))
        #expect(rendering.text.isEmpty)
        #expect(rendering.skipped.count == 1)
        #expect(rendering.skipped[0].reason.contains("multiple choice needs wrong options"))
    }
}
