internal import CLibXML2
import Glibc

/// An element of a parsed page read in place from libxml2's tree, without copying the page into
/// `HTMLNode` values. It sees the same page as `HTMLElement`: lower-case names, adjacent text
/// merged into one run, comments and processing instructions left out. Valid only inside
/// `HTMLDocument.withRoot`.
public struct HTMLNodeRef {
    // Raw pointers because libxml2's types stay inside this module. `isDocument` marks the
    // stand-in `html` element over a page whose top level is not a single `html` element.
    private let raw: UnsafeMutableRawPointer?
    private let isDocument: Bool

    init(document: htmlDocPtr?) {
        raw = UnsafeMutableRawPointer(document)
        isDocument = true
    }

    init(element: xmlNodePtr) {
        raw = UnsafeMutableRawPointer(element)
        isDocument = false
    }

    private var node: xmlNodePtr? { isDocument ? nil : raw?.assumingMemoryBound(to: xmlNode.self) }

    fileprivate var firstChild: xmlNodePtr? {
        if isDocument { return raw?.assumingMemoryBound(to: xmlDoc.self).pointee.children }
        return node?.pointee.children
    }

    /// The tag name in lower case.
    public var name: String {
        guard let node else { return "html" }
        return HTMLNodeRef.lowercased(node.pointee.name)
    }

    /// Calls `body` with the tag name's bytes as libxml2 has them (lower-case ASCII from its HTML
    /// parser).
    public func withName<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let node else {
            let html: StaticString = "html"
            return body(UnsafeBufferPointer(start: html.utf8Start, count: html.utf8CodeUnitCount))
        }
        guard let name = node.pointee.name else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return body(UnsafeBufferPointer(start: name, count: strlen(name)))
    }

    /// Whether the tag name is `name`, given in lower-case ASCII; no string is made.
    public func isNamed(_ name: StaticString) -> Bool {
        guard let node else { return name.utf8CodeUnitCount == 4 && strcmp(name.utf8Start, "html") == 0 }
        guard let own = node.pointee.name else { return name.utf8CodeUnitCount == 0 }
        return HTMLNodeRef.equalIgnoringASCIICase(own, name.utf8Start, lowerCaseName: name.utf8CodeUnitCount)
    }

    /// The source line the element started on (1-based; 0 when libxml2 did not say).
    public var line: Int {
        guard let node else { return 0 }
        return Int(xmlGetLineNo(node))
    }

    /// Whether the element has any attribute.
    public var hasAttributes: Bool { node?.pointee.properties != nil }

    /// The value of an attribute (names compare case-insensitively), or nil.
    public func attribute(_ name: String) -> String? {
        var attribute = node?.pointee.properties
        guard attribute != nil else { return nil }
        let wanted = name.lowercased()
        while let a = attribute {
            if HTMLNodeRef.lowercased(a.pointee.name) == wanted { return HTMLNodeRef.value(of: a) }
            attribute = a.pointee.next
        }
        return nil
    }

    /// The element's children in order: elements, and runs of adjacent text.
    public var children: HTMLChildren { HTMLChildren(first: firstChild) }

    /// Appends the bytes of every text node below this element, in order.
    public func appendTextContent(to out: inout [UInt8]) {
        HTMLNodeRef.appendText(from: firstChild, to: &out)
    }

    /// The text of every text node below this element, in order (white space kept).
    public var textContent: String {
        var out: [UInt8] = []
        appendTextContent(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The first element below this one named `name` (lower case), depth first.
    public func firstDescendant(named name: StaticString) -> HTMLNodeRef? {
        for case .element(let child) in children {
            if child.isNamed(name) { return child }
            if let found = child.firstDescendant(named: name) { return found }
        }
        return nil
    }

    /// Every element below this one (depth first, document order) named `name` (lower case).
    public func descendants(named name: StaticString) -> [HTMLNodeRef] {
        var found: [HTMLNodeRef] = []
        collect(named: name, into: &found)
        return found
    }

    private func collect(named name: StaticString, into found: inout [HTMLNodeRef]) {
        for case .element(let child) in children {
            if child.isNamed(name) { found.append(child) }
            child.collect(named: name, into: &found)
        }
    }

    /// The page as Swift values from this element down.
    func converted() -> HTMLElement {
        var element = HTMLElement(name: name, line: line)
        var attribute = node?.pointee.properties
        while let a = attribute {
            element.attributes.append((HTMLNodeRef.lowercased(a.pointee.name), HTMLNodeRef.value(of: a)))
            attribute = a.pointee.next
        }
        for child in children {
            switch child {
            case .element(let e): element.children.append(.element(e.converted()))
            case .text(let run): element.children.append(.text(run.text))
            }
        }
        return element
    }

    private static func appendText(from first: xmlNodePtr?, to out: inout [UInt8]) {
        var node = first
        while let current = node {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                appendText(from: current.pointee.children, to: &out)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content {
                    out.append(contentsOf: UnsafeBufferPointer(start: content, count: strlen(content)))
                }
            default:
                break  // comments, processing instructions, DTD
            }
            node = current.pointee.next
        }
    }

    /// A tag or attribute name in lower case. libxml2's HTML parser gives names in lower-case
    /// ASCII already, and those need no Unicode case mapping.
    /// An attribute's value: the text of its children, joined.
    private static func value(of attribute: xmlAttrPtr) -> String {
        var value = ""
        var child = attribute.pointee.children
        while let v = child {
            if let content = v.pointee.content { value += String(cString: content) }
            child = v.pointee.next
        }
        return value
    }

    private static func lowercased(_ chars: UnsafePointer<xmlChar>?) -> String {
        guard let chars else { return "" }
        let name = String(cString: chars)
        return name.utf8.allSatisfy({ $0 < 0x80 && !(0x41...0x5A).contains($0) }) ? name : name.lowercased()
    }

    /// Whether a NUL-terminated name equals a lower-case ASCII name, ASCII letters compared
    /// without case. A name with other bytes is lower-cased as `name` does (rare: libxml2 keeps
    /// names ASCII).
    private static func equalIgnoringASCIICase(
        _ own: UnsafePointer<xmlChar>, _ wanted: UnsafePointer<UInt8>, lowerCaseName count: Int
    ) -> Bool {
        var i = 0
        while true {
            let c = own[i]
            if c >= 0x80 {
                return lowercased(own)
                    == String(decoding: UnsafeBufferPointer(start: wanted, count: count), as: UTF8.self)
            }
            if i == count { return c == 0 }
            if c == 0 || (c >= 0x41 && c <= 0x5A ? c + 0x20 : c) != wanted[i] { return false }
            i += 1
        }
    }
}

/// A child of an element read in place: an element, or a run of adjacent text nodes (libxml2
/// splits text at entities sometimes, and comments between text pieces are left out).
public enum HTMLChild {
    case element(HTMLNodeRef)
    case text(HTMLTextRun)
}

/// A run of adjacent text nodes of a parsed page, read in place.
public struct HTMLTextRun {
    // The run's first text node; it goes on to the next element.
    private let first: UnsafeMutableRawPointer

    init(first: xmlNodePtr) { self.first = UnsafeMutableRawPointer(first) }

    /// Calls `body` on the bytes of each text node of the run, in order, while it returns true.
    /// - Returns: false when `body` stopped early.
    public func allPieces(_ body: (UnsafeBufferPointer<UInt8>) -> Bool) -> Bool {
        var node: xmlNodePtr? = first.assumingMemoryBound(to: xmlNode.self)
        while let current = node, current.pointee.type != XML_ELEMENT_NODE {
            let type = current.pointee.type
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, let content = current.pointee.content {
                if !body(UnsafeBufferPointer(start: content, count: strlen(content))) { return false }
            }
            node = current.pointee.next
        }
        return true
    }

    /// Appends the run's bytes.
    public func append(to out: inout [UInt8]) {
        _ = allPieces {
            out.append(contentsOf: $0)
            return true
        }
    }

    /// The run's text.
    public var text: String {
        var out: [UInt8] = []
        append(to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// The children of an element read in place, in document order.
public struct HTMLChildren: Sequence, IteratorProtocol {
    private var cursor: UnsafeMutableRawPointer?

    init(first: xmlNodePtr?) { cursor = UnsafeMutableRawPointer(first) }

    public mutating func next() -> HTMLChild? {
        var node = cursor?.assumingMemoryBound(to: xmlNode.self)
        while let current = node {
            let type = current.pointee.type
            if type == XML_ELEMENT_NODE {
                cursor = UnsafeMutableRawPointer(current.pointee.next)
                return .element(HTMLNodeRef(element: current))
            }
            if type == XML_TEXT_NODE || type == XML_CDATA_SECTION_NODE, current.pointee.content != nil {
                // The run goes on to the next element; what lies between is its text or nothing.
                var end = current.pointee.next
                while let e = end, e.pointee.type != XML_ELEMENT_NODE { end = e.pointee.next }
                cursor = UnsafeMutableRawPointer(end)
                return .text(HTMLTextRun(first: current))
            }
            node = current.pointee.next
        }
        cursor = nil
        return nil
    }
}
