internal import CLibXML2
import Glibc

/// A parsed HTML page as plain Swift values.
///
/// Parsing goes through libxml2's HTML parser, a real parser that decodes entities
/// (`&rsquo;`, `&nbsp;`) and repairs unclosed tags the way browsers do. This target imports
/// Glibc rather than Foundation because libxml2's headers and Foundation bring two different
/// ICU module definitions that clash (DESIGN.md); the import stays internal so no other module
/// sees libxml2.
public struct HTMLDocument: Sendable, Equatable {
    /// The `html` element (libxml2 adds one when the page has none).
    public var root: HTMLElement

    public init(root: HTMLElement) { self.root = root }

    /// Parses UTF-8 HTML. Never fails: broken markup is repaired, and bytes libxml2 cannot
    /// make sense of give an empty `html` element.
    public init(utf8 bytes: some Collection<UInt8>) {
        let buffer = Array(bytes)
        // RECOVER repairs broken markup, NONET forbids fetching DTDs, NOERROR/NOWARNING keep
        // libxml2 quiet on stderr, IGNORE_ENC makes a `<meta charset>` unable to override the
        // UTF-8 the caller has already checked, COMPACT stores short text inside its node (fewer
        // allocations; the tree is only read).
        let options = Int32(
            HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue
                | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | HTML_PARSE_COMPACT.rawValue)
        let doc: htmlDocPtr? = buffer.withUnsafeBufferPointer { raw in
            raw.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: raw.count) {
                    htmlReadMemory($0, Int32(raw.count), nil, "UTF-8", options)
                }
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }
        var top = HTMLElement(name: "html")
        if let doc {
            var children: [HTMLNode] = []
            var node = doc.pointee.children
            while let current = node {
                HTMLDocument.convert(current, into: &children)
                node = current.pointee.next
            }
            // libxml2 adds an `html` element; keep one root whatever it did.
            if children.count == 1, case .element(let only) = children[0], only.name == "html" {
                top = only
            } else {
                top.children = children
            }
        }
        root = top
    }

    /// Parses an HTML string.
    public init(_ html: String) { self.init(utf8: html.utf8) }

    /// The `body` element, or the root when the page has none.
    public var body: HTMLElement { root.firstDescendant(named: "body") ?? root }

    /// The text of the `head`'s `title`, if any.
    public var title: String? {
        guard let head = root.firstDescendant(named: "head"), let title = head.firstDescendant(named: "title")
        else { return nil }
        return title.textContent
    }

    private static func convert(_ node: xmlNodePtr, into out: inout [HTMLNode]) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var element = HTMLElement(
                name: lowercased(node.pointee.name), line: Int(xmlGetLineNo(node)))
            var attr = node.pointee.properties
            while let a = attr {
                var value = ""
                var valueNode = a.pointee.children
                while let v = valueNode {
                    if v.pointee.content != nil { value += string(v.pointee.content) }
                    valueNode = v.pointee.next
                }
                element.attributes.append((lowercased(a.pointee.name), value))
                attr = a.pointee.next
            }
            var child = node.pointee.children
            while let c = child {
                convert(c, into: &element.children)
                child = c.pointee.next
            }
            out.append(.element(element))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if node.pointee.content != nil {
                let text = string(node.pointee.content)
                // Adjacent text nodes (libxml2 splits at entities sometimes) become one.
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + text)
                } else {
                    out.append(.text(text))
                }
            }
        default:
            break  // comments, processing instructions, DTD
        }
    }

    /// A tag or attribute name in lower case. libxml2's HTML parser gives most names in lower
    /// case already, and those need no Unicode case mapping.
    private static func lowercased(_ chars: UnsafePointer<xmlChar>?) -> String {
        let name = string(chars)
        return name.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? name : name.lowercased()
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }
}
