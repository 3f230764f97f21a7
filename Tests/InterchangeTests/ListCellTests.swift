import TestSupport
import Testing

@testable import Interchange

/// The byte-wise list splitting against the scalar-wise one it replaced, on any cell at all
/// (not only cells that `ListCell` wrote): escapes before multi-byte scalars, a trailing
/// backslash, runs of separators.
struct ListCellTests {
    @Test func splitsEveryCellAsTheScalarVersionDid() {
        var tricky = TrickyText(seed: 21)
        var cells = ["", "\\", "a\\", "\\\\", "\\é", "a\\ b", "a\\>b", "> >", " a  b ", "a\\\u{301}>b"]
        // Spaces by separators next to scalars that may join them into one character.
        cells += [
            " \u{301}>b", "a>\u{301} ", "a \u{301}> b", "\u{600} >x", "x> \u{600}", " > ", ">", ">>", "  >  ", "é > é",
        ]
        cells += ["a \\> b", "a\\ > b", "\u{600}  > \u{301}", "e\u{301} >  e\u{301}", "\r > \n", "🙂 >👩‍👩‍👧 "]
        cells += (0..<4000).map { _ in tricky.text(maxPieces: 6) }
        for cell in cells {
            #expect(ListCell.tags(fromCell: cell) == ScalarListCell.tags(fromCell: cell), "\(cell.debugDescription)")
            #expect(
                ListCell.section(fromCell: cell) == ScalarListCell.section(fromCell: cell), "\(cell.debugDescription)")
        }
    }
}

/// `ListCell`'s reading as it was before it worked on bytes, kept as the oracle.
private enum ScalarListCell {
    static func tags(fromCell cell: String) -> [String] {
        split(cell, isSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).filter { !$0.isEmpty }
    }

    static func section(fromCell cell: String) -> [String] {
        if cell.isEmpty { return [] }
        let pieces = split(cell, isSeparator: { $0 == ">" })
        return pieces.enumerated().map { index, piece in
            var piece = Substring(piece)
            if index > 0, piece.first == " " { piece = piece.dropFirst() }
            if index < pieces.count - 1, piece.last == " " { piece = piece.dropLast() }
            return String(piece)
        }
    }

    private static func split(_ cell: String, isSeparator: (Unicode.Scalar) -> Bool) -> [String] {
        var items: [String] = []
        var current = String.UnicodeScalarView()
        var escaped = false
        for scalar in cell.unicodeScalars {
            if escaped {
                current.append(scalar)
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else if isSeparator(scalar) {
                items.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if escaped { current.append("\\") }
        items.append(String(current))
        return items
    }
}
