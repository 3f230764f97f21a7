/// A deck's file name under `Decks/`: a slug that can never leave that directory.
public struct DeckName: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let slug: String

    /// Accepts a deck name as a user types it; lower-cases it and turns spaces and
    /// punctuation into `-`. Refuses names that name a path (`../x`, `/etc/x`, `a/b`).
    public init(_ name: String) throws(DeckNameError) {
        if name.contains("/") || name.contains("\\") || name.hasPrefix(".") {
            throw .leavesDecks(name)
        }
        var name = name
        if name.hasSuffix(".json") { name.removeLast(5) }
        let slug = DeckName.slugify(name)
        guard !slug.isEmpty else { throw .empty(name) }
        self.slug = slug
    }

    /// A slug made from free text such as an article's title or file name.
    public init?(slugging text: String) {
        let slug = DeckName.slugify(text)
        guard !slug.isEmpty else { return nil }
        self.slug = slug
    }

    public var description: String { slug }
    public var fileName: String { slug + ".json" }

    public static func < (lhs: DeckName, rhs: DeckName) -> Bool { lhs.slug < rhs.slug }

    static func slugify(_ text: String) -> String {
        let key = TextNormalizer.matchKey(text)
        // A match key's words are one space apart, so when it is short (12 words and 80 bytes
        // at most) its slug is the key with `-` for each space, made without splitting it.
        let utf8 = key.utf8
        if utf8.count <= 80, utf8.reduce(0, { $0 + ($1 == 0x20 ? 1 : 0) }) < 12 {
            return String(decoding: utf8.map { $0 == 0x20 ? 0x2D : $0 }, as: UTF8.self)
        }
        let words = key.split(separator: " ").prefix(12)
        var slug = words.joined(separator: "-")
        if slug.utf8.count > 80 { slug = String(slug.prefix(80)) }
        return slug
    }
}

public enum DeckNameError: Error, Equatable, CustomStringConvertible {
    case leavesDecks(String)
    case empty(String)

    public var description: String {
        switch self {
        case .leavesDecks(let name):
            "deck name '\(TerminalSanitizer.inertLine(name))' is a path; a deck name may not leave Decks/"
        case .empty(let name):
            "deck name '\(TerminalSanitizer.inertLine(name))' has no letters or digits"
        }
    }
}
