import Flashcards

/// Moodle's Aiken format: multiple choice only. Each question is one line, then its options
/// as `A. text` lines, then `ANSWER: X`, then a blank line.
///
/// Line breaks and tabs inside a text are folded to spaces (Aiken has no way to write them).
/// A question whose line Moodle would misread (it starts like an option or like `ANSWER:`,
/// or is shorter than two characters) is reported in `skipped`.
public enum AikenFormat {
    /// A deck: every card as multiple choice with distractors from the deck.
    public static func render(_ deck: Deck, seed: UInt64 = 0) -> FormatRendering {
        let plan = DeckExportPlan(deck: deck, allowShortAnswer: false, seed: seed)
        var blocks: [String] = []
        var skipped: [SkippedCard] = []
        for item in plan.items {
            switch item {
            case .choice(let card, let options, let correct):
                switch block(question: card.front, options: options, correct: correct) {
                case .success(let text): blocks.append(text)
                case .failure(let reason): skipped.append(SkippedCard(card: card.id, reason: reason.description))
                }
            case .skipped(let card):
                skipped.append(card)
            case .shortAnswer(let card):
                // Not produced when short answers are disallowed; reported rather than lost.
                skipped.append(SkippedCard(card: card.id, reason: "Aiken carries multiple choice only"))
            }
        }
        return FormatRendering(text: blocks.joined(separator: "\n"), skipped: skipped)
    }

    /// A quiz: choice questions as they are, true/false as a choice of True and False; typed
    /// questions are reported in `skipped`.
    public static func render(_ quiz: Quiz) -> FormatRendering {
        var blocks: [String] = []
        var skipped: [SkippedCard] = []
        for question in quiz.questions {
            let result: Result<String, AikenProblem>
            switch question.form {
            case .choice(let options, let correct):
                result = block(question: question.prompt, options: options, correct: correct)
            case .truefalse(let proposed, let isTrue):
                let line = oneLine(question.prompt) + " Proposed answer: " + oneLine(proposed)
                result = block(question: line, options: ["True", "False"], correct: isTrue ? 0 : 1)
            case .typed:
                result = .failure(.typed)
            }
            switch result {
            case .success(let text): blocks.append(text)
            case .failure(let reason):
                skipped.append(SkippedCard(card: question.cardID, reason: "question \(question.number): \(reason)"))
            }
        }
        return FormatRendering(text: blocks.joined(separator: "\n"), skipped: skipped)
    }

    enum AikenProblem: Error, CustomStringConvertible {
        case looksLikeOption(String)
        case tooShort
        case typed

        var description: String {
            switch self {
            case .looksLikeOption(let start):
                "its question starts with '\(start)', which Aiken would read as an option or the answer line"
            case .tooShort: "its question is shorter than two characters, which Aiken ignores"
            case .typed: "typed questions cannot be written: Aiken carries multiple choice only"
            }
        }
    }

    static func block(question: String, options: [String], correct: Int) -> Result<String, AikenProblem> {
        let line = oneLine(question)
        if line.count < 2 { return .failure(.tooShort) }
        if let start = misreadStart(line) { return .failure(.looksLikeOption(start)) }
        var text = line + "\n"
        for (i, option) in options.enumerated() {
            text += "\(QuizQuestion.letter(i)). \(oneLine(option))\n"
        }
        return .success(text + "ANSWER: \(QuizQuestion.letter(correct))\n")
    }

    /// Text on one line: every run of white space (line breaks and tabs included) one space.
    static func oneLine(_ text: String) -> String {
        TextNormalizer.collapseWhitespace(text)
    }

    /// The start of a line that Moodle's Aiken reader takes for an option (`A.`, `B)` then a
    /// space) or for the answer line (`ANSWER:`), if the line starts so.
    static func misreadStart(_ line: String) -> String? {
        let chars = Array(line.prefix(3))
        if chars.count == 3, chars[0].isASCII, chars[0].isUppercase, chars[1] == "." || chars[1] == ")",
            chars[2] == " " || chars[2] == "\t"
        {
            return String(chars[0...1])
        }
        if line.hasPrefix("ANSWER") {
            let rest = line.dropFirst(6).drop { $0 == " " || $0 == "\t" }
            if rest.first == ":" { return "ANSWER:" }
        }
        return nil
    }
}
