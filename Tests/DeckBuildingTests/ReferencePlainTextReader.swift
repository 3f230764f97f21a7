import Foundation

@testable import DeckBuilding
@testable import Flashcards

/// The plain-text reader as it was before its lines were kept in one table (deckspeed6), kept
/// as the reference `ReadingFastPathTests` compares the reader with.
///
/// Reads plain text the way articles are copied from web pages: blocks separated by blank
/// lines, headings as short unpunctuated lines, the title on the first line.
///
/// Plain text has no heading levels, so they are inferred: a heading followed directly by
/// another heading (or by a question line) introduces the ones after it, which sit one level
/// below until the next such run or a section break. Two or more blank lines mark a break
/// where a heading was lost in copying (the untitled closing paragraph of the seed article),
/// unless the whole article uses them between every block.
struct ReferencePlainTextReader {
    struct Chunk {
        var lines: [String]
        var line: Int
        var blanksBefore: Int
    }

    /// The article's blocks before noise removal, and notes for code blocks left out.
    /// - Parameter asciiFastPath: false reads every line as text, for comparing the two paths.
    func blocks(_ text: String, asciiFastPath: Bool = true) -> (blocks: [Block], notes: [BuildNote]) {
        var notes: [BuildNote] = []
        let chunks = chunk(text, asciiFastPath: asciiFastPath, notes: &notes)
        let separators = chunks.dropFirst(2).map(\.blanksBefore)
        let wide = separators.filter { $0 >= 2 }.count
        let breakAt = wide * 2 > separators.count ? Int.max : 2

        var blocks: [Block] = []
        for (index, chunk) in chunks.enumerated() {
            if chunk.lines.allSatisfy({ $0.hasPrefix("    ") || $0.hasPrefix("\t") }) {
                let end = chunk.line + chunk.lines.count - 1
                notes.append(BuildNote(.skipped, line: chunk.line, "indented code block (lines \(chunk.line)–\(end))"))
                continue
            }
            if index > 0, chunk.blanksBefore >= breakAt, !blocks.isEmpty {
                blocks.append(Block(.sectionBreak, "", line: chunk.line))
            }
            blocks.append(contentsOf: pieces(of: chunk, isFirst: blocks.isEmpty))
        }
        return (blocks, notes)
    }

    /// Groups lines into chunks separated by blank lines; fenced code is left out here.
    private func chunk(_ text: String, asciiFastPath: Bool, notes: inout [BuildNote]) -> [Chunk] {
        var state = ChunkState()
        var text = text
        text.withUTF8 { bytes in
            var a = 0
            let n = bytes.count
            while a <= n {
                let (end, ascii) = PlainTextReader.lineEnd(bytes, from: a)
                var z = end
                let next = z + 1
                if z > a && bytes[z - 1] == 0x0D { z -= 1 }
                let raw = UnsafeBufferPointer(rebasing: bytes[a..<z])
                if ascii && asciiFastPath {
                    state.addASCII(raw)
                } else {
                    state.add(String(decoding: raw, as: UTF8.self))
                }
                a = next
            }
        }
        if let c = state.current { state.chunks.append(c) }
        if let start = state.fenceStart {
            state.notes.append(BuildNote(.skipped, line: start, "unclosed code block (from line \(start) to the end)"))
        }
        notes += state.notes
        return state.chunks
    }

    /// The line-by-line state of `chunk`.
    private struct ChunkState {
        var chunks: [Chunk] = []
        var notes: [BuildNote] = []
        var current: Chunk?
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
            text(line)
        }

        /// The next line, all ASCII: each character is one byte (no CR is left once the line
        /// ending is cut), so the same tests run on bytes and a string is made only for text.
        mutating func addASCII(_ line: UnsafeBufferPointer<UInt8>) {
            lineNumber += 1
            var k = 0
            while k < line.count && line[k] == 0x20 { k += 1 }
            let stripped = UnsafeBufferPointer(rebasing: line[k...])
            if let start = fenceStart {
                if stripped.starts(with: fenceMarker.utf8) { closeFence(start) }
                return
            }
            if stripped.starts(with: "```".utf8) || stripped.starts(with: "~~~".utf8) {
                openFence(stripped[0] == 0x60 ? "```" : "~~~")
                return
            }
            if line.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) }) {
                blank()
                return
            }
            text(String(decoding: line, as: UTF8.self))
        }

        private mutating func openFence(_ marker: String) {
            if let c = current { chunks.append(c) }
            current = nil
            fenceStart = lineNumber
            fenceMarker = marker
        }

        private mutating func closeFence(_ start: Int) {
            notes.append(BuildNote(.skipped, line: start, "code block (lines \(start)–\(lineNumber))"))
            fenceStart = nil
            blanks = 0
        }

        private mutating func blank() {
            if let c = current {
                chunks.append(c)
                current = nil
            }
            blanks += 1
        }

        private mutating func text(_ line: String) {
            if current == nil {
                current = Chunk(lines: [], line: lineNumber, blanksBefore: blanks)
                blanks = 0
            }
            current?.lines.append(line)
        }
    }

    /// Splits a chunk into blocks: list items, `Q:`/`A:` lines, and runs of other lines joined
    /// into one paragraph (hard-wrapped text), classified as title, heading or paragraph.
    private func pieces(of chunk: Chunk, isFirst: Bool) -> [Block] {
        var out: [Block] = []
        var runLines: [String] = []
        var runStart = chunk.line
        var item: (text: String, line: Int)?

        func flushRun() {
            guard !runLines.isEmpty else { return }
            // Each line is already collapsed and trimmed.
            let text = runLines.count == 1 ? runLines[0] : runLines.joined(separator: " ")
            out.append(
                PlainTextReader().classify(
                    text, single: runLines.count == 1, line: runStart, isFirst: isFirst && out.isEmpty))
            runLines = []
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

        for (offset, line) in chunk.lines.enumerated() {
            let number = chunk.line + offset
            let text = FastText.collapse(line)
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
                runLines = [text]
                runStart = number
            } else if var current = item, line.first?.isWhitespace == true {
                current.text += " " + text
                item = current
            } else {
                flushItem()
                if runLines.isEmpty { runStart = number }
                runLines.append(text)
            }
        }
        flushRun()
        flushItem()
        return out
    }
}
