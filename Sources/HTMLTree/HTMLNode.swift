/// One node of a parsed HTML page: an element with its children, or a run of text.
public enum HTMLNode: Sendable, Equatable {
    case element(HTMLElement)
    case text(String)

    /// The text of this node and everything below it, as the page has it (white space kept).
    public var textContent: String {
        switch self {
        case .text(let text): text
        case .element(let element): element.textContent
        }
    }
}

/// An element: its lower-case tag name, attributes in document order, children, and the line
/// of the source it started on (1-based; 0 when libxml2 did not say).
public struct HTMLElement: Sendable, Equatable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [HTMLNode]
    public var line: Int

    public init(
        name: String, attributes: [(name: String, value: String)] = [], children: [HTMLNode] = [], line: Int = 0
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public static func == (lhs: HTMLElement, rhs: HTMLElement) -> Bool {
        lhs.name == rhs.name && lhs.line == rhs.line && lhs.children == rhs.children
            && lhs.attributes.elementsEqual(rhs.attributes) { $0.name == $1.name && $0.value == $1.value }
    }

    /// The value of an attribute (names compare case-insensitively), or nil.
    public func attribute(_ name: String) -> String? {
        let wanted = name.lowercased()
        return attributes.first { $0.name.lowercased() == wanted }?.value
    }

    /// The text of every text node below this element, in order.
    public var textContent: String {
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            switch child {
            case .text(let text): out += text
            case .element(let element): element.appendText(to: &out)
            }
        }
    }

    /// The element children, skipping text.
    public var elementChildren: [HTMLElement] {
        children.compactMap {
            if case .element(let e) = $0 { e } else { nil }
        }
    }

    /// Every element below this one (depth first, document order) whose name is `name`.
    public func descendants(named name: String) -> [HTMLElement] {
        var found: [HTMLElement] = []
        collect(named: name, into: &found)
        return found
    }

    // The searches walk `children` in place rather than through `elementChildren`, which would
    // allocate an array at every element of the page.
    private func collect(named name: String, into found: inout [HTMLElement]) {
        for case .element(let child) in children {
            if child.name == name { found.append(child) }
            child.collect(named: name, into: &found)
        }
    }

    /// The first element below this one named `name`, depth first.
    public func firstDescendant(named name: String) -> HTMLElement? {
        for case .element(let child) in children {
            if child.name == name { return child }
            if let found = child.firstDescendant(named: name) { return found }
        }
        return nil
    }
}
