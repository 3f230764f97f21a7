import Flashcards
import Foundation
import Interchange
import TestSupport
import Testing

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
