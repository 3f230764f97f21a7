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
        // Where each id is: the deck's own cards (the first of a repeated id), and the cards
        // added here. Kept apart so the rows can look up the deck's while they are prepared.
        // (The deck's id hashes on all cores; entered in order, so the first of an id stays.)
        let deckHashes = ParallelChunks.array(deck.cards.count, minimum: 4096) { original.cards[$0].id.hashValue }
        var known = CardPositions(capacity: deck.cards.count)
        // By index: copying each card out of the array was a tenth of a re-import's merge.
        for i in deck.cards.indices { _ = known.enter(deck.cards[i].id, hash: deckHashes[i], at: i) }
        var addedPosition = CardPositions(capacity: rows.count)
        // Built on first use: folding every question is the slow part of a merge, and a file
        // with ids (recall's own export) never needs it.
        var byQuestion: [String: [Int]]?
        let existing = deck.cards.count
        // Card position → the line that matched it; new cards come after `existing`.
        var claimedBy = [Int?](repeating: nil, count: existing + rows.count)
        // Everything a row needs that does not depend on the rows before it (the sanitizing,
        // the card it would become, the deck card with its id and whether it changes), on all
        // cores: the loop below only decides.
        var prepared = ParallelChunks.array(rows.count, minimum: 4096) { [known] in
            PreparedRow(rows[$0], deck: original.cards, known: known)
        }
        // The rows that become new cards, in order.
        var added: [Int] = []
        added.reserveCapacity(rows.count)
        // Deck cards the rows change, applied after the loop: a store into `deck.cards` in the
        // loop let the optimizer make the array unique (copy it) ahead of the loop even when no
        // card changed, and the saving then had to encode the unchanged deck to find out.
        var updates: [(position: Int, card: Card)] = []

        // By index, not by element: copying each prepared card out was a third of the loop.
        for r in prepared.indices {
            if prepared[r].blankFront {
                problems.append(InputProblem(line: prepared[r].line, "the front (question) is empty"))
                continue
            }
            let id = prepared[r].card.id
            // A deck card's id keeps its place, so the prepared match stands.
            var target = prepared[r].match
            // Whether the row's id is already entered as a new card's (at the position it gets).
            var entered = false
            if prepared[r].hasID && target == nil {
                if existing == 0 {
                    // Nothing to match by question: the row adds its card or clashes, so its id
                    // is entered now, in one probe rather than a lookup and an insert.
                    if let earlier = addedPosition.enter(id, hash: prepared[r].idHash, at: existing + added.count) {
                        target = earlier
                    } else {
                        entered = true
                    }
                } else {
                    target = addedPosition.position(of: id, hash: prepared[r].idHash)
                }
            }
            if target == nil && existing > 0 {
                let index =
                    byQuestion
                    ?? Dictionary(grouping: 0..<existing) { TextNormalizer.matchKey(original.cards[$0].front) }
                byQuestion = index
                target = index[TextNormalizer.matchKey(prepared[r].card.front)]?.first { i in
                    !prepared[r].given.contains(.kind) || original.cards[i].kind == prepared[r].card.kind
                }
            }
            if let target {
                if let earlier = claimedBy[target] {
                    let id = target < existing ? original.cards[target].id : prepared[added[target - existing]].card.id
                    problems.append(
                        InputProblem(
                            line: prepared[r].line,
                            "the same card as line \(earlier) (id \(id)); a card may appear once"))
                    continue
                }
                // Only a card of the deck can be unclaimed: a new card is claimed as it is added.
                claimedBy[target] = prepared[r].line
                let unchanged =
                    target == prepared[r].match
                    ? prepared[r].matchUnchanged : prepared[r].changes(nothingIn: original.cards[target])
                if unchanged {
                    summary.unchanged += 1
                } else {
                    updates.append((target, prepared[r].applied(to: original.cards[target])))
                    summary.updated += 1
                }
                continue
            }
            // A row with an id that got here has neither a deck card's id (its match) nor a
            // new card's (looked up above).
            if !prepared[r].hasID,
                let other = known.position(of: id, hash: prepared[r].idHash)
                    ?? addedPosition.position(of: id, hash: prepared[r].idHash)
            {
                let why = "its id \(id), derived from kind and question,"
                let owner = claimedBy[other].map { "the card on line \($0)" } ?? "another card of the deck"
                problems.append(InputProblem(line: prepared[r].line, "\(why) is already taken by \(owner)"))
                continue
            }
            if !entered { _ = addedPosition.enter(id, hash: prepared[r].idHash, at: existing + added.count) }
            claimedBy[existing + added.count] = prepared[r].line
            added.append(r)
            summary.added += 1
        }
        if !problems.isEmpty { throw .invalidInput(problems) }
        for update in updates { deck.cards[update.position] = update.card }
        if existing == 0 && added.count == prepared.count {
            // A new deck of every row (the common first import): the prepared cards as they are.
            deck.cards = takeCards(from: &prepared, at: prepared.indices)
        } else if !added.isEmpty {
            deck.cards += takeCards(from: &prepared, at: added)
        }
        return (deck, summary)
    }

    /// What a row's card is left as once taken or not needed: nothing in it is allocated.
    private static let emptyCard = Card(id: CardID(""), kind: .basic, front: "", back: "")

    /// The cards of the rows at `positions`, moved out of them (an empty card left in their
    /// place): copying them retained every card's strings and arrays, and freeing the rows
    /// released them again, each a cache miss on a string of its own.
    private static func takeCards(from rows: inout [PreparedRow], at positions: some Collection<Int>) -> [Card] {
        let empty = emptyCard
        var cards: [Card] = []
        cards.reserveCapacity(positions.count)
        for r in positions {
            var card = empty
            swap(&card, &rows[r].card)
            cards.append(card)
        }
        return cards
    }

    /// A sanitized row and the new card it would become (its id, or one derived from its kind
    /// and question).
    private struct PreparedRow: Sendable {
        struct Columns: OptionSet {
            let rawValue: UInt8
            static let kind = Columns(rawValue: 1)
            static let section = Columns(rawValue: 2)
            static let tags = Columns(rawValue: 4)
            static let context = Columns(rawValue: 8)
        }

        var line: Int
        var card: Card
        var hasID: Bool
        /// The optional columns the file has.
        var given: Columns
        var blankFront: Bool
        /// `card.id.hashValue`, for the positions by id.
        var idHash: Int
        /// The deck card with the row's id, and whether the row leaves it as it is.
        var match: Int?
        var matchUnchanged = false

        /// The row made into a new card with every text inert (id and kind by `word`, one-line
        /// section and tags; the columns it lacks left empty, an empty context absent), each
        /// text taken once: sanitizing a copy of the row and then copying its texts into the
        /// card retained and released each twice more.
        init(_ row: ImportedCard, deck: [Card], known: CardPositions) {
            line = row.line
            let id = DeckMerge.word(row.id)
            let kind = DeckMerge.word(row.kind)
            let front = TerminalSanitizer.inert(row.front)
            let context = row.context.map(TerminalSanitizer.inert)
            let section = row.section.map(DeckMerge.inertSection)
            let tags = row.tags.map(DeckMerge.inertTags)
            hasID = id != nil
            given = []
            if kind != nil { given.insert(.kind) }
            if section != nil { given.insert(.section) }
            if tags != nil { given.insert(.tags) }
            if context != nil { given.insert(.context) }
            blankFront = front.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
            let cardKind = kind.map(CardKind.init(rawValue:)) ?? .basic
            // Derived only for a row without an id that is neither blank nor (maybe) a match.
            let cardID = id.map(CardID.init) ?? (blankFront ? CardID("") : .derived(kind: cardKind, question: front))
            card = Card(
                id: cardID, kind: cardKind, front: front, back: TerminalSanitizer.inert(row.back),
                context: context.flatMap { $0.isEmpty ? nil : $0 }, section: section ?? [], tags: tags ?? [])
            idHash = cardID.hashValue
            if hasID, let match = known.position(of: cardID, hash: idHash) {
                self.match = match
                matchUnchanged = changes(nothingIn: deck[match])
                // Nothing reads the card of a row that leaves its match as it is: its texts are
                // let go here, while they are in the cache, not one cache miss each when the
                // rows are freed after the loop (a tenth of an unchanged re-import's merge).
                if matchUnchanged { card = DeckMerge.emptyCard }
            }
        }

        /// Whether `applied(to: card) == card`, without building that card: only the parts
        /// this row sets can differ.
        func changes(nothingIn card: Card) -> Bool {
            Self.same(card.front, self.card.front) && Self.same(card.back, self.card.back)
                && (!given.contains(.kind) || card.kind == self.card.kind)
                && (!given.contains(.section) || Self.same(card.section, self.card.section))
                && (!given.contains(.tags) || Self.same(card.tags, self.card.tags))
                && (!given.contains(.context) || Self.same(card.context, self.card.context))
        }

        /// `a == b`, answered from the UTF-8 bytes when they are the same: `==` on non-ASCII
        /// text compares canonical equivalence, which walked every character of an unchanged
        /// re-import (a fifth of its merge). Equal bytes are always equal strings; any other
        /// pair is left to `==`.
        static func same(_ a: String, _ b: String) -> Bool {
            var a = a
            var b = b
            let bytesEqual = a.withUTF8 { x in
                b.withUTF8 { y in
                    guard x.count == y.count, let p = x.baseAddress, let q = y.baseAddress else {
                        return x.count == y.count
                    }
                    return memcmp(p, q, x.count) == 0
                }
            }
            return bytesEqual || a == b
        }

        static func same(_ a: String?, _ b: String?) -> Bool {
            switch (a, b) {
            case (nil, nil): true
            case (let a?, let b?): same(a, b)
            default: false
            }
        }

        static func same(_ a: [String], _ b: [String]) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { same($0, $1) }
        }

        /// `card` with what this row sets: the columns the file lacks stay.
        func applied(to card: Card) -> Card {
            var card = card
            card.front = self.card.front
            card.back = self.card.back
            if given.contains(.kind) { card.kind = self.card.kind }
            if given.contains(.section) { card.section = self.card.section }
            if given.contains(.tags) { card.tags = self.card.tags }
            if given.contains(.context) { card.context = self.card.context }
            return card
        }
    }

    /// An id or kind on one line and trimmed; empty reads as absent.
    static func word(_ text: String?) -> String? {
        guard let text else { return nil }
        // Printable ASCII only (ids, kinds): nothing to remove or trim.
        if !text.isEmpty && text.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return text }
        var clean = Substring(TerminalSanitizer.inertLine(text))
        // Trimmed by hand: Foundation's trimmingCharacters was a tenth of a large import.
        while clean.first?.isWhitespace == true { clean.removeFirst() }
        while clean.last?.isWhitespace == true { clean.removeLast() }
        return clean.isEmpty ? nil : String(clean)
    }

    // Lists that need no change are kept, not rebuilt: two arrays fewer per row.

    static func inertSection(_ section: [String]) -> [String] {
        section.allSatisfy(TerminalSanitizer.isInertLine) ? section : section.map(TerminalSanitizer.inertLine)
    }

    static func inertTags(_ tags: [String]) -> [String] {
        tags.allSatisfy { !$0.isEmpty && TerminalSanitizer.isInertLine($0) }
            ? tags : tags.map(TerminalSanitizer.inertLine).filter { !$0.isEmpty }
    }
}
