import Flashcards
import TestSupport
import Testing

@testable import Interchange

/// `DeckMerge.merge` prepares every row's card on all cores and keeps only the decisions in
/// its loop; here it is held to the one-loop merge it replaced (below, as it was) on random
/// decks and rows: ids and questions that collide, blank fronts, kinds, missing columns.
struct DeckMergeFastPathTests {
    @Test(arguments: UInt64(0)..<150)
    func mergesAsTheOneLoopMergeDid(seed: UInt64) {
        var tricky = TrickyText(seed: seed)
        // Past 4096 rows the rows are prepared in chunks.
        let size = seed % 50 == 49 ? 5000 : tricky.int(0...40)
        // Odd seeds avoid every clash, so large merges succeed too.
        let clashes = seed % 2 == 0
        let deck = Deck(
            title: "t", cards: Self.deckCards(&tricky, count: tricky.int(0...1) == 0 ? 0 : size, clashes: clashes))
        let rows = Self.rows(&tricky, count: size, deck: deck, clashes: clashes)
        let fast = Result { () throws(InterchangeError) in try DeckMerge.merge(rows, into: deck) }
        let reference = Result { () throws(InterchangeError) in try OneLoopMerge.merge(rows, into: deck) }
        if !clashes { #expect((try? fast.get()) != nil, "seed \(seed) merges") }
        switch (fast, reference) {
        case (.success(let a), .success(let b)):
            #expect(a.deck == b.deck, "seed \(seed)")
            #expect(a.summary == b.summary, "seed \(seed)")
        case (.failure(let a), .failure(let b)):
            #expect(a == b, "seed \(seed)")
        default:
            Issue.record("seed \(seed): \(fast) but the one-loop merge gave \(reference)")
        }
    }

    /// Cards with a few repeated questions and ids, so matching by question is ambiguous.
    static func deckCards(_ tricky: inout TrickyText, count: Int, clashes: Bool) -> [Card] {
        let kinds: [CardKind] = [.basic, .faq, .term]
        return (0..<count).map { i in
            let front =
                clashes && tricky.int(0...5) == 0 ? "Q\(tricky.int(0...3))" : "Q\(i)z " + tricky.text(maxPieces: 2)
            let id = clashes && tricky.int(0...20) == 0 ? CardID("dup") : CardID("c\(i)")
            return Card(
                id: id, kind: kinds[tricky.int(0...2)], front: front,
                back: tricky.text(maxPieces: 2) + (tricky.int(0...3) == 0 ? "caf\u{E9}" : ""),
                context: tricky.int(0...1) == 0 ? nil : "ctx", section: ["S"], tags: ["a", "b"])
        }
    }

    /// Rows that update deck cards by id or question (changed or not), add new ones, or clash.
    static func rows(_ tricky: inout TrickyText, count: Int, deck: Deck, clashes: Bool) -> [ImportedCard] {
        let kinds = ["basic", "faq", "term", "", " faq "]
        // Whole columns are present or absent, as in a file.
        let columns = (0..<5).map { _ in tricky.int(0...2) > 0 }
        return (0..<count).map { i in
            let from: Card?
            if clashes {
                from =
                    deck.cards.isEmpty || tricky.int(0...2) == 0
                    ? nil : deck.cards[tricky.int(0...deck.cards.count - 1)]
            } else {
                from = i < deck.cards.count && tricky.int(0...2) > 0 ? deck.cards[i] : nil
            }
            var front = from?.front ?? "N\(clashes ? tricky.int(0...count) : i)z " + tricky.text(maxPieces: 1)
            switch clashes ? tricky.int(0...30) : 3 {
            case 0: front = "  \n"
            case 1: front = "Q\(tricky.int(0...3))"
            case 2: front = front.uppercased() + "?"
            default: break
            }
            var back = tricky.int(0...3) == 0 ? tricky.text(maxPieces: 2) : (from?.back ?? "b")
            // The same text in another normal form: equal as strings, so the card is unchanged.
            if tricky.int(0...2) == 0 { back = back.replacing("\u{E9}", with: "e\u{301}") }
            var id: String? = nil
            if columns[0] {
                switch clashes ? tricky.int(0...6) : 2 {
                case 0: id = ""
                case 1: id = "r\(tricky.int(0...count))"
                case 2, 3: id = from?.id.rawValue ?? (clashes ? nil : "n\(i)")
                default: id = "n\(i)"
                }
            }
            return ImportedCard(
                line: i + 2, id: id, front: front, back: back,
                kind: columns[1] ? (from?.kind.rawValue ?? kinds[tricky.int(0...kinds.count - 1)]) : nil,
                section: columns[2] ? (tricky.int(0...3) == 0 ? [] : ["S"]) : nil,
                tags: columns[3] ? ["a", tricky.int(0...3) == 0 ? "c" : "b"] : nil,
                context: columns[4] ? (tricky.int(0...2) == 0 ? "" : "ctx") : nil)
        }
    }
}

/// The merge as it was before its rows were prepared on all cores (one loop did everything).
private enum OneLoopMerge {
    static func merge(_ rows: [ImportedCard], into deck: Deck) throws(InterchangeError) -> (
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

}

/// The row with every text inert, as the one-loop merge sanitized it before making its card
/// (also the reference of `RoundTripTests`).
func sanitized(_ row: ImportedCard) -> ImportedCard {
    var row = row
    row.id = DeckMerge.word(row.id)
    row.kind = DeckMerge.word(row.kind)
    row.front = TerminalSanitizer.inert(row.front)
    row.back = TerminalSanitizer.inert(row.back)
    row.context = row.context.map(TerminalSanitizer.inert)
    row.section = row.section.map(DeckMerge.inertSection)
    row.tags = row.tags.map(DeckMerge.inertTags)
    return row
}
