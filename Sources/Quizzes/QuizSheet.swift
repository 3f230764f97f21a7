/// A printable quiz: the question sheet and, separately, the answer key.
public struct QuizSheet: Hashable, Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case markdown
        case html

        /// The file extension, without the dot.
        public var fileExtension: String {
            switch self {
            case .markdown: "md"
            case .html: "html"
            }
        }
    }

    /// The sheet handed to students.
    public var questions: String
    /// The key kept by the teacher.
    public var answerKey: String

    /// Both in one document, the key after the questions (on a new page in HTML).
    public var combined: String

    public init(quiz: Quiz, format: Format) {
        switch format {
        case .markdown:
            questions = MarkdownSheet.questions(quiz)
            answerKey = MarkdownSheet.answerKey(quiz)
            combined = questions + "\n---\n\n" + answerKey
        case .html:
            questions = HTMLSheet.document(title: HTMLSheet.title(quiz), body: HTMLSheet.questionsBody(quiz))
            answerKey = HTMLSheet.document(
                title: HTMLSheet.title(quiz) + " — answer key", body: HTMLSheet.keyBody(quiz))
            combined = HTMLSheet.document(
                title: HTMLSheet.title(quiz),
                body: HTMLSheet.questionsBody(quiz) + "<section class=\"key\">\n" + HTMLSheet.keyBody(quiz)
                    + "</section>\n")
        }
    }

    /// The line under the title: seed, count, mode, so a sheet can be matched to its results.
    static func subtitle(_ quiz: Quiz) -> String {
        "Seed \(quiz.seed) · \(quiz.questions.count) question\(quiz.questions.count == 1 ? "" : "s") · \(quiz.mode.rawValue)"
    }

    /// How to answer each kind, said once per question.
    static func instruction(_ question: QuizQuestion) -> String {
        switch question.form {
        case .choice: "Circle one."
        case .truefalse: "Is this the answer? Circle True or False."
        case .typed: "Write the answer."
        }
    }

    /// The key's line for a question: `B. text`, `True`/`False (the answer is …)`, or the answer.
    static func keyLine(_ question: QuizQuestion) -> (response: String, answer: String?) {
        switch question.form {
        case .choice(let options, let correct):
            (QuizQuestion.letter(correct) + ".", options[correct])
        case .truefalse(_, let isTrue):
            (isTrue ? "True" : "False", isTrue ? nil : "the answer is " + question.answer)
        case .typed:
            ("", question.answer)
        }
    }
}
