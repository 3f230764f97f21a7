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
        var adjustments: [Adjustment] = []
        var out = ""
        for (index, card) in cards.enumerated() {
            if index > 0 { out += cardSeparator }
            out += clean(card.front, card: card.id, field: "front", into: &adjustments)
            out += termSeparator
            out += clean(card.back, card: card.id, field: "back", into: &adjustments)
        }
        if cardSeparator == "\n" && !cards.isEmpty { out += "\n" }
        return (Data(out.utf8), adjustments)
    }

    private func clean(_ text: String, card: CardID, field: String, into adjustments: inout [Adjustment]) -> String {
        var scalars = Array(text.unicodeScalars)
        for separator in [termSeparator, cardSeparator] {
            // A lone carriage return reads as a line break too.
            let variants = separator == "\n" ? ["\n", "\r"] : [separator]
            var replaced = false
            for variant in variants {
                replaced = Self.replace(Array(variant.unicodeScalars), in: &scalars) || replaced
            }
            if replaced { adjustments.append(Adjustment(card: card, field: field, separator: separator)) }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Replaces each occurrence of `needle` with one space, scalar by scalar (so `\r\n` holds a
    /// `\n`, unlike in Character comparison); true when there was one.
    static func replace(_ needle: [Unicode.Scalar], in scalars: inout [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty, scalars.count >= needle.count else { return false }
        var out: [Unicode.Scalar] = []
        var i = 0
        var found = false
        while i < scalars.count {
            if scalars[i] == needle[0], i + needle.count <= scalars.count,
                scalars[i..<(i + needle.count)].elementsEqual(needle)
            {
                out.append(" ")
                i += needle.count
                found = true
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        if found { scalars = out }
        return found
    }
}
