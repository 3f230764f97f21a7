/// One structural piece of an article, as a reader finds it, before the card rules run.
public struct Block: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The article's title (HTML/Markdown first `h1`, the first line of plain text).
        case title
        /// A section heading; deeper levels are larger numbers.
        case heading(level: Int)
        /// Running text, markup removed, white space collapsed.
        case paragraph
        /// A paragraph that is only bold text (a Markdown `**line**`).
        case boldLine
        /// A list item.
        case listItem
        /// A `**Term**: explanation` list item; the block's text is the term.
        case term(explanation: String)
        /// A question and answer given as a pair (`<details>`, JSON-LD FAQPage, `Q:`/`A:` lines).
        case faq(answer: [String])
        /// Plain text: two or more blank lines, where a heading was lost when the page was copied.
        case sectionBreak
    }

    public var kind: Kind
    public var text: String
    public var line: Int?

    public init(_ kind: Kind, _ text: String, line: Int? = nil) {
        self.kind = kind
        self.text = text
        self.line = line
    }

    var isHeading: Bool {
        if case .heading = kind { true } else { false }
    }
}
