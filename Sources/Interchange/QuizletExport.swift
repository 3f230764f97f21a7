import Flashcards
import Foundation

/// Quizlet's "Import" box: term, a separator, definition, a separator, the next card.
///
/// Quizlet has no quoting, so a field that contains either separator would split a card in
/// two. Such a field is never written as it is: each separator inside it becomes one space,
/// and the change is reported so the user can pick custom separators instead.
public struct QuizletExport: Sendable {
    /// What Quizlet's import box calls "Between term and definition": Tab, Comma or Custom.
    public var termSeparator: String
    /// What Quizlet's import box calls "Between cards": New line, Semicolon or Custom.
    public var cardSeparator: String

    public init(termSeparator: String = "\t", cardSeparator: String = "\n") {
        self.termSeparator = termSeparator
        self.cardSeparator = cardSeparator
    }

    /// A field that had to be changed to keep the file importable.
    public struct Adjustment: Equatable, Sendable, CustomStringConvertible {
        public var card: CardID
        public var field: String
        public var separator: String

        public init(card: CardID, field: String, separator: String) {
            self.card = card
            self.field = field
            self.separator = separator
        }

        public var description: String {
            "card \(card): the \(field) contains the \(Self.name(separator)); each one was replaced by a space"
        }

        static func name(_ separator: String) -> String {
            switch separator {
            case "\t": "term separator (tab)"
            case "\n": "card separator (new line)"
            default: "separator '\(separator)'"
            }
        }
    }

    public func render(_ cards: [Card]) throws(InterchangeError) -> (data: Data, adjustments: [Adjustment]) {
        if termSeparator.isEmpty || cardSeparator.isEmpty {
            throw .badOption("Quizlet separators cannot be empty")
        }
        if termSeparator.contains(cardSeparator) || cardSeparator.contains(termSeparator) {
            throw .badOption("the term and card separators must differ and neither may contain the other")
        }
        let fields = QuizletFields(termSeparator: termSeparator, cardSeparator: cardSeparator)
        let term = Array(termSeparator.utf8)
        let between = Array(cardSeparator.utf8)
        // Bytes in chunks of cards on all cores, joined in order: the same text as one pass.
        let chunks = ParallelChunks.map(cards.count, minimum: 4096) { range in
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Self.estimate(cards[range], separators: term.count + between.count))
            var adjustments: [Adjustment] = []
            for i in range {
                let card = cards[i]
                if i > 0 { bytes.append(contentsOf: between) }
                fields.append(card.front, card: card.id, field: "front", to: &bytes, adjustments: &adjustments)
                bytes.append(contentsOf: term)
                fields.append(card.back, card: card.id, field: "back", to: &bytes, adjustments: &adjustments)
            }
            return (bytes, adjustments)
        }
        let newline = cardSeparator == "\n" && !cards.isEmpty
        var data = Data(capacity: chunks.reduce(newline ? 1 : 0) { $0 + $1.0.count })
        for chunk in chunks { data.append(contentsOf: chunk.0) }
        if newline { data.append(0x0A) }
        return (data, chunks.flatMap(\.1))
    }

    /// Roughly the size of the text, so the buffer seldom grows.
    static func estimate(_ cards: ArraySlice<Card>, separators: Int) -> Int {
        var n = 16
        for card in cards { n += separators + card.front.utf8.count + card.back.utf8.count }
        return n + n / 16
    }
}
