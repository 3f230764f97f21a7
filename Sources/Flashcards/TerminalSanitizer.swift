/// Makes untrusted text (articles, CSV cells, deck files) inert for a terminal.
///
/// Removes ANSI escape sequences (CSI, OSC, DCS and other ESC forms), C1 controls and every C0
/// control except newline and tab. Everything that reaches a terminal or a deck file from
/// outside passes through here, so no article can move the cursor, set the title or hide text.
public enum TerminalSanitizer {
    public static func inert(_ text: String) -> String {
        // Fast path: most text has nothing to remove.
        if !containsControl(text, orLineBreak: false) { return text }
        var out = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let s = scalars.popFirst() {
            switch s.value {
            case 0x1B:  // ESC
                skipEscape(&scalars)
            case 0x9B:  // C1 CSI
                skipCSI(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:  // C1 OSC, DCS, SOS, PM, APC: up to ST or BEL
                skipString(&scalars)
            case 0x0A, 0x09:
                out.append(s)
            case 0x0D:
                // A lone CR would let text overwrite its own line; CRLF becomes LF.
                if scalars.first?.value != 0x0A { out.append("\n") }
            default:
                if !isControl(s) { out.append(s) }
            }
        }
        return String(out)
    }

    /// Like `inert`, and also folds newlines and tabs to spaces: for one-line fields.
    public static func inertLine(_ text: String) -> String {
        if !containsControl(text, orLineBreak: true) { return text }
        return String(String.UnicodeScalarView(inert(text).unicodeScalars.map { $0 == "\n" || $0 == "\t" ? " " : $0 }))
    }

    /// Whether `inertLine` leaves the text as it is.
    public static func isInertLine(_ text: String) -> Bool { !containsControl(text, orLineBreak: true) }

    /// Whether the text holds a scalar `isControl` accepts (or, with `orLineBreak`, a newline or
    /// tab). A scan of the UTF-8 bytes, eight at a time: every such scalar is one byte below
    /// 0x20, 0x7F, or C2 80–C2 9F for U+0080–U+009F, and a word without any byte below 0x20,
    /// 0x7F or 0xC2 needs no closer look. Walking the scalars was a tenth of a large import.
    static func containsControl(_ text: String, orLineBreak: Bool) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            func isControl(at i: Int) -> Bool {
                let b = utf8[i]
                if b < 0x20 { return orLineBreak || (b != 0x0A && b != 0x09) }
                return b == 0x7F || (b == 0xC2 && i + 1 < utf8.count && utf8[i + 1] < 0xA0)
            }
            var i = candidates.next(in: utf8, from: 0)
            while i < utf8.count {
                if isControl(at: i) { return true }
                i = candidates.next(in: utf8, from: i + 1)
            }
            return false
        }
    }

    /// Every candidate is a byte below 0x20, 0x7F or 0xC2; `isControl(at:)` decides. Made once:
    /// building a finder allocates, and this runs for every cell of a large import.
    private static let candidates = ByteFinder(below: 0x20, 0x7F, 0xC2)

    static func isControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    private static func skipEscape(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        guard let next = scalars.popFirst() else { return }
        switch next {
        case "[": skipCSI(&scalars)
        case "]", "P", "X", "^", "_": skipString(&scalars)
        default:
            // Two-character and nF sequences: intermediates 0x20–0x2F, then one final byte.
            var c: Unicode.Scalar? = next
            while let v = c?.value, (0x20...0x2F).contains(v) { c = scalars.popFirst() }
        }
    }

    private static func skipCSI(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        // Parameters and intermediates 0x20–0x3F, ended by a final byte 0x40–0x7E.
        while let s = scalars.popFirst() {
            if (0x40...0x7E).contains(s.value) || !(0x20...0x3F).contains(s.value) { return }
        }
    }

    private static func skipString(_ scalars: inout ArraySlice<Unicode.Scalar>) {
        // Ended by BEL, ST (ESC \) or C1 ST.
        while let s = scalars.popFirst() {
            if s.value == 0x07 || s.value == 0x9C { return }
            if s.value == 0x1B {
                if scalars.first == "\\" { scalars.removeFirst() }
                return
            }
        }
    }
}
