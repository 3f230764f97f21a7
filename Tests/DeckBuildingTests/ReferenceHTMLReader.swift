import Foundation
import HTMLTree

@testable import DeckBuilding

/// The HTML reader as it was before it read libxml2's tree in place: it walks the page as
/// `HTMLElement` values. Kept as the reference `HTMLReader` is checked against
/// (HTMLFastPathTests); JSON-LD answers (`HTMLReader.faqQuestions`) and the
/// furniture rule (`HTMLReader.furnitureReason`) are shared.
struct ReferenceHTMLReader {
    private(set) var blocks: [Block] = []
    private(set) var notes: [BuildNote] = []
    private(set) var title: String?
    private var inline = ""
    private var inlineLine: Int?

    /// Reads a parsed page.
    static func read(_ document: HTMLDocument, fallbackTitle: String? = nil) -> ReferenceHTMLReader {
        var reader = ReferenceHTMLReader()
        let body = document.body
        let scope = body.firstDescendant(named: "main") ?? singleArticle(in: body) ?? body
        if let h1 = body.firstDescendant(named: "h1") {
            let text = ReferenceHTMLReader.text(of: h1)
            if !text.isEmpty { reader.title = text }
        }
        if reader.title == nil {
            reader.title = (document.title.map { FastText.collapse($0) } ?? fallbackTitle).flatMap {
                $0.isEmpty ? nil : $0
            }
        }
        if scope.name != "body" && scope.name != "html" {
            reader.notes.append(
                BuildNote(
                    .skipped, line: body.line, "the page around <\(scope.name)> (site navigation, sidebars, footer)"))
        }
        reader.walk(scope, insideArticle: scope.name != "body" && scope.name != "html")
        reader.flushInline()
        reader.readJSONLD(document.root)
        return reader
    }

    private static func singleArticle(in body: HTMLElement) -> HTMLElement? {
        let articles = body.descendants(named: "article")
        return articles.count == 1 ? articles[0] : nil
    }

    private mutating func walk(_ element: HTMLElement, insideArticle: Bool) {
        for child in element.children {
            switch child {
            case .text(let text):
                if inline.isEmpty { inlineLine = element.line }
                inline += text
            case .element(let e):
                visit(e, insideArticle: insideArticle)
            }
        }
    }

    private mutating func visit(_ e: HTMLElement, insideArticle: Bool) {
        if let reason = furnitureReason(e, insideArticle: insideArticle) {
            flushInline()
            if e.name != "script" || e.attribute("type")?.lowercased() != "application/ld+json" {
                notes.append(BuildNote(.skipped, line: e.line, "\(reason) <\(e.name)>"))
            }
            return
        }
        guard HTMLReader.blockElements.contains(e.name) else {
            if e.name == "br" {
                inline += " "
            } else if e.name != "img" {
                if inline.isEmpty { inlineLine = e.line }
                inline += ReferenceHTMLReader.rawText(of: e)
            }
            return
        }
        flushInline()
        let inside = insideArticle || e.name == "article" || e.name == "main"
        switch e.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = ReferenceHTMLReader.text(of: e)
            guard !text.isEmpty else { return }
            let level = Int(String(e.name.dropFirst())) ?? 2
            if level == 1, blocks.isEmpty || title == text, !blocks.contains(where: { $0.kind == .title }) {
                blocks.append(Block(.title, text, line: e.line))
            } else {
                blocks.append(Block(.heading(level: level), text, line: e.line))
            }
        case "p", "dt", "dd", "address", "figcaption":
            if e.name == "figcaption" {
                notes.append(BuildNote(.skipped, line: e.line, "figure caption"))
                return
            }
            paragraph(e)
        case "li":
            listItem(e, insideArticle: inside)
        case "pre":
            notes.append(BuildNote(.skipped, line: e.line, "code block <pre>"))
        case "table":
            notes.append(BuildNote(.skipped, line: e.line, "table (tables are not made into cards)"))
        case "details":
            details(e)
        case "hr":
            break
        default:
            walk(e, insideArticle: inside)
            flushInline()
        }
    }

    private func furnitureReason(_ e: HTMLElement, insideArticle: Bool) -> String? {
        HTMLReader.furnitureReason(name: e.name, insideArticle: insideArticle, attribute: e.attribute)
    }

    private mutating func paragraph(_ e: HTMLElement) {
        let text = ReferenceHTMLReader.text(of: e)
        guard !text.isEmpty else { return }
        // A paragraph that is only bold text: a Markdown `**Question?**` line.
        let meaningful = e.children.filter {
            if case .text(let t) = $0 { return !t.allSatisfy(\.isWhitespace) }
            return true
        }
        if meaningful.count == 1, case .element(let only) = meaningful[0], only.name == "strong" || only.name == "b" {
            blocks.append(Block(.boldLine, text, line: e.line))
        } else {
            blocks.append(Block(.paragraph, text, line: e.line))
        }
    }

    private mutating func listItem(_ e: HTMLElement, insideArticle: Bool) {
        // Nested lists become items of their own; the item's text is what is outside them.
        var own = HTMLElement(name: "li", line: e.line)
        var nested: [HTMLElement] = []
        for child in e.children {
            if case .element(let c) = child,
                c.name == "ul" || c.name == "ol" || HTMLReader.blockElements.contains(c.name)
            {
                nested.append(c)
            } else {
                own.children.append(child)
            }
        }
        let text = ReferenceHTMLReader.text(of: own)
        if !text.isEmpty {
            if let term = ReferenceHTMLReader.term(own) {
                blocks.append(Block(.term(explanation: term.explanation), term.term, line: e.line))
            } else {
                blocks.append(Block(.listItem, text, line: e.line))
            }
        }
        for n in nested { visit(n, insideArticle: insideArticle) }
    }

    /// `<li><strong>Term</strong>: explanation</li>` (or `<strong>Term:</strong> explanation`).
    private static func term(_ li: HTMLElement) -> (term: String, explanation: String)? {
        var children = li.children[...]
        while case .text(let t)? = children.first, t.allSatisfy(\.isWhitespace) { children.removeFirst() }
        guard case .element(let strong)? = children.first, strong.name == "strong" || strong.name == "b" else {
            return nil
        }
        let rest = FastText.collapse(children.dropFirst().map(\.textContent).joined())
        return TextRules.splitTerm(text(of: strong), rest)
    }

    private mutating func details(_ e: HTMLElement) {
        guard let summary = e.elementChildren.first(where: { $0.name == "summary" }) else {
            walk(e, insideArticle: true)
            return
        }
        let question = ReferenceHTMLReader.text(of: summary)
        var rest = e
        rest.children = e.children.filter {
            if case .element(let c) = $0, c.name == "summary" { return false }
            return true
        }
        var inner = ReferenceHTMLReader()
        inner.walk(rest, insideArticle: true)
        inner.flushInline()
        notes += inner.notes
        let answer = inner.blocks.map { block -> String in
            if case .term(let explanation) = block.kind { return "\(block.text): \(explanation)" }
            return block.text
        }
        guard !question.isEmpty else { return }
        blocks.append(Block(.faq(answer: answer), question, line: e.line))
    }

    private mutating func flushInline() {
        let text = FastText.collapse(inline)
        if !text.isEmpty { blocks.append(Block(.paragraph, text, line: inlineLine)) }
        inline = ""
        inlineLine = nil
    }

    /// FAQ pairs from `<script type="application/ld+json">` FAQPage data, after the page's own.
    private mutating func readJSONLD(_ root: HTMLElement) {
        var pairs: [Block] = []
        for script in root.descendants(named: "script")
        where script.attribute("type")?.lowercased() == "application/ld+json" {
            let json = script.textContent
            guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
            else {
                notes.append(BuildNote(.skipped, line: script.line, "JSON-LD block that is not valid JSON"))
                continue
            }
            for question in HTMLReader.faqQuestions(in: object) {
                pairs.append(Block(.faq(answer: question.answer), question.question, line: script.line))
            }
        }
        guard !pairs.isEmpty else { return }
        blocks.append(Block(.sectionBreak, ""))
        blocks.append(contentsOf: pairs)
    }

    /// An element's text with white space collapsed; `<br>` counts as a space.
    static func text(of element: HTMLElement) -> String {
        FastText.collapse(rawText(of: element))
    }

    static func rawText(of element: HTMLElement) -> String {
        var out = ""
        append(element, to: &out)
        return out
    }

    private static func append(_ element: HTMLElement, to out: inout String) {
        for child in element.children {
            switch child {
            case .text(let t): out += t
            case .element(let e):
                if e.name == "br" || HTMLReader.blockElements.contains(e.name) { out += " " }
                if e.name != "script" && e.name != "style" { append(e, to: &out) }
            }
        }
    }
}
