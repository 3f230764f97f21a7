import Flashcards
import Foundation

/// Seeded random text full of what breaks naive CSV: separators, quotes, line breaks, formula
/// starters, escapes, combining marks, emoji and control characters (all but NUL, which
/// marks a file as binary).
public struct TrickyText {
    public var random: SeededGenerator

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    public static let pieces: [String] = [
        ",", ";", "\"", "\"\"", "\n", "\r\n", "\r", "\t", " ", "  ", "=", "+", "-", "@", "'", "\\", ">", " > ",
        "#", "|", ":", "a", "b", "Z", "word", "Question?", "42", "é", "e\u{301}", ",\u{301}", "\"\u{301}",
        "日本語", "🙂", "👩‍👩‍👧", "\u{1B}[31m", "\u{1B}]0;title\u{07}", "\u{7F}", "\u{85}", "\u{9B}", "\u{01}", "\u{1F}",
        "\u{2028}", "\u{FEFF}", "&amp;", "<b>",
    ]

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }

    public mutating func text(maxPieces: Int = 8) -> String {
        (0..<int(0...maxPieces)).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
    }

    public mutating func nonEmptyText(maxPieces: Int = 8) -> String {
        var t = ""
        while t.isEmpty { t = text(maxPieces: maxPieces) }
        return t
    }

    public mutating func card(index: Int) -> Card {
        Card(
            id: CardID("id\(index)" + (int(0...3) == 0 ? text(maxPieces: 3) : "")),
            kind: CardKind(
                rawValue: [CardKind.faq, .keypoint, .term, .basic].randomElement(using: &random)?.rawValue ?? "faq"),
            front: nonEmptyText(), back: text(),
            context: int(0...2) == 0 ? nil : nonEmptyText(maxPieces: 12),
            section: (0..<int(0...3)).map { _ in nonEmptyText(maxPieces: 4) },
            tags: (0..<int(0...3)).map { _ in nonEmptyText(maxPieces: 3) })
    }

    public mutating func cards(_ count: Int) -> [Card] { (0..<count).map { card(index: $0) } }
}

extension TrickyText {
    /// A card as recall stores it: random tricky text made inert the way `build` and `import`
    /// leave it (`TerminalSanitizer`), ids and one-line fields trimmed, no empty list items.
    public mutating func storedCard(index: Int) -> Card {
        var card = card(index: index)
        card.id = CardID(
            TerminalSanitizer.inertLine("id\(index)-" + card.id.rawValue).trimmingCharacters(in: .whitespaces))
        card.front = TerminalSanitizer.inert(card.front)
        while card.front.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            card.front = TerminalSanitizer.inert(nonEmptyText())
        }
        card.back = TerminalSanitizer.inert(card.back)
        card.context = card.context.map(TerminalSanitizer.inert).flatMap { $0.isEmpty ? nil : $0 }
        card.section = card.section.map(TerminalSanitizer.inertLine).filter { !$0.isEmpty }
        card.tags = card.tags.map(TerminalSanitizer.inertLine).filter { !$0.isEmpty }
        return card
    }

    public mutating func storedCards(_ count: Int) -> [Card] { (0..<count).map { storedCard(index: $0) } }
}
