import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Quizzes

struct QuizSheetTests {
    static func quiz(seed: UInt64 = 42) throws -> Quiz {
        var deck = try GeographyDeck.load()
        deck.cards.append(
            Card(kind: .faq, front: "<script>alert('x')</script> & \"quotes\"?", back: "<b>Bold</b> & co"))
        return try QuizGenerator(questionCount: 17, seed: seed).generate(from: deck)
    }

    @Test func htmlPrintsCleanlyAndEscapesCardText() throws {
        let sheet = QuizSheet(quiz: try Self.quiz(), format: .html)
        for page in [sheet.questions, sheet.answerKey, sheet.combined] {
            #expect(page.hasPrefix("<!DOCTYPE html>"))
            #expect(page.contains("<meta charset=\"utf-8\">"))
            #expect(page.contains("@page { size: auto; margin: 15mm"))
            #expect(page.contains("@media print"))
            #expect(page.contains("break-inside: avoid"))
            #expect(!page.contains("<script>"))
            #expect(!page.contains("<b>Bold"))
        }
        #expect(sheet.questions.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;?"))
        // Content never wider than the narrower of A4 and Letter less the margins.
        #expect(sheet.questions.contains("max-width: 170mm"))
        #expect(sheet.combined.contains("break-before: page"))
    }

    @Test func sheetAndKeyAreSeparate() throws {
        let quiz = try Self.quiz()
        for format in QuizSheet.Format.allCases {
            let sheet = QuizSheet(quiz: quiz, format: format)
            #expect(!sheet.questions.contains("answer key"))
            #expect(sheet.answerKey.contains("answer key"))
            #expect(sheet.combined.contains(sheet.answerKey.contains("<h1>") ? "answer key</h1>" : "answer key"))
            // A typed question's answer is in the key, never on the students' sheet (unless it is
            // shown there as another question's option).
            var shown: [String] = []
            for q in quiz.questions {
                switch q.form {
                case .choice(let options, _): shown += options
                case .truefalse(let proposed, _): shown.append(proposed)
                case .typed: break
                }
            }
            let escape = format == .html ? HTMLSheet.escape : MarkdownSheet.escape
            let hidden = quiz.questions.filter { $0.kind == .typed && !shown.contains($0.answer) }
            #expect(!hidden.isEmpty)
            for q in hidden {
                #expect(!sheet.questions.contains(escape(q.answer)), "\(q.answer)")
                #expect(sheet.answerKey.contains(escape(q.answer)), "\(q.answer)")
            }
        }
    }

    @Test func questionsAppearInQuizOrderWithTheirOptions() throws {
        let quiz = try Self.quiz()
        let html = QuizSheet(quiz: quiz, format: .html).questions
        var cursor = html.startIndex
        for q in quiz.questions {
            let range = try #require(
                html.range(of: "\(q.number). \(HTMLSheet.escape(q.prompt))", range: cursor..<html.endIndex))
            cursor = range.upperBound
            if case .choice(let options, _) = q.form {
                for option in options {
                    let found = try #require(
                        html.range(of: "<li>\(HTMLSheet.escape(option))</li>", range: cursor..<html.endIndex))
                    cursor = found.upperBound
                }
            }
        }
    }

    @Test func markdownGoldenForSeed42() throws {
        let sheet = QuizSheet(quiz: try Self.quiz(), format: .markdown)
        #expect(Golden.check(sheet.questions, target: "QuizzesTests", name: "sheet-seed-42.md") == nil)
        #expect(Golden.check(sheet.answerKey, target: "QuizzesTests", name: "key-seed-42.md") == nil)
    }

    @Test func markdownEscapesSyntax() {
        #expect(MarkdownSheet.escape("*bold* _x_ <b> `c` [l](u) #h") == ##"\*bold\* \_x\_ \<b\> \`c\` \[l\](u) \#h"##)
        #expect(MarkdownSheet.escape("- item") == ##"\- item"##)
        #expect(MarkdownSheet.escape("1986. A year") == ##"1986\. A year"##)
        #expect(MarkdownSheet.block("one\n- two", indent: 2) == "one  \n  \\- two")
    }
}
