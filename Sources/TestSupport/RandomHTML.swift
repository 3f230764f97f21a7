import Flashcards

/// Seeded random HTML pages, well-formed and broken, for checking that two ways of reading a
/// page agree: nested sections, lists with bold terms, `<details>`, furniture, hidden elements,
/// JSON-LD (valid and not), comments, CDATA, entities, unclosed and stray tags, Unicode white
/// space and combining marks.
public struct RandomHTML {
    public var random: SeededGenerator

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let words = [
        "tide", "moon", "Café", "naïve", "日本語", "🙂", "e\u{301}", "What is it?", "Why?", "¿Qué?", "Q:", "A:",
        "Share this:", "Leave a Comment", "cookie", "U.S.", "word", "Answer.", "\u{A0}", "\u{3000}", "\u{2028}",
        "\u{85}", " \u{301}", "&amp;", "&rsquo;", "&nbsp;", "&#x1F642;", "&#0;", "&bogus;", "&lt;b&gt;", "<", ">", "&",
    ]
    static let spaces = ["", " ", "  ", "\n", "\r\n", "\t", "\n\n", " \n "]
    static let inline = ["b", "strong", "em", "a", "span", "i", "code", "small", "u", "img", "br"]
    static let blocks = [
        "p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
        "details", "summary", "blockquote", "pre", "table", "figure", "figcaption", "hr", "dl", "dt", "dd", "address",
        "center", "nav", "footer", "aside", "script", "style", "noscript", "form", "button", "template", "svg",
        "textarea", "select", "iframe", "tr", "td", "body", "html", "head", "title", "STRONG", "P", "Li", "custom-tag",
    ]
    static let attributes = [
        "", "", "", " class=\"share-buttons\"", " class='comments'", " id=\"sidebar\"", " role=\"navigation\"",
        " hidden", " aria-hidden=\"true\"", " aria-hidden=\"false\"", " style=\"display: none\"",
        " style=\"DISPLAY:NONE; color: red\"", " class=\"post-body\"", " CLASS=\"Related_Posts\"",
        " type=\"application/ld+json\"", " type=\"Application/LD+JSON\"", " type=\"text/javascript\"",
        " class=\"a\" class=\"menu\"", " data-x=\"&amp;&rsquo;\"", " id=\"main\"", " class=cookie-notice",
    ]
    static let jsonLD = [
        #"{"@type": "FAQPage", "mainEntity": [{"name": "Does it work?", "acceptedAnswer": {"text": "Yes, <b>it</b> does.<p>Second&nbsp;part.</p>"}}]}"#,
        #"{"@graph": [{"@type": ["FAQPage"], "mainEntity": {"name": "One &amp; two?", "acceptedAnswer": [{"text": "Both."}]}}]}"#,
        #"[{"@type": "FAQPage", "mainEntity": []}, {"@type": "Article"}]"#,
        #"{"@type": "FAQPage", "mainEntity": [{"name": "Broken?""#,
        "<!-- {\"@type\": \"FAQPage\"} -->",
    ]

    mutating func pick(_ list: [String]) -> String { list.randomElement(using: &random) ?? "" }

    mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }

    /// A page of up to about `size` pieces.
    public mutating func page(size: Int = 60) -> String {
        var out = chance(0.5) ? "<!DOCTYPE html>" : ""
        if chance(0.3) { out += "<html><head><title>\(pick(Self.words)) \(pick(Self.words))</title></head><body>" }
        var open: [String] = []
        for _ in 0..<Int.random(in: 0...size, using: &random) {
            switch Int.random(in: 0..<14, using: &random) {
            case 0, 1, 2: out += pick(Self.words) + pick(Self.spaces)
            case 3: out += pick(Self.spaces)
            case 4, 5:
                let tag = pick(Self.inline)
                out += "<\(tag)\(pick(Self.attributes))>\(pick(Self.words))"
                if chance(0.8) { out += "</\(tag)>" }
            case 6, 7, 8:
                let tag = pick(Self.blocks)
                out += "<\(tag)\(pick(Self.attributes))>"
                open.append(tag)
            case 9, 10:
                if let tag = open.popLast() { out += "</\(tag)>" }
            case 11: out += chance(0.5) ? "<!-- \(pick(Self.words)) -->" : "<![CDATA[\(pick(Self.words))]]>"
            case 12:
                out += "<script type=\"application/ld+json\">\(pick(Self.jsonLD))</script>"
            default:
                out +=
                    chance(0.5)
                    ? "</\(pick(Self.blocks))>" : "<li><strong>\(pick(Self.words))</strong>: \(pick(Self.words))"
            }
        }
        if chance(0.7) { while let tag = open.popLast() { out += "</\(tag)>" } }
        return out
    }
}
