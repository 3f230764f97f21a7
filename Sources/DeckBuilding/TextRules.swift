import Foundation

/// Small judgements about a line of text that every reader and rule shares.
enum TextRules {
    /// Prefixes that mark a question or an answer line, lower-cased, in the languages we read.
    static let questionPrefixes = ["q:", "q.", "question:", "p:", "pregunta:", "f:", "frage:"]
    static let answerPrefixes = ["a:", "a.", "answer:", "r:", "respuesta:", "antwort:", "réponse:", "reponse:"]

    private static let prefixInitials = ByteSet("qpfar")

    /// `?` and the ASCII closers `isQuestionLine` trims: `"`, `)`, `*`, `_` and space.
    private static let questionEnds = ByteSet("?\")*_ ")

    /// A line that asks one question: it ends with `?` or `？` (or opens with `¿`), is one
    /// sentence, and is short enough to be a question rather than a paragraph that happens to
    /// end with one.
    static func isQuestionLine(_ text: String) -> Bool {
        guard text.utf8.count <= 300 else { return false }
        // Text that ends in an ASCII character other than `?` and the closers trimmed below
        // (whatever grapheme it closes) and does not start with `¿` (C2 BF) asks no question.
        if let lastByte = text.utf8.last, lastByte < 0x80, text.utf8.first != 0xC2,
            !TextRules.questionEnds.contains(lastByte)
        {
            return false
        }
        var copy = text
        if let ascii = copy.withUTF8(asciiQuestionLine) { return ascii }
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"”’»)*_ ".contains(last) { trimmed.removeLast() }
        guard let last = trimmed.last else { return false }
        guard last == "?" || last == "？" || trimmed.first == "¿" else { return false }
        return Sentences.split(String(trimmed), limit: 2).count == 1
    }

    /// `isQuestionLine` for ASCII text, where a `Character` is a byte, or nil for other text.
    /// The closers are trimmed on bytes, and text with no `.`, `!` or `?` before its last `?`
    /// is one sentence without asking `Sentences.split` (which breaks only after those marks).
    private static func asciiQuestionLine(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var end = b.count
        while end > 0, b[end - 1] < 0x80, questionClosers.contains(b[end - 1]) { end -= 1 }
        for c in b[..<end] where c >= 0x80 { return nil }
        for c in b[end...] where c >= 0x80 { return nil }
        guard end > 0, b[end - 1] == 0x3F else { return false }
        for c in b[..<(end - 1)] where c == 0x2E || c == 0x21 || c == 0x3F {
            let trimmed = String(decoding: UnsafeBufferPointer(rebasing: b[..<end]), as: UTF8.self)
            return Sentences.split(trimmed, limit: 2).count == 1
        }
        return true
    }

    /// The ASCII closers `isQuestionLine` trims: `"`, `)`, `*`, `_` and space.
    private static let questionClosers = ByteSet("\")*_ ")

    /// The question or answer text after a `Q:`/`A:` prefix, or nil when the text has none.
    static func strip(prefixes: [String], from text: String) -> String? {
        // Every prefix starts with one of these letters; most lines start with none of them.
        guard let first = text.utf8.first, prefixInitials.contains(first | 0x20) else { return nil }
        // Every prefix ends in `:` or `.` within its first ten bytes.
        var copy = text
        guard copy.withUTF8({ $0.prefix(12).contains { $0 == 0x3A || $0 == 0x2E } }) else { return nil }
        let lower = text.prefix(12).lowercased()
        for prefix in prefixes where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop { $0 == " " || $0 == "\u{A0}" }
            return rest.isEmpty ? nil : String(rest)
        }
        return nil
    }

    /// A line short enough and unpunctuated enough to be a heading in plain text.
    static func looksLikeHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        var copy = text
        let ascii: Bool? = copy.withUTF8 { b in
            // One byte per character when all are ASCII: the same tests on bytes.
            var spaces = 0
            for c in b {
                if c >= 0x80 { return nil }
                if c == 0x20 { spaces += 1 }
            }
            guard let last = b.last, !TextRules.headingEnds.contains(last) else { return false }
            return spaces < 16
        }
        if let ascii { return ascii }
        guard let last = text.last else { return false }
        if ".,;:!…。，；：！".contains(last) { return false }
        var words = 0
        for c in text.unicodeScalars where c == " " { words += 1 }
        return words < 16
    }

    /// The ASCII marks that end a sentence or clause, so no heading.
    private static let headingEnds = ByteSet(".,;:!")

    /// A `**Term**: explanation` item (also `__Term__:`, `**Term:**`, and a dash instead of the
    /// colon), split into its parts; nil for any other text.
    static func markdownTerm(_ item: String) -> (term: String, explanation: String)? {
        for marker in ["**", "__"] where item.hasPrefix(marker) {
            let afterOpen = item.dropFirst(marker.count)
            guard let close = afterOpen.range(of: marker) else { return nil }
            return splitTerm(String(afterOpen[..<close.lowerBound]), String(afterOpen[close.upperBound...]))
        }
        return nil
    }

    /// The term and explanation of an emphasized term and the text after it, when the colon
    /// (or a dash) sits after the term or at the end of it; nil otherwise.
    static func splitTerm(_ emphasized: String, _ after: String) -> (term: String, explanation: String)? {
        var term = emphasized.trimmed
        var rest = Substring(after.trimmed)
        if term.hasSuffix(":") {
            term.removeLast()
        } else if let first = rest.first, ":–—-".contains(first) {
            rest = rest.dropFirst()
        } else {
            return nil
        }
        let explanation = String(rest).trimmed
        term = term.trimmed
        guard !term.isEmpty, !explanation.isEmpty else { return nil }
        return (term, explanation)
    }
}
