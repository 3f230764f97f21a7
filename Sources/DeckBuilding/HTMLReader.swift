import Flashcards
import Foundation
import HTMLTree

/// Reads an HTML page into blocks: headings, paragraphs, list items, terms, and FAQ pairs from
/// `<details>` and schema.org FAQPage JSON-LD. Page furniture (`nav`, `header`, `footer`,
/// `aside`, scripts, forms, elements whose class names comments, sharing, related posts or
/// cookies) is left out with a note, and so is code.
struct HTMLReader {
    /// Elements that are never article text.
    static let furniture: [String: String] = [
        "nav": "navigation", "footer": "page footer", "aside": "sidebar", "script": "script", "style": "style sheet",
        "noscript": "noscript block", "form": "form", "iframe": "embedded frame", "svg": "image", "button": "button",
        "template": "template", "select": "form control", "input": "form control", "textarea": "form control",
        "object": "embedded object", "canvas": "canvas", "video": "video", "audio": "audio", "head": "page head",
    ]

    /// Words in a class or id that mark furniture.
    static let furnitureClasses: Set<String> = [
        "comment", "comments", "share", "sharing", "social", "related", "cookie", "cookies", "newsletter",
        "subscribe", "sidebar", "breadcrumb", "breadcrumbs", "advert", "advertisement", "ads", "promo", "popup",
        "navigation", "navbar", "menu", "widget", "footer",
    ]

    static let blockElements: Set<String> = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "dl", "dt", "dd", "blockquote", "pre", "table", "details", "summary", "figure", "figcaption", "hr",
        "address", "body", "html", "center",
    ]

    private(set) var blocks: [Block] = []
    private(set) var notes: [BuildNote] = []
    private(set) var title: String?
    private var inline = ""
    private var inlineLine: Int?

    /// Reads a parsed page.
    static func read(_ document: HTMLDocument, fallbackTitle: String? = nil) -> HTMLReader {
        var reader = HTMLReader()
        let body = document.body
        let scope = body.firstDescendant(named: "main") ?? singleArticle(in: body) ?? body
        if let h1 = body.firstDescendant(named: "h1") {
            let text = HTMLReader.text(of: h1)
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

    /// The same blocks and notes with no line numbers, for HTML made from another format.
    func withoutLines() -> HTMLReader {
        var copy = self
        for i in copy.blocks.indices { copy.blocks[i].line = nil }
        for i in copy.notes.indices { copy.notes[i].line = nil }
        return copy
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
                inline += HTMLReader.rawText(of: e)
            }
            return
        }
        flushInline()
        let inside = insideArticle || e.name == "article" || e.name == "main"
        switch e.name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = HTMLReader.text(of: e)
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
        if let reason = HTMLReader.furniture[e.name] { return reason }
        if e.name == "header", !insideArticle { return "page header" }
        if e.attribute("hidden") != nil || e.attribute("aria-hidden") == "true" { return "hidden element" }
        if let style = e.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("display:none")
        {
            return "hidden element"
        }
        for attribute in ["class", "id", "role"] {
            guard let value = e.attribute(attribute)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            where HTMLReader.furnitureClasses.contains(String(word)) {
                return "\(word) block"
            }
        }
        return nil
    }

    private mutating func paragraph(_ e: HTMLElement) {
        let text = HTMLReader.text(of: e)
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
        let text = HTMLReader.text(of: own)
        if !text.isEmpty {
            if let term = HTMLReader.term(own) {
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
        let question = HTMLReader.text(of: summary)
        var rest = e
        rest.children = e.children.filter {
            if case .element(let c) = $0, c.name == "summary" { return false }
            return true
        }
        var inner = HTMLReader()
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

    static func faqQuestions(in json: Any) -> [(question: String, answer: [String])] {
        if let array = json as? [Any] { return array.flatMap { faqQuestions(in: $0) } }
        guard let object = json as? [String: Any] else { return [] }
        if let graph = object["@graph"] { return faqQuestions(in: graph) }
        let types = (object["@type"] as? String).map { [$0] } ?? (object["@type"] as? [String]) ?? []
        guard types.contains("FAQPage") else { return [] }
        let entities = (object["mainEntity"] as? [Any]) ?? (object["mainEntity"].map { [$0] } ?? [])
        var out: [(String, [String])] = []
        for case let entity as [String: Any] in entities {
            guard let name = entity["name"] as? String else { continue }
            let accepted = (entity["acceptedAnswer"] as? [Any])?.first ?? entity["acceptedAnswer"]
            guard let answer = accepted as? [String: Any], let answerText = answer["text"] as? String else {
                continue
            }
            let question = text(ofMarkup: name)
            let paragraphs = paragraphs(ofMarkup: answerText)
            if !question.isEmpty, !paragraphs.isEmpty { out.append((question, paragraphs)) }
        }
        return out
    }

    /// JSON-LD answers may hold HTML; read it as a page fragment.
    private static func paragraphs(ofMarkup markup: String) -> [String] {
        guard markup.contains("<") || markup.contains("&") else {
            let text = FastText.collapse(markup)
            return text.isEmpty ? [] : [text]
        }
        let reader = read(HTMLDocument(markup))
        return reader.blocks.map(\.text)
    }

    private static func text(ofMarkup markup: String) -> String {
        guard markup.contains("<") || markup.contains("&") else { return FastText.collapse(markup) }
        return FastText.collapse(HTMLDocument(markup).body.textContent)
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
                if e.name == "br" || blockElements.contains(e.name) { out += " " }
                if e.name != "script" && e.name != "style" { append(e, to: &out) }
            }
        }
    }
}
