internal import CLibXML2
import HTMLTree
import TestSupport
import Testing

/// `HTMLDocument.root` converts libxml2's tree through `HTMLNodeRef`; `ReferenceConversion` is
/// the direct walk it replaced. Both must give the same `HTMLElement` tree.
struct ConversionTests {
    @Test func randomPagesConvertAsBefore() {
        var pages = RandomHTML(seed: 21)
        for _ in 0..<800 {
            let html = pages.page()
            #expect(HTMLDocument(html).root == ReferenceConversion.root(html), "\(html.debugDescription)")
        }
    }

    @Test(arguments: ["", "<!-- c -->", "x", "<p>a</p><html></html>", "<html><body>a<!-- c -->b&amp;c</body></html>"])
    func edgeCasePagesConvertAsBefore(html: String) {
        #expect(HTMLDocument(html).root == ReferenceConversion.root(html))
    }

    @Test func nodesReadInPlaceMatchTheConvertedTree() {
        var pages = RandomHTML(seed: 22)
        for _ in 0..<300 {
            let document = HTMLDocument(pages.page())
            let root = document.root
            document.withRoot { node in
                #expect(node.name == root.name)
                #expect(node.textContent == root.textContent)
                #expect(
                    node.descendants(named: "p").map(\.textContent) == root.descendants(named: "p").map(\.textContent))
                #expect(node.firstDescendant(named: "li")?.line == root.firstDescendant(named: "li")?.line)
                for (fast, slow) in zip(node.descendants(named: "div"), root.descendants(named: "div")) {
                    for name in ["class", "ID", "hidden", "style"] {
                        #expect(fast.attribute(name) == slow.attribute(name))
                    }
                }
            }
        }
    }
}

/// The conversion `HTMLDocument` made before it kept libxml2's tree, kept as the reference.
enum ReferenceConversion {
    static func root(_ html: String) -> HTMLElement {
        let buffer = Array(html.utf8)
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
                convert(current, into: &children)
                node = current.pointee.next
            }
            if children.count == 1, case .element(let only) = children[0], only.name == "html" {
                top = only
            } else {
                top.children = children
            }
        }
        return top
    }

    private static func convert(_ node: xmlNodePtr, into out: inout [HTMLNode]) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            var element = HTMLElement(name: lowercased(node.pointee.name), line: Int(xmlGetLineNo(node)))
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
                if case .text(let previous)? = out.last {
                    out[out.count - 1] = .text(previous + text)
                } else {
                    out.append(.text(text))
                }
            }
        default:
            break
        }
    }

    private static func lowercased(_ chars: UnsafePointer<xmlChar>?) -> String {
        let name = string(chars)
        return name.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? name : name.lowercased()
    }

    private static func string(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        return String(cString: chars)
    }
}
