import Flashcards

/// A rebuilt deck laid over the deck already on disk, so that learners keep their place.
///
/// Cards whose id is in both keep their position and take the new text (tags added by hand
/// are kept); new cards go in after the card that precedes them in the article; cards the
/// article no longer makes are removed and reported. Hand-made cards (`basic`) are never made
/// by `build`, so they stay.
public struct DeckUpdate: Sendable {
    public var deck: Deck
    public var added: [Card]
    public var removed: [Card]
    public var kept: Int

    public init(existing: Deck?, built: Deck) {
        guard let existing, !existing.cards.isEmpty else {
            deck = built
            added = built.cards
            removed = []
            kept = 0
            return
        }
        let builtByID = Dictionary(built.cards.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIDs = Set(existing.cards.map(\.id))
        // New cards, grouped by the id of the built card before them (nil: at the start).
        var inserts: [CardID?: [Card]] = [:]
        var previous: CardID?
        var added: [Card] = []
        for card in built.cards {
            if !oldIDs.contains(card.id) {
                inserts[previous, default: []].append(card)
                added.append(card)
            } else {
                previous = card.id
            }
        }
        var cards: [Card] = inserts[nil] ?? []
        var removed: [Card] = []
        var kept = 0
        for old in existing.cards {
            if var fresh = builtByID[old.id] {
                fresh.tags += old.tags.filter { !fresh.tags.contains($0) }
                cards.append(fresh)
                kept += 1
            } else if old.kind == .basic {
                cards.append(old)
                kept += 1
                continue
            } else {
                removed.append(old)
                continue
            }
            cards += inserts[old.id] ?? []
        }
        var deck = built
        deck.cards = cards
        self.deck = deck
        self.added = added
        self.removed = removed
        self.kept = kept
    }
}
