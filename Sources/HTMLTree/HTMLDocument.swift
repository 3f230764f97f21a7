internal import CLibXML2
import Glibc

/// A parsed HTML page.
///
/// Parsing goes through libxml2's HTML parser, a real parser that decodes entities
/// (`&rsquo;`, `&nbsp;`) and repairs unclosed tags the way browsers do. The page keeps
/// libxml2's tree: `withRoot` reads it in place (the deck builder's path, no copy), and `root`
/// gives it as plain Swift values. This target imports Glibc rather than Foundation because
/// libxml2's headers and Foundation bring two different ICU module definitions that clash
/// (DESIGN.md); the import stays internal so no other module sees libxml2.
public struct HTMLDocument: Sendable, Equatable {
    private let tree: ParsedTree

    /// Parses UTF-8 HTML. Never fails: broken markup is repaired, and bytes libxml2 cannot
    /// make sense of give an empty `html` element.
    public init(utf8 bytes: some Collection<UInt8>) {
        let doc = bytes.withContiguousStorageIfAvailable(HTMLDocument.parse)
        tree = ParsedTree(doc ?? Array(bytes).withUnsafeBufferPointer(HTMLDocument.parse))
    }

    /// Parses an HTML string (its UTF-8 is read in place, not copied).
    public init(_ html: String) {
        var html = html
        tree = ParsedTree(html.withUTF8(HTMLDocument.parse))
    }

    private static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> htmlDocPtr? {
        bytes.baseAddress.flatMap { base in
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                htmlReadMemory($0, Int32(bytes.count), nil, "UTF-8", options)
            }
        }
    }

    // RECOVER repairs broken markup, NONET forbids fetching DTDs, NOERROR/NOWARNING keep
    // libxml2 quiet on stderr, IGNORE_ENC makes a `<meta charset>` unable to override the UTF-8
    // the caller has already checked, COMPACT stores short text inside its node (fewer
    // allocations; the tree is only read).
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)

    /// Reads the page in place: `body` gets the `html` element (libxml2 adds one when the page
    /// has none). The nodes are valid only inside `body`.
    public func withRoot<Result>(_ body: (HTMLNodeRef) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(tree) { try body(tree.root) }
    }

    /// The `html` element as Swift values, converted from libxml2's tree on each call.
    public var root: HTMLElement {
        withRoot { $0.converted() }
    }

    /// The `body` element, or the root when the page has none.
    public var body: HTMLElement {
        let root = root
        return root.firstDescendant(named: "body") ?? root
    }

    /// The text of the `head`'s `title`, if any.
    public var title: String? {
        guard let head = root.firstDescendant(named: "head"), let title = head.firstDescendant(named: "title")
        else { return nil }
        return title.textContent
    }

    public static func == (lhs: HTMLDocument, rhs: HTMLDocument) -> Bool { lhs.root == rhs.root }
}

/// Owns the document libxml2 parsed. It is never changed after parsing, so reading it from
/// several threads is safe.
private final class ParsedTree: @unchecked Sendable {
    let doc: htmlDocPtr?
    let root: HTMLNodeRef

    init(_ doc: htmlDocPtr?) {
        self.doc = doc
        // libxml2 adds an `html` element; keep one root whatever it did: the page's only child
        // when that is `html`, or else a stand-in `html` holding all of them.
        let page = HTMLNodeRef(document: doc)
        var children = page.children.makeIterator()
        if case .element(let only)? = children.next(), only.name == "html", case .none = children.next() {
            root = only
        } else {
            root = page
        }
    }

    deinit { if let doc { xmlFreeDoc(doc) } }
}
