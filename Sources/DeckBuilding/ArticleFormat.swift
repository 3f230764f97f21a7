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
        let name = fileName.split(separator: "/").last ?? ""
        let ext = name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } ?? "" : ""
        switch extensions[ext] {
        case .markdown: return .markdown
        case .html: return .html
        case .text: return sniff(text) == .html ? .html : .text
        case nil: return sniff(text)
        }
    }

    static func sniff(_ text: String) -> ArticleFormat {
        let head = text.prefix(2048).drop { $0.isWhitespace }.lowercased()
        for opener in ["<!doctype html", "<html", "<head", "<body", "<article", "<h1", "<p>", "<div"]
        where head.hasPrefix(opener) {
            return .html
        }
        var markdownSignals = 0
        for line in text.split(separator: "\n", maxSplits: 400, omittingEmptySubsequences: true).prefix(400) {
            if line.hasPrefix("# ") || line.hasPrefix("## ") || line.hasPrefix("### ") || line.hasPrefix("```") {
                markdownSignals += 1
            }
        }
        return markdownSignals > 0 ? .markdown : .text
    }
}
