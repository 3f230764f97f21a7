import Flashcards
import Foundation

/// Moodle's GIFT format: multiple choice (`{=right ~wrong}`), short answer (`{=answer}`) and,
/// for quizzes, true/false (`{TRUE}`).
///
/// Every text is written with `[plain]` markup so Moodle shows it as written, trimmed, with
/// GIFT's escapes: `\` before `~ = # { } :` and before a backslash, and a line break as `\n`,
/// so each question stays one block without blank lines.
///
/// GIFT has no escape for two things Moodle reads inside an answer: `->` (it makes the question
/// a matching question) and a leading `%` (a weight such as `%50%`). A card or question with
/// such an answer or option is reported in `skipped` rather than written wrong.
public enum GIFTFormat {
    /// A deck: short answer where the answer is short enough to type, else multiple choice with
    /// distractors from the deck; cards with neither are reported in `skipped`.
    public static func render(_ deck: Deck, seed: UInt64 = 0) -> FormatRendering {
        let plan = DeckExportPlan(deck: deck, allowShortAnswer: true, seed: seed)
        var blocks: [String] = []
        var skipped: [SkippedCard] = []
        for item in plan.items {
            switch item {
            case .shortAnswer(let card):
                if let problem = unwritable([card.back]) {
                    skipped.append(SkippedCard(card: card.id, reason: problem))
                } else {
                    blocks.append(shortAnswer(title: card.id.rawValue, prompt: card.front, answer: card.back))
                }
            case .choice(let card, let options, let correct):
                if let problem = unwritable(options) {
                    skipped.append(SkippedCard(card: card.id, reason: problem))
                } else {
                    blocks.append(
                        choice(title: card.id.rawValue, prompt: card.front, options: options, correct: correct))
                }
            case .skipped(let card):
                skipped.append(card)
            }
        }
        return FormatRendering(text: document(header: "\(deck.title): recall deck", blocks: blocks), skipped: skipped)
    }

    /// A quiz, question for question: choice, true/false and typed (as short answer).
    public static func render(_ quiz: Quiz) -> FormatRendering {
        var blocks: [String] = []
        var skipped: [SkippedCard] = []
        for question in quiz.questions {
            let title = "Q\(question.number) \(question.cardID.rawValue)"
            switch question.form {
            case .choice(let options, let correct):
                if let problem = unwritable(options) {
                    skipped.append(
                        SkippedCard(card: question.cardID, reason: "question \(question.number): \(problem)"))
                } else {
                    blocks.append(choice(title: title, prompt: question.prompt, options: options, correct: correct))
                }
            case .truefalse(let proposed, let isTrue):
                let text = escape(trueFalsePrompt(question.prompt, proposed))
                blocks.append("::\(title)::[plain]\(text) {\(isTrue ? "TRUE" : "FALSE")}")
            case .typed:
                if let problem = unwritable([question.answer]) {
                    skipped.append(
                        SkippedCard(card: question.cardID, reason: "question \(question.number): \(problem)"))
                } else {
                    blocks.append(shortAnswer(title: title, prompt: question.prompt, answer: question.answer))
                }
            }
        }
        let header = "\(quiz.deckTitle): recall quiz, \(QuizSheet.subtitle(quiz))"
        return FormatRendering(text: document(header: header, blocks: blocks), skipped: skipped)
    }

    /// Why these answers cannot be written in GIFT, if they cannot.
    static func unwritable(_ answers: [String]) -> String? {
        for answer in answers.map(trimmed) {
            if answer.contains("->") {
                return "GIFT has no escape for '->' in an answer (Moodle would read a matching question)"
            }
            if answer.hasPrefix("%") {
                return "GIFT has no escape for an answer starting with '%' (Moodle would read a weight)"
            }
        }
        return nil
    }

    /// The question text of a true/false question: the prompt, then the answer proposed.
    public static func trueFalsePrompt(_ prompt: String, _ proposed: String) -> String {
        trimmed(prompt) + "\nProposed answer: " + trimmed(proposed)
    }

    /// GIFT's escaping of one text, after trimming and turning CR and CRLF into line breaks.
    public static func escape(_ text: String) -> String {
        var out = ""
        for ch in trimmed(text) {
            switch ch {
            case "\\", "~", "=", "#", "{", "}", ":":
                out.append("\\")
                out.append(ch)
            case "\n":
                out += "\\n"
            default:
                out.append(ch)
            }
        }
        return out
    }

    static func trimmed(_ text: String) -> String {
        // Swift treats "\r\n" as one Character; fold it and a lone CR to LF before trimming.
        let unified = String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        return unified.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func shortAnswer(title: String, prompt: String, answer: String) -> String {
        "::\(title)::[plain]\(escape(prompt)) {=\(escape(answer))}"
    }

    static func choice(title: String, prompt: String, options: [String], correct: Int) -> String {
        var block = "::\(title)::[plain]\(escape(prompt)) {\n"
        for (i, option) in options.enumerated() {
            block += (i == correct ? "=" : "~") + escape(option) + "\n"
        }
        return block + "}"
    }

    static func document(header: String, blocks: [String]) -> String {
        let comment = "// " + TextNormalizer.collapseWhitespace(header)
        return ([comment] + blocks).joined(separator: "\n\n") + "\n"
    }
}
