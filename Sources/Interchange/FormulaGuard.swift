/// Keeps spreadsheets from running cells as formulas (CSV injection), reversibly.
///
/// Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and,
/// after trimming, a tab or carriage return followed by one) as a formula. `neutralize` puts an
/// apostrophe in front of such a cell, which spreadsheets show as text. To keep export then
/// import lossless, a cell that already starts with apostrophes followed by one of those
/// characters gets one more apostrophe, and `restore` removes exactly one from any cell of the
/// form `'…'X…`: the two functions are inverses.
public enum FormulaGuard {
    static func isTrigger(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "=", "+", "-", "@", "\t", "\r": true
        default: false
        }
    }

    /// True when the cell is zero or more apostrophes followed by a trigger character.
    static func looksLikeFormula(_ scalars: some Sequence<Unicode.Scalar>) -> Bool {
        guard let first = scalars.first(where: { $0 != "'" }) else { return false }
        return isTrigger(first)
    }

    /// The cell with an apostrophe in front when a spreadsheet would read it as a formula.
    public static func neutralize(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, first == "'" || isTrigger(first) else { return cell }
        return looksLikeFormula(cell.unicodeScalars) ? "'" + cell : cell
    }

    /// Undoes `neutralize`: drops the first apostrophe of a cell of the form `'…'X…`.
    public static func restore(_ cell: String) -> String {
        guard cell.unicodeScalars.first == "'" else { return cell }
        let rest = cell.unicodeScalars.dropFirst()
        return looksLikeFormula(rest) ? String(String.UnicodeScalarView(rest)) : cell
    }

    /// `restore` of a cell's UTF-8 bytes: the bytes after the apostrophe it drops, else all of
    /// them. Exact on bytes: the apostrophe and the trigger characters are ASCII, and a
    /// non-ASCII scalar starts with a byte that is neither.
    static func restore(_ utf8: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard utf8.first == 0x27 else { return utf8 }
        var i = 1
        while i < utf8.count && utf8[i] == 0x27 { i += 1 }
        guard i < utf8.count else { return utf8 }
        switch utf8[i] {
        case 0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D: return UnsafeBufferPointer(rebasing: utf8[1...])
        default: return utf8
        }
    }
}
