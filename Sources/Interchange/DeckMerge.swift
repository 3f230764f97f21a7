import Flashcards
import Foundation

/// How many cards an import added, changed and found already as they were.
public struct ImportSummary: Equatable, Sendable, CustomStringConvertible {
    public var added = 0
    public var updated = 0
    public var unchanged = 0

    public init(added: Int = 0, updated: Int = 0, unchanged: Int = 0) {
        self.added = added
        self.updated = updated
        self.unchanged = unchanged
    }

    public var description: String { "\(added) added, \(updated) updated, \(unchanged) unchanged" }
}

/// Merges imported cards into a deck: a card already in the deck is updated in place, so its
/// id, and with it its progress (kept under the card id), stays.
///
/// A row is the deck card with the row's id, else the deck card with the same question
/// (`TextNormalizer.matchKey` of the front, and the same kind when the row has one). Any other
/// row is a new card with the row's id, or `CardID.derived` when it has none. Columns the
/// file lacks leave those parts of an existing card alone. Every text is made inert for the
/// terminal (`TerminalSanitizer`) before it is stored.
public enum DeckMerge {
    public static func merge(_ rows: [ImportedCard], into deck: Deck) throws(InterchangeError) -> (
        deck: Deck, summary: ImportSummary
    ) {
        let original = deck
        var deck = deck
        var summary = ImportSummary()
        var problems: [InputProblem] = []
        var position: [CardID: Int] = [:]
        position.reserveCapacity(deck.cards.count + rows.count)
        for (i, card) in deck.cards.enumerated() { position[card.id] = position[card.id] ?? i }
        // Built on first use: folding every question is the slow part of a merge, and a file
        // with ids (recall's own export) never needs it.
        var byQuestion: [String: [Int]]?
        let existing = deck.cards.count
        var claimedBy: [Int: Int] = [:]  // card position → the line that matched it
        claimedBy.reserveCapacity(rows.count)
        deck.cards.reserveCapacity(existing + rows.count)
        // Each row on its own, so on all cores: a third of a large merge.
        let clean = ParallelChunks.array(rows.count, minimum: 4096) { sanitized(rows[$0]) }

        for row in clean {
            if row.front.unicodeScalars.allSatisfy({ $0.properties.isWhitespace }) {
                problems.append(InputProblem(line: row.line, "the front (question) is empty"))
                continue
            }
            var target = row.id.flatMap { position[CardID($0)] }
            if target == nil && existing > 0 {
                let index =
                    byQuestion
                    ?? Dictionary(grouping: 0..<existing) { TextNormalizer.matchKey(original.cards[$0].front) }
                byQuestion = index
                target = index[TextNormalizer.matchKey(row.front)]?.first { i in
                    row.kind == nil || original.cards[i].kind.rawValue == row.kind
                }
            }
            if let target {
                if let earlier = claimedBy[target] {
                    problems.append(
                        InputProblem(
                            line: row.line,
                            "the same card as line \(earlier) (id \(deck.cards[target].id)); a card may appear once"))
                    continue
                }
                claimedBy[target] = row.line
                let before = deck.cards[target]
                let after = apply(row, to: before)
                if after == before {
                    summary.unchanged += 1
                } else {
                    deck.cards[target] = after
                    summary.updated += 1
                }
                continue
            }
            let kind = row.kind.map(CardKind.init(rawValue:)) ?? .basic
            let id = row.id.map(CardID.init) ?? .derived(kind: kind, question: row.front)
            if let other = position[id] {
                let why = row.id == nil ? "its id \(id), derived from kind and question," : "its id \(id)"
                let owner = claimedBy[other].map { "the card on line \($0)" } ?? "another card of the deck"
                problems.append(InputProblem(line: row.line, "\(why) is already taken by \(owner)"))
                continue
            }
            let card = apply(row, to: Card(id: id, kind: kind, front: row.front, back: row.back))
            position[id] = deck.cards.count
            claimedBy[deck.cards.count] = row.line
            deck.cards.append(card)
            summary.added += 1
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        return (deck, summary)
    }

    private static func apply(_ row: ImportedCard, to card: Card) -> Card {
        var card = card
        card.front = row.front
        card.back = row.back
        if let kind = row.kind { card.kind = CardKind(rawValue: kind) }
        if let section = row.section { card.section = section }
        if let tags = row.tags { card.tags = tags }
        if let context = row.context { card.context = context.isEmpty ? nil : context }
        return card
    }

    /// The row with every text inert; one-line fields (id, kind, section, tags) on one line,
    /// and empty id and kind read as absent.
    static func sanitized(_ row: ImportedCard) -> ImportedCard {
        func word(_ text: String?) -> String? {
            guard let text else { return nil }
            // Printable ASCII only (ids, kinds): nothing to remove or trim.
            if !text.isEmpty && text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return text }
            var clean = Substring(TerminalSanitizer.inertLine(text))
            // Trimmed by hand: Foundation's trimmingCharacters was a tenth of a large import.
            while clean.first?.isWhitespace == true { clean.removeFirst() }
            while clean.last?.isWhitespace == true { clean.removeLast() }
            return clean.isEmpty ? nil : String(clean)
        }
        var row = row
        row.id = word(row.id)
        row.kind = word(row.kind)
        row.front = TerminalSanitizer.inert(row.front)
        row.back = TerminalSanitizer.inert(row.back)
        row.context = row.context.map(TerminalSanitizer.inert)
        row.section = row.section?.map(TerminalSanitizer.inertLine)
        row.tags = row.tags?.map(TerminalSanitizer.inertLine).filter { !$0.isEmpty }
        return row
    }
}
