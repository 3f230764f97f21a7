import Flashcards
import Foundation

/// Reads plain text the way articles are copied from web pages: blocks separated by blank
/// lines, headings as short unpunctuated lines, the title on the first line.
///
/// Plain text has no heading levels, so they are inferred: a heading followed directly by
/// another heading (or by a question line) introduces the ones after it, which sit one level
/// below until the next such run or a section break. Two or more blank lines mark a break
/// where a heading was lost in copying (the untitled closing paragraph of the seed article),
/// unless the whole article uses them between every block.
struct PlainTextReader {
    /// A run of non-blank lines between blank lines: `lines` indexes the reader's line table.
    struct Chunk {
        var lines: Range<Int>
        var line: Int
        var blanksBefore: Int
    }

    /// A non-blank line outside code fences: its text with white space collapsed, and what the
    /// rules ask of it as it was written.
    struct Line {
        var text: String
        /// Whether its first character is white space (it continues a list item).
        var continues: Bool
        /// Whether it starts with four spaces or a tab (indented code, when all of a chunk is).
        var indented: Bool
    }

    /// The article's blocks before noise removal, and notes for code blocks left out.
    /// - Parameter asciiFastPath: false reads every line as text, for comparing the two paths.
    func blocks(_ text: String, asciiFastPath: Bool = true) -> (blocks: [Block], notes: [BuildNote]) {
        var notes: [BuildNote] = []
        // Every line of every chunk in one table: no array per chunk or per paragraph.
        let (chunks, lines) = chunk(text, asciiFastPath: asciiFastPath, notes: &notes)
        let separators = chunks.dropFirst(2).map(\.blanksBefore)
        let wide = separators.filter { $0 >= 2 }.count
        let breakAt = wide * 2 > separators.count ? Int.max : 2

        var blocks: [Block] = []
        blocks.reserveCapacity(chunks.count + chunks.count / 2)
        for (index, chunk) in chunks.enumerated() {
            if lines[chunk.lines].allSatisfy(\.indented) {
                let end = chunk.line + chunk.lines.count - 1
                notes.append(BuildNote(.skipped, line: chunk.line, "indented code block (lines \(chunk.line)–\(end))"))
                continue
            }
            if index > 0, chunk.blanksBefore >= breakAt, !blocks.isEmpty {
                blocks.append(Block(.sectionBreak, "", line: chunk.line))
            }
            pieces(of: chunk, lines: lines, into: &blocks)
        }
        return (blocks, notes)
    }

    /// Whether the line starts with four spaces or a tab, as `hasPrefix` compares characters:
    /// on bytes, unless a non-ASCII byte after the prefix may join the last one into another
    /// character (a combining mark after a space).
    static func isIndented(_ line: String) -> Bool {
        var copy = line
        // nil: a prefix followed by a non-ASCII byte, which only characters can tell.
        let onBytes: Bool? = copy.withUTF8 { b in
            let tab = b.count >= 1 && b[0] == 0x09
            let width = tab ? 1 : b.count >= 4 && b[0..<4].allSatisfy({ $0 == 0x20 }) ? 4 : 0
            guard width > 0 else { return false }
            return width == b.count || b[width] < 0x80 ? true : nil
        }
        return onBytes ?? (line.hasPrefix("    ") || line.hasPrefix("\t"))
    }

    /// Groups lines into chunks separated by blank lines; fenced code is left out here.
    private func chunk(_ text: String, asciiFastPath: Bool, notes: inout [BuildNote]) -> (
        chunks: [Chunk], lines: [Line]
    ) {
        var state = ChunkState()
        var text = text
        text.withUTF8 { bytes in
            var a = 0
            let n = bytes.count
            while a <= n {
                let (end, ascii, spaced) = PlainTextReader.scanLine(bytes, from: a)
                var z = end
                let next = z + 1
                if z > a && bytes[z - 1] == 0x0D { z -= 1 }
                let raw = UnsafeBufferPointer(rebasing: bytes[a..<z])
                if ascii && asciiFastPath {
                    state.addASCII(raw, spaced: spaced)
                } else {
                    state.add(String(decoding: raw, as: UTF8.self))
                }
                a = next
            }
        }
        state.closeChunk()
        if let start = state.fenceStart {
            state.notes.append(BuildNote(.skipped, line: start, "unclosed code block (from line \(start) to the end)"))
        }
        notes += state.notes
        return (state.chunks, state.lines)
    }

    /// Where the line starting at `start` ends (its line feed, or the end of the text), and
    /// whether it is all ASCII.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool) {
        let line = scanLine(bytes, from: start)
        return (line.end, line.ascii)
    }

    /// `lineEnd`, and `spaced`: false when no byte of the line is a tab, a line or page break
    /// or a carriage return and no two spaces are in a row, so that collapsing an ASCII line
    /// changes at most its ends. Eight bytes at a time while they hold no line feed and no
    /// byte above ASCII. `spaced` may be true for other bytes below 0x0E as well.
    static func scanLine(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (end: Int, ascii: Bool, spaced: Bool)
    {
        var z = start
        var ascii = true
        var spaced = false
        var lastWasSpace = false
        let n = bytes.count
        while z + 8 <= n {
            let w = FastText.word(bytes, z)
            if w & FastText.highBits != 0 || FastText.hasByte(in: w, equalTo: 0x0A) { break }
            let spaces = FastText.exactBytes(in: w, equalTo: 0x20)
            // Two spaces in the word, or one ending the last word and one starting this one.
            if FastText.hasByte(in: w, below: 0x0E) || spaces & (spaces >> 8) != 0 || (lastWasSpace && w & 0xFF == 0x20)
            {
                spaced = true
            }
            lastWasSpace = w >> 56 == 0x20
            z += 8
        }
        while z < n && bytes[z] != 0x0A {
            let c = bytes[z]
            if c >= 0x80 { ascii = false }
            if (0x09...0x0D).contains(c) || (c == 0x20 && lastWasSpace) { spaced = true }
            lastWasSpace = c == 0x20
            z += 1
        }
        return (z, ascii, spaced)
    }

    /// The line-by-line state of `chunk`.
    private struct ChunkState {
        var chunks: [Chunk] = []
        var lines: [Line] = []
        var notes: [BuildNote] = []
        /// The first line's index in `lines`, its number, and the blank lines before it, while
        /// a chunk is open.
        var current: (start: Int, line: Int, blanksBefore: Int)?
        var blanks = 0
        var fenceStart: Int?
        var fenceMarker = ""
        var lineNumber = 0

        /// The next line, as text.
        mutating func add(_ line: String) {
            lineNumber += 1
            let stripped = line.drop { $0 == " " }
            if let start = fenceStart {
                if stripped.hasPrefix(fenceMarker) { closeFence(start) }
                return
            }
            if stripped.hasPrefix("```") || stripped.hasPrefix("~~~") {
                openFence(String(stripped.prefix(3)))
                return
            }
            if FastText.isBlank(line) {
                blank()
                return
            }
            let continues = line.first?.isWhitespace == true
            text(Line(text: FastText.collapse(line), continues: continues, indented: PlainTextReader.isIndented(line)))
        }

        /// The next line, all ASCII: each character is one byte (no CR is left once the line
        /// ending is cut), so the same tests run on bytes and a string is made only for text,
        /// collapsed from the bytes.
        mutating func addASCII(_ line: UnsafeBufferPointer<UInt8>, spaced: Bool = true) {
            lineNumber += 1
            var k = 0
            while k < line.count && line[k] == 0x20 { k += 1 }
            if let start = fenceStart {
                if PlainTextReader.hasFence(line, at: k, marker: fenceMarker == "```" ? 0x60 : 0x7E) {
                    closeFence(start)
                }
                return
            }
            if PlainTextReader.hasFence(line, at: k, marker: 0x60)
                || PlainTextReader.hasFence(line, at: k, marker: 0x7E)
            {
                openFence(line[k] == 0x60 ? "```" : "~~~")
                return
            }
            if line.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
                blank()
                return
            }
            let first = line[0]
            text(
                Line(
                    text: PlainTextReader.collapsed(line, spaced: spaced),
                    continues: first == 0x20 || (0x09...0x0D).contains(first),
                    indented: first == 0x09 || k >= 4))
        }

        private mutating func openFence(_ marker: String) {
            closeChunk()
            fenceStart = lineNumber
            fenceMarker = marker
        }

        private mutating func closeFence(_ start: Int) {
            notes.append(BuildNote(.skipped, line: start, "code block (lines \(start)–\(lineNumber))"))
            fenceStart = nil
            blanks = 0
        }

        private mutating func blank() {
            closeChunk()
            blanks += 1
        }

        mutating func closeChunk() {
            guard let c = current else { return }
            chunks.append(Chunk(lines: c.start..<lines.count, line: c.line, blanksBefore: c.blanksBefore))
            current = nil
        }

        private mutating func text(_ line: Line) {
            if current == nil {
                current = (lines.count, lineNumber, blanks)
                blanks = 0
            }
            lines.append(line)
        }
    }

    /// Whether three `marker` bytes start at `k`.
    @inline(__always)
    private static func hasFence(_ line: UnsafeBufferPointer<UInt8>, at k: Int, marker: UInt8) -> Bool {
        k + 3 <= line.count && line[k] == marker && line[k + 1] == marker && line[k + 2] == marker
    }

    /// `FastText.collapse` of an ASCII line, made from its bytes: the line itself when nothing
    /// needs collapsing, else its words with one space between them.
    /// - Parameter spaced: false when `scanLine` found no white space but single spaces, so
    ///   that only a space at either end needs collapsing.
    static func collapsed(_ line: UnsafeBufferPointer<UInt8>, spaced: Bool = true) -> String {
        let plain =
            spaced
            ? !FastText.needsCollapse(line) : line.first != 0x20 && line.last != 0x20
        guard !plain else { return String(decoding: line, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: line.count) { out in
            var count = 0
            var pending = false
            for c in line {
                if c == 0x20 || (0x09...0x0D).contains(c) {
                    pending = count > 0
                    continue
                }
                if pending {
                    out[count] = 0x20
                    count += 1
                    pending = false
                }
                out[count] = c
                count += 1
            }
            return count
        }
    }

    /// Splits a chunk into blocks: list items, `Q:`/`A:` lines, and runs of other lines joined
    /// into one paragraph (hard-wrapped text), classified as title, heading or paragraph;
    /// appended to `out`, whose first block is the article's only possible title.
    private func pieces(of chunk: Chunk, lines: [Line], into out: inout [Block]) {
        // The run of lines being joined into a paragraph: `lines[run]`.
        var run = chunk.lines.lowerBound..<chunk.lines.lowerBound
        var item: (text: String, line: Int)?

        func flushRun() {
            guard !run.isEmpty else { return }
            // Each line is already collapsed and trimmed.
            let single = run.count == 1
            let text = single ? lines[run.lowerBound].text : lines[run].map(\.text).joined(separator: " ")
            let number = chunk.line + (run.lowerBound - chunk.lines.lowerBound)
            out.append(classify(text, single: single, line: number, isFirst: out.isEmpty))
            run = run.upperBound..<run.upperBound
        }
        func flushItem() {
            guard let i = item else { return }
            if let (term, explanation) = TextRules.markdownTerm(i.text) {
                out.append(Block(.term(explanation: explanation), term, line: i.line))
            } else {
                out.append(Block(.listItem, PlainTextReader.unemphasized(i.text), line: i.line))
            }
            item = nil
        }

        for index in chunk.lines {
            let number = chunk.line + (index - chunk.lines.lowerBound)
            let line = lines[index]
            let text = line.text
            if let body = PlainTextReader.bulletBody(text) {
                flushRun()
                flushItem()
                item = (body, number)
            } else if TextRules.strip(prefixes: TextRules.questionPrefixes, from: text) != nil
                || TextRules.strip(prefixes: TextRules.answerPrefixes, from: text) != nil
            {
                // A `Q:` or `A:` line starts a paragraph of its own; lines after it continue it.
                flushRun()
                flushItem()
                run = index..<(index + 1)
            } else if var current = item, line.continues {
                current.text += " " + text
                item = current
            } else {
                flushItem()
                if run.isEmpty { run = index..<index }
                run = run.lowerBound..<(index + 1)
            }
        }
        flushRun()
        flushItem()
    }

    func classify(_ text: String, single: Bool, line: Int, isFirst: Bool) -> Block {
        if isFirst, single, text.utf8.count <= 200, let last = text.last, !".,;".contains(last) {
            return Block(.title, text, line: line)
        }
        if single, TextRules.looksLikeHeading(text), !TextRules.isQuestionLine(text) {
            return Block(.heading(level: 0), text, line: line)
        }
        return Block(.paragraph, text, line: line)
    }

    /// The text after a list bullet (`- `, `* `, `• `, `1. `, `1) `), or nil.
    static func bulletBody(_ line: String) -> String? {
        // Every bullet starts with one of these bytes (• and – with E2); most lines with none.
        guard let first = line.utf8.first,
            first == 0x2D || first == 0x2A || first == 0x2B || first == 0xE2 || (0x30...0x39).contains(first)
        else { return nil }
        for bullet in ["- ", "* ", "• ", "– ", "+ "] where line.hasPrefix(bullet) {
            return String(line.dropFirst(bullet.count))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    /// Text with Markdown-style `**`/`__` emphasis markers taken out.
    static func unemphasized(_ text: String) -> String {
        guard text.utf8.contains(0x2A) || text.utf8.contains(0x5F) else { return text }
        return text.replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "__", with: "")
    }

    /// Gives each provisional heading (level 0) its level, after noise is gone.
    func assignLevels(_ blocks: [Block]) -> [Block] {
        var out = blocks
        var groupDepth = 0
        var i = 0
        while i < out.count {
            if out[i].kind == .sectionBreak { groupDepth = 0 }
            guard out[i].kind == .heading(level: 0) else {
                i += 1
                continue
            }
            var run = 1
            while i + run < out.count, out[i + run].kind == .heading(level: 0) { run += 1 }
            let next = i + run < out.count ? out[i + run] : nil
            let introducesQuestions =
                next.map { $0.kind == .paragraph && TextRules.isQuestionLine($0.text) } ?? false
            if introducesQuestions {
                // "FAQ" followed by questions: the heading holds them; later headings start afresh.
                for j in 0..<run { out[i + j].kind = .heading(level: j + 1) }
                groupDepth = 0
            } else if run >= 2 {
                for j in 0..<run { out[i + j].kind = .heading(level: j + 1) }
                groupDepth = run
            } else {
                out[i].kind = .heading(level: max(groupDepth, 1))
            }
            i += run
        }
        return out
    }
}
