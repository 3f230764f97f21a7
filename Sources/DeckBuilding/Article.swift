/// An article read into structure: its title, its sections in document order (each knowing its
/// place in the tree), the FAQ pairs under them, and what was left out on the way.
public struct Article: Sendable, Equatable {
    public var title: String?
    public var sections: [Section]
    public var notes: [BuildNote]

    public init(title: String?, sections: [Section], notes: [BuildNote] = []) {
        self.title = title
        self.sections = sections
        self.notes = notes
    }

    /// Every FAQ pair, in document order.
    public var faqs: [FAQPair] { sections.flatMap(\.faqs) }

    /// The headings of the section at `index` and its ancestors, parent first.
    public func path(of index: Int) -> [String] {
        var path: [String] = []
        var current: Int? = index
        while let i = current {
            if let heading = sections[i].heading { path.insert(heading, at: 0) }
            current = sections[i].parent
        }
        return path
    }

    /// Whether any section has the section at `index` as its parent.
    public func hasChildren(_ index: Int) -> Bool { sections.contains { $0.parent == index } }
}

/// A section: a heading (none for the untitled introduction and closing) and what is under it
/// up to the next heading.
public struct Section: Sendable, Equatable {
    public var heading: String?
    /// Nesting depth as the source gives it (HTML `h2` is 2); only order between levels matters.
    public var level: Int
    /// The index of the enclosing section in `Article.sections`.
    public var parent: Int?
    public var paragraphs: [String] = []
    public var listItems: [String] = []
    public var terms: [Term] = []
    public var faqs: [FAQPair] = []
    public var line: Int?

    public init(heading: String?, level: Int, parent: Int?, line: Int? = nil) {
        self.heading = heading
        self.level = level
        self.parent = parent
        self.line = line
    }

    /// Whether the section has text of its own (not counting FAQ pairs).
    public var hasText: Bool { !paragraphs.isEmpty || !listItems.isEmpty || !terms.isEmpty }
}

/// A question and its answer, both as written (markup removed, white space collapsed).
public struct FAQPair: Sendable, Equatable {
    public var question: String
    /// The answer's paragraphs.
    public var answer: [String]
    public var line: Int?

    public init(question: String, answer: [String], line: Int? = nil) {
        self.question = question
        self.answer = answer
        self.line = line
    }
}

/// A `**Term**: explanation` list item.
public struct Term: Sendable, Equatable {
    public var term: String
    public var explanation: String
    public var line: Int?

    public init(term: String, explanation: String, line: Int? = nil) {
        self.term = term
        self.explanation = explanation
        self.line = line
    }
}
