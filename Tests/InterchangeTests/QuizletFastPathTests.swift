import Flashcards
import Foundation
import Interchange
import TestSupport
import Testing

/// `QuizletExport` writes bytes in chunks on all cores and copies fields without separators as
/// they are; here it is held to the first version, which cleaned every field scalar by scalar
/// into one `String`.
struct QuizletFastPathTests {
    static func reference(_ cards: [Card], term: String, between: String) -> (String, [QuizletExport.Adjustment]) {
        var adjustments: [QuizletExport.Adjustment] = []
        var out = ""
        for (index, card) in cards.enumerated() {
            if index > 0 { out += between }
            out += clean(card.front, card: card.id, field: "front", separators: [term, between], into: &adjustments)
            out += term
            out += clean(card.back, card: card.id, field: "back", separators: [term, between], into: &adjustments)
        }
        if between == "\n" && !cards.isEmpty { out += "\n" }
        return (out, adjustments)
    }

    static func clean(
        _ text: String, card: CardID, field: String, separators: [String],
        into adjustments: inout [QuizletExport.Adjustment]
    ) -> String {
        var scalars = Array(text.unicodeScalars)
        for separator in separators {
            let variants = separator == "\n" ? ["\n", "\r"] : [separator]
            var replaced = false
            for variant in variants { replaced = replace(Array(variant.unicodeScalars), in: &scalars) || replaced }
            if replaced { adjustments.append(.init(card: card, field: field, separator: separator)) }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func replace(_ needle: [Unicode.Scalar], in scalars: inout [Unicode.Scalar]) -> Bool {
        var out: [Unicode.Scalar] = []
        var i = 0
        var found = false
        while i < scalars.count {
            if i + needle.count <= scalars.count, scalars[i..<(i + needle.count)].elementsEqual(needle) {
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

    static let separators: [(String, String)] = [
        ("\t", "\n"), (",", ";"), (" :: ", "\n\n"), ("\n", ";"), ("\t", "\n;;\n"), (",\u{301}", "\n"),
        ("\r", "\u{2028}"), ("\"", "🙂"), ("word", "a"), ("é", "\t"), ("\t", " a"),
    ]

    @Test(arguments: separators)
    func sameTextAndAdjustmentsAsTheScalarVersion(term: String, between: String) throws {
        var tricky = TrickyText(seed: 61)
        for count in [0, 1, 2, 37, 300] {
            let cards = tricky.cards(count)
            let (data, adjustments) = try QuizletExport(termSeparator: term, cardSeparator: between).render(cards)
            let (text, expected) = Self.reference(cards, term: term, between: between)
            #expect(data == Data(text.utf8))
            #expect(adjustments == expected)
        }
    }

    @Test func chunkedRenderMatchesTheScalarVersion() throws {
        // Enough cards for more than one chunk (4,096 at least each).
        var tricky = TrickyText(seed: 62)
        let cards = tricky.cards(9_000)
        for (term, between) in [("\t", "\n"), (" :: ", "\n\n")] {
            let (data, adjustments) = try QuizletExport(termSeparator: term, cardSeparator: between).render(cards)
            let (text, expected) = Self.reference(cards, term: term, between: between)
            #expect(data == Data(text.utf8))
            #expect(adjustments == expected)
        }
    }
}
