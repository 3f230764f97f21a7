/// The format an article is written in.
public enum ArticleFormat: String, Sendable, CaseIterable {
    case text, markdown, html

    /// The file extensions read when a directory is given, and the format each implies.
    public static let extensions: [String: ArticleFormat] = [
        "txt": .text, "text": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html,
        "xhtml": .html,
    ]

    /// Picks the format from a file name's extension, else from the content: a document that
    /// opens with an HTML tag is HTML, one with Markdown headings or fences is Markdown, and
    /// anything else is plain text. A `.txt` file is plain text unless it holds a saved web page.
    public static func detect(fileName: String, text: String) -> ArticleFormat {
        let ext: String
        if FastText.isASCII(fileName) {
            // An ASCII name's characters are its bytes: its last name and extension are found
            // among them.
            let utf8 = fileName.utf8
            let name = FastText.lastASCIIComponent(utf8[...], separator: 0x2F)
            let last = name.flatMap {
                utf8[$0].contains(0x2E) ? FastText.lastASCIIComponent(utf8[$0], separator: 0x2E) : nil
            }
            ext = last.map { fileName[$0].lowercased() } ?? ""
        } else {
            let name = fileName.split(separator: "/").last ?? ""
            ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        }
        switch extensions[ext] {
        case .markdown: return .markdown
        case .html: return .html
        case .text: return looksLikeHTML(text) ? .html : .text
        case nil: return sniff(text)
        }
    }

    static func sniff(_ text: String) -> ArticleFormat {
        if looksLikeHTML(text) { return .html }
        for line in text.utf8.split(separator: 0x0A, maxSplits: 400).prefix(400) {
            let start = String(decoding: line.prefix(4), as: UTF8.self)
            if start.hasPrefix("# ") || start.hasPrefix("## ") || start.hasPrefix("### ") || start.hasPrefix("```") {
                return .markdown
            }
        }
        return .text
    }

    private static func looksLikeHTML(_ text: String) -> Bool {
        // Past ASCII white space, an ASCII character other than `<` starts no tag.
        if let first = text.utf8.prefix(64).first(where: { $0 != 0x20 && !(0x09...0x0D).contains($0) }),
            first < 0x80, first != 0x3C
        {
            return false
        }
        let head = String(decoding: text.utf8.prefix(64), as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        return ["<!doctype html", "<html", "<head", "<body", "<article", "<h1", "<p>", "<div"].contains {
            head.hasPrefix($0)
        }
    }
}
