import Foundation

/// Turns a reader's blocks (noise already removed) into an `Article`: sections in a tree, the
/// paragraphs, list items and terms under each, and FAQ pairs with their answers.
struct OutlineBuilder {
    var title: String?
    private var sections: [Section] = []
    private var notes: [BuildNote] = []
    /// Indices of open sections, outermost first.
    private var stack: [Int] = []

    init(title: String?) { self.title = title }

    static func build(_ blocks: [Block], title: String?) -> Article {
        var builder = OutlineBuilder(title: title)
        builder.run(blocks)
        return Article(title: builder.title, sections: builder.sections, notes: builder.notes)
    }

    private mutating func run(_ blocks: [Block]) {
        sections.append(Section(heading: nil, level: 0, parent: nil, line: blocks.first?.line))
        stack = [0]
        let rhetorical = rhetoricalQuestions(blocks)
        var i = 0
        while i < blocks.count {
            let block = blocks[i]
            switch block.kind {
            case .title:
                if title == nil {
                    title = block.text
                } else if title != block.text {
                    openSection(block.text, level: 1, line: block.line)
                }
                i += 1
            case .sectionBreak:
                let current = sections[stack.last ?? 0]
                if current.heading != nil || current.hasText || !current.faqs.isEmpty {
                    sections.append(Section(heading: nil, level: 0, parent: nil, line: block.line))
                    stack = [sections.count - 1]
                }
                i += 1
            case .heading(let level):
                if TextRules.isQuestionLine(block.text) || block.text.hasSuffix("?"),
                    case let (answer, next)? = answerBlocks(after: i, in: blocks), !answer.isEmpty
                {
                    addFAQ(block.text, answer, line: block.line)
                    i = next
                } else {
                    openSection(block.text, level: level, line: block.line)
                    i += 1
                }
            case .faq(let answer):
                if answer.isEmpty {
                    notes.append(BuildNote(.skipped, line: block.line, "question without an answer “\(block.text)”"))
                } else {
                    addFAQ(block.text, answer, line: block.line)
                }
                i += 1
            case .paragraph, .boldLine:
                if let question = TextRules.strip(prefixes: TextRules.questionPrefixes, from: block.text) {
                    i = prefixedQuestion(question, at: i, in: blocks)
                } else if TextRules.isQuestionLine(block.text), block.kind == .boldLine || !rhetorical.contains(i),
                    case let (answer, next)? = answerBlocks(after: i, in: blocks), !answer.isEmpty
                {
                    addFAQ(block.text, answer, line: block.line)
                    i = next
                } else {
                    let text = TextRules.strip(prefixes: TextRules.answerPrefixes, from: block.text) ?? block.text
                    sections[current].paragraphs.append(text)
                    i += 1
                }
            case .listItem:
                sections[current].listItems.append(block.text)
                i += 1
            case .term(let explanation):
                sections[current].terms.append(Term(term: block.text, explanation: explanation, line: block.line))
                i += 1
            }
        }
    }

    private var current: Int { stack.last ?? 0 }

    private mutating func openSection(_ heading: String, level: Int, line: Int?) {
        while let top = stack.last, sections[top].heading != nil, sections[top].level >= level { stack.removeLast() }
        // An untitled section (the introduction) is never a parent.
        if let top = stack.last, sections[top].heading == nil { stack.removeLast() }
        sections.append(Section(heading: heading, level: level, parent: stack.last, line: line))
        stack.append(sections.count - 1)
    }

    private mutating func addFAQ(_ question: String, _ answer: [String], line: Int?) {
        sections[current].faqs.append(FAQPair(question: question, answer: answer, line: line))
    }

    /// The answer to the question at `index`: the paragraphs and list items after it, up to
    /// the next heading, question, pair or break. Returns the answer and the index after it.
    private func answerBlocks(after index: Int, in blocks: [Block]) -> ([String], Int)? {
        var answer: [String] = []
        var j = index + 1
        loop: while j < blocks.count {
            let b = blocks[j]
            switch b.kind {
            case .paragraph, .boldLine:
                if TextRules.isQuestionLine(b.text) && !answer.isEmpty { break loop }
                if TextRules.strip(prefixes: TextRules.questionPrefixes, from: b.text) != nil { break loop }
                if answer.isEmpty && TextRules.isQuestionLine(b.text) { return nil }
                answer.append(TextRules.strip(prefixes: TextRules.answerPrefixes, from: b.text) ?? b.text)
            case .listItem:
                answer.append(b.text)
            case .term(let explanation):
                answer.append("\(b.text): \(explanation)")
            default:
                break loop
            }
            j += 1
        }
        return (answer, j)
    }

    /// `Q: …` then `A: …` (the answer may be on the same line after the question mark).
    private mutating func prefixedQuestion(_ question: String, at index: Int, in blocks: [Block]) -> Int {
        let line = blocks[index].line
        var question = question
        var answer: [String] = []
        // "Q: What is it? A: It is …" on one line.
        for marker in ["? A: ", "? A. ", "？A：", "? R: ", "? Antwort: ", "? Answer: "] {
            if let range = question.range(of: marker) {
                let rest = String(question[range.upperBound...])
                question = String(question[..<range.lowerBound]) + String(marker.first ?? "?")
                answer.append(rest)
                break
            }
        }
        var j = index + 1
        while j < blocks.count {
            let b = blocks[j]
            guard b.kind == .paragraph || b.kind == .listItem || b.kind == .boldLine,
                TextRules.strip(prefixes: TextRules.questionPrefixes, from: b.text) == nil
            else { break }
            if answer.isEmpty, let start = TextRules.strip(prefixes: TextRules.answerPrefixes, from: b.text) {
                answer.append(start)
            } else if !answer.isEmpty {
                if TextRules.isQuestionLine(b.text) { break }
                answer.append(b.text)
            } else {
                break
            }
            j += 1
        }
        if answer.isEmpty {
            notes.append(BuildNote(.skipped, line: line, "question without an answer “\(question)”"))
        } else {
            addFAQ(question, answer, line: line)
        }
        return j
    }

    /// Question lines in the introduction are rhetorical ("Ever wondered why…?") unless the
    /// introduction holds two or more of them, as an FAQ without a heading does.
    private func rhetoricalQuestions(_ blocks: [Block]) -> Set<Int> {
        var intro: [Int] = []
        for (i, b) in blocks.enumerated() {
            if b.isHeading || b.kind == .sectionBreak { break }
            if b.kind == .paragraph, TextRules.isQuestionLine(b.text) { intro.append(i) }
        }
        return intro.count >= 2 ? [] : Set(intro)
    }
}
