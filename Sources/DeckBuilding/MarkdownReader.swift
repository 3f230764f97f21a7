import HTMLTree
import Ink

/// Reads Markdown by turning it into HTML with Ink and reading that with the HTML reader: one
/// structural path for both formats. A `title:` in front matter is the title when the text has
/// no `# Heading`. Lines of Ink's HTML are not lines of the Markdown, so notes carry none.
enum MarkdownReader {
    static func read(_ text: String) -> HTMLReader {
        let markdown = MarkdownParser().parse(text)
        return HTMLReader.read(HTMLDocument(markdown.html), fallbackTitle: markdown.metadata["title"]).withoutLines()
    }
}
