/// A named, ordered collection of cards, as stored in `Decks/<slug>.json`.
public struct Deck: Hashable, Codable, Sendable {
    /// The version of the deck file format this code writes.
    public static let currentFormat = 1

    public var format: Int
    public var title: String
    public var source: DeckSource?
    public var cards: [Card]

    public init(title: String, source: DeckSource? = nil, cards: [Card] = [], format: Int = Deck.currentFormat) {
        self.format = format
        self.title = title
        self.source = source
        self.cards = cards
    }

    /// The card with this id, if the deck has one.
    public func card(_ id: CardID) -> Card? { cards.first { $0.id == id } }
}

/// Where a deck's cards came from: the article (or, for several, each of them) and its digest.
public struct DeckSource: Hashable, Codable, Sendable {
    public var path: String
    /// Lower-case hex SHA-256 of the source bytes (of all files' digests, in order, for several).
    public var sha256: String
    /// One entry per article when the deck was built from more than one.
    public var files: [DeckSource]?

    public init(path: String, sha256: String, files: [DeckSource]? = nil) {
        self.path = path
        self.sha256 = sha256
        self.files = files
    }
}
