import Flashcards
import Foundation
import TestSupport
import Testing

@testable import Interchange

/// Export then import gives back every card exactly, whatever the text holds.
struct RoundTripTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

    private func roundTrip(_ cards: [Card], export: CSVExport, delimiter: CSVExport.Delimiter) throws -> [Card] {
        let data = try export.render(cards)
        let table = try CSVImport(delimiter: delimiter, restoreFormulas: export.neutralizeFormulas).read(data)
        return table.cards.map { row in
            Card(
                id: CardID(row.id ?? ""), kind: CardKind(rawValue: row.kind ?? ""), front: row.front, back: row.back,
                context: (row.context ?? "").isEmpty ? nil : row.context, section: row.section ?? [],
                tags: row.tags ?? [])
        }
    }

    /// Large exports and imports run in chunks on all cores; the text and the cards are the
    /// same as one pass gives.
    @Test func largeDeckRoundTripsThroughChunkedExportAndMerge() throws {
        var generator = TrickyText(seed: 41)
        let cards = generator.storedCards(10_000)
        let export = CSVExport()
        let data = try export.render(cards)
        let rows = [CardColumn.header] + cards.map { CSVExport.cells(of: $0).map(FormulaGuard.neutralize) }
        #expect(data == TableWriter(delimiter: ",", lineEnding: .crlf).render(rows))
        let anki = AnkiExport(deckName: "Big", slug: "big")
        let ankiRows = cards.map { card in
            [
                card.front, card.back, card.tags.map(AnkiExport.ankiTag).filter { !$0.isEmpty }.joined(separator: " "),
                AnkiExport.guid(slug: "big", id: card.id),
            ]
        }
        var ankiText = Data(anki.headerLines.map { $0 + "\n" }.joined().utf8)
        ankiText.append(
            TableWriter(delimiter: "\t", lineEnding: .lf).render(
                ankiRows, forceQuote: { r, c in c == 0 && ankiRows[r][0].hasPrefix("#") }))
        #expect(try anki.render(cards) == ankiText)
        let table = try CSVImport().read(data)
        #expect(table.cards.count == cards.count)
        let merged = try DeckMerge.merge(table.cards, into: Deck(title: "Big"))
        // Every row cleaned as on its own, in order (ids are all new, so each row is a card).
        let clean = table.cards.map(sanitized)
        let same =
            merged.deck.cards.map(\.id.rawValue) == clean.map { $0.id ?? "" }
            && merged.deck.cards.map(\.front) == clean.map(\.front)
            && merged.deck.cards.map(\.back) == clean.map(\.back)
            && merged.deck.cards.map(\.context) == clean.map { $0.context.flatMap { $0.isEmpty ? nil : $0 } }
            && merged.deck.cards.map(\.section) == clean.map { $0.section ?? [] }
            && merged.deck.cards.map(\.tags) == clean.map { $0.tags ?? [] }
        #expect(same)
        #expect(merged.summary == ImportSummary(added: cards.count))
        let again = try DeckMerge.merge(table.cards, into: merged.deck)
        let unchanged = again.deck == merged.deck
        #expect(unchanged)
        #expect(again.summary == ImportSummary(unchanged: cards.count))
    }

    @Test(arguments: seeds)
    func csvRoundTripIsExact(seed: UInt64) throws {
        var generator = TrickyText(seed: seed)
        let cards = generator.cards(200)
        #expect(try roundTrip(cards, export: CSVExport(), delimiter: .comma) == cards)
    }

    @Test(arguments: seeds)
    func tsvRoundTripIsExact(seed: UInt64) throws {
        var generator = TrickyText(seed: seed)
        let cards = generator.cards(200)
        #expect(try roundTrip(cards, export: CSVExport(delimiter: .tab, lineEnding: .lf), delimiter: .tab) == cards)
    }

    @Test(arguments: seeds)
    func roundTripWithBOMAndLFWithoutNeutralizingIsExact(seed: UInt64) throws {
        var generator = TrickyText(seed: seed)
        // Without neutralization, a cell of apostrophes then a formula starter loses nothing
        // only when the import keeps apostrophes too.
        let cards = generator.cards(100)
        let export = CSVExport(lineEnding: .lf, byteOrderMark: true, neutralizeFormulas: false)
        #expect(try roundTrip(cards, export: export, delimiter: .comma) == cards)
    }

    @Test(arguments: seeds)
    func listCellsRoundTrip(seed: UInt64) {
        var generator = TrickyText(seed: seed)
        for _ in 0..<300 {
            let items = (0..<generator.int(0...4)).map { _ in generator.nonEmptyText(maxPieces: 5) }
            #expect(ListCell.section(fromCell: ListCell.section(items)) == items)
            #expect(ListCell.tags(fromCell: ListCell.tags(items)) == items)
        }
    }

    @Test(arguments: seeds)
    func formulaGuardIsReversible(seed: UInt64) {
        var generator = TrickyText(seed: seed)
        for _ in 0..<500 {
            let cell = generator.text(maxPieces: 4)
            #expect(FormulaGuard.restore(FormulaGuard.neutralize(cell)) == cell)
        }
    }

    @Test func ankiRoundTripKeepsTextIdsAndTags() throws {
        var generator = TrickyText(seed: 99)
        let cards = generator.cards(100).map { card in
            var card = card
            card.tags = card.tags.map(AnkiExport.ankiTag).filter { !$0.isEmpty }
            return card
        }
        let data = try AnkiExport(deckName: "Deck", slug: "deck").render(cards)
        let table = try AnkiImport().read(data)
        #expect(table.deckName == "Deck")
        #expect(table.cards.map(\.front) == cards.map(\.front))
        #expect(table.cards.map(\.back) == cards.map(\.back))
        #expect(table.cards.map(\.id) == cards.map(\.id.rawValue))
        #expect(table.cards.map { $0.tags ?? [] } == cards.map(\.tags))
    }
}
