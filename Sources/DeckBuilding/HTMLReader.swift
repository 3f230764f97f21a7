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
    // Inline text waiting for the next block boundary, as UTF-8 bytes.
    private var inline: [UInt8] = []
    private var inlineLine: Int?
    // Reused for the text of one element at a time.
    private var scratch: [UInt8] = []

    /// Reads a parsed page. It walks libxml2's tree in place (`HTMLNodeRef`) rather than a copy
    /// of it as Swift values, and gathers text as bytes: one `String` per block.
    static func read(_ document: HTMLDocument, fallbackTitle: String? = nil) -> HTMLReader {
        document.withRoot { read(root: $0, fallbackTitle: fallbackTitle) }
    }

    private static func read(root: HTMLNodeRef, fallbackTitle: String?) -> HTMLReader {
        var reader = HTMLReader()
        let body = root.firstDescendant(named: "body") ?? root
        let scope = body.firstDescendant(named: "main") ?? singleArticle(in: body) ?? body
        if let h1 = body.firstDescendant(named: "h1") {
            let text = reader.text(of: h1)
            if !text.isEmpty { reader.title = text }
        }
        if reader.title == nil {
            let pageTitle = root.firstDescendant(named: "head")?.firstDescendant(named: "title")?.textContent
            reader.title = (pageTitle.map { FastText.collapse($0) } ?? fallbackTitle).flatMap { $0.isEmpty ? nil : $0 }
        }
        let scopeIsPage = scope.isNamed("body") || scope.isNamed("html")
        if !scopeIsPage {
            reader.notes.append(
                BuildNote(
                    .skipped, line: body.line, "the page around <\(scope.name)> (site navigation, sidebars, footer)"))
        }
        reader.walk(scope.children, line: scope.line, insideArticle: !scopeIsPage)
        reader.flushInline()
        reader.readJSONLD(root)
        return reader
    }

    /// The same blocks and notes with no line numbers, for HTML made from another format.
    func withoutLines() -> HTMLReader {
        var copy = self
        for i in copy.blocks.indices { copy.blocks[i].line = nil }
        for i in copy.notes.indices { copy.notes[i].line = nil }
        return copy
    }

    private static func singleArticle(in body: HTMLNodeRef) -> HTMLNodeRef? {
        let articles = body.descendants(named: "article")
        return articles.count == 1 ? articles[0] : nil
    }

    /// Reads an element's children; `line` is the element's, for text directly inside it.
    private mutating func walk(_ children: some Sequence<HTMLChild>, line: Int, insideArticle: Bool) {
        for child in children {
            switch child {
            case .text(let run):
                if inline.isEmpty { inlineLine = line }
                run.append(to: &inline)
            case .element(let e):
                visit(e, insideArticle: insideArticle)
            }
        }
    }

    private mutating func visit(_ e: HTMLNodeRef, insideArticle: Bool) {
        let tag = HTMLTag(of: e)
        let name = tag.name
        if let reason = furnitureReason(e, tag: tag, insideArticle: insideArticle) {
            flushInline()
            if name != "script" || e.attribute("type")?.lowercased() != "application/ld+json" {
                notes.append(BuildNote(.skipped, line: e.line, "\(reason) <\(name)>"))
            }
            return
        }
        guard tag.isBlock else {
            if tag.isBreak {
                inline.append(0x20)
            } else if name != "img" {
                if inline.isEmpty { inlineLine = e.line }
                HTMLReader.appendRawText(e.children, to: &inline)
            }
            return
        }
        flushInline()
        let inside = insideArticle || name == "article" || name == "main"
        switch name {
        case "p", "dt", "dd", "address":
            paragraph(e)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = text(of: e)
            guard !text.isEmpty else { return }
            let level = Int(String(name.dropFirst())) ?? 2
            if level == 1, blocks.isEmpty || title == text, !blocks.contains(where: { $0.kind == .title }) {
                blocks.append(Block(.title, text, line: e.line))
            } else {
                blocks.append(Block(.heading(level: level), text, line: e.line))
            }
        case "figcaption":
            notes.append(BuildNote(.skipped, line: e.line, "figure caption"))
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
            walk(e.children, line: e.line, insideArticle: inside)
            flushInline()
        }
    }

    private func furnitureReason(_ e: HTMLNodeRef, tag: HTMLTag, insideArticle: Bool) -> String? {
        if let reason = tag.furniture { return reason }
        return HTMLReader.furnitureReason(
            byAttributes: tag.name, insideArticle: insideArticle, attribute: e.hasAttributes ? e.attribute : nil)
    }

    /// Why an element is page furniture, or nil when it is not.
    /// - Parameter attribute: the element's attribute of a name, or nil when it has none.
    static func furnitureReason(name: String, insideArticle: Bool, attribute: ((String) -> String?)?) -> String? {
        if let reason = furniture[name] { return reason }
        return furnitureReason(byAttributes: name, insideArticle: insideArticle, attribute: attribute)
    }

    /// Why an element whose name is not always furniture is furniture here, or nil.
    private static func furnitureReason(
        byAttributes name: String, insideArticle: Bool, attribute: ((String) -> String?)?
    ) -> String? {
        if name == "header", !insideArticle { return "page header" }
        guard let attribute else { return nil }
        if attribute("hidden") != nil || attribute("aria-hidden") == "true" { return "hidden element" }
        if let style = attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
            style.contains("display:none")
        {
            return "hidden element"
        }
        for name in ["class", "id", "role"] {
            guard let value = attribute(name)?.lowercased() else { continue }
            for word in value.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            where furnitureClasses.contains(String(word)) {
                return "\(word) block"
            }
        }
        return nil
    }

    private mutating func paragraph(_ e: HTMLNodeRef) {
        let text = text(of: e)
        guard !text.isEmpty else { return }
        // A paragraph that is only bold text: a Markdown `**Question?**` line.
        var only: HTMLChild?
        var meaningful = 0
        for child in e.children {
            if case .text(let run) = child, HTMLReader.isWhitespace(run) { continue }
            only = child
            meaningful += 1
            if meaningful > 1 { break }
        }
        if meaningful == 1, case .element(let strong)? = only, strong.isNamed("strong") || strong.isNamed("b") {
            blocks.append(Block(.boldLine, text, line: e.line))
        } else {
            blocks.append(Block(.paragraph, text, line: e.line))
        }
    }

    private mutating func listItem(_ e: HTMLNodeRef, insideArticle: Bool) {
        // Nested lists become items of their own; the item's text is what is outside them.
        var own: [HTMLChild] = []
        var nested: [HTMLNodeRef] = []
        for child in e.children {
            if case .element(let c) = child, HTMLTag(of: c).isBlock {
                nested.append(c)
            } else {
                own.append(child)
            }
        }
        scratch.removeAll(keepingCapacity: true)
        HTMLReader.appendRawText(own, to: &scratch)
        let text = HTMLReader.collapse(scratch)
        if !text.isEmpty {
            if let term = term(own) {
                blocks.append(Block(.term(explanation: term.explanation), term.term, line: e.line))
            } else {
                blocks.append(Block(.listItem, text, line: e.line))
            }
        }
        for n in nested { visit(n, insideArticle: insideArticle) }
    }

    /// `<li><strong>Term</strong>: explanation</li>` (or `<strong>Term:</strong> explanation`).
    private mutating func term(_ children: [HTMLChild]) -> (term: String, explanation: String)? {
        var children = children[...]
        while case .text(let run)? = children.first, HTMLReader.isWhitespace(run) { children.removeFirst() }
        guard case .element(let strong)? = children.first, strong.isNamed("strong") || strong.isNamed("b") else {
            return nil
        }
        var rest: [UInt8] = []
        for child in children.dropFirst() {
            switch child {
            case .text(let run): run.append(to: &rest)
            case .element(let e): e.appendTextContent(to: &rest)
            }
        }
        return TextRules.splitTerm(text(of: strong), HTMLReader.collapse(rest))
    }

    private mutating func details(_ e: HTMLNodeRef) {
        var summary: HTMLNodeRef?
        var rest: [HTMLChild] = []
        for child in e.children {
            if case .element(let c) = child, c.isNamed("summary") {
                if summary == nil { summary = c }
            } else {
                rest.append(child)
            }
        }
        guard let summary else {
            walk(e.children, line: e.line, insideArticle: true)
            return
        }
        let question = text(of: summary)
        var inner = HTMLReader()
        inner.walk(rest, line: e.line, insideArticle: true)
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
        let text = HTMLReader.collapse(inline)
        if !text.isEmpty { blocks.append(Block(.paragraph, text, line: inlineLine)) }
        inline.removeAll(keepingCapacity: true)
        inlineLine = nil
    }

    /// FAQ pairs from `<script type="application/ld+json">` FAQPage data, after the page's own.
    private mutating func readJSONLD(_ root: HTMLNodeRef) {
        var pairs: [Block] = []
        for script in root.descendants(named: "script")
        where script.attribute("type")?.lowercased() == "application/ld+json" {
            var json: [UInt8] = []
            script.appendTextContent(to: &json)
            guard let object = try? JSONSerialization.jsonObject(with: Data(json), options: [.fragmentsAllowed])
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
        return HTMLDocument(markup).withRoot { root in
            FastText.collapse((root.firstDescendant(named: "body") ?? root).textContent)
        }
    }

    /// An element's text with white space collapsed; `<br>` counts as a space.
    private mutating func text(of element: HTMLNodeRef) -> String {
        scratch.removeAll(keepingCapacity: true)
        HTMLReader.appendRawText(element.children, to: &scratch)
        return HTMLReader.collapse(scratch)
    }

    /// Appends the text of `children` and all below them: `<br>` and block elements count as a
    /// space, scripts and style sheets as nothing.
    private static func appendRawText(_ children: some Sequence<HTMLChild>, to out: inout [UInt8]) {
        for child in children {
            switch child {
            case .text(let run): run.append(to: &out)
            case .element(let e):
                let tag = HTMLTag(of: e)
                if tag.isBreak || tag.isBlock { out.append(0x20) }
                if !tag.hidesText { appendRawText(e.children, to: &out) }
            }
        }
    }

    private static func collapse(_ bytes: [UInt8]) -> String {
        FastText.collapse(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether a text run is all white space, as `Character.isWhitespace` sees it.
    private static func isWhitespace(_ run: HTMLTextRun) -> Bool {
        // No ASCII character joins a cluster that starts with white space, so the first ASCII
        // byte that is not white space answers no. Only runs with other bytes need `Character`s.
        var ascii = true
        let blank = run.allPieces { piece in
            for c in piece {
                if c >= 0x80 {
                    ascii = false
                } else if c != 0x20 && !(0x09...0x0D).contains(c) {
                    return false
                }
            }
            return true
        }
        return blank && (ascii || run.text.allSatisfy(\.isWhitespace))
    }
}
