import Flashcards
import HTMLTree

/// One article to read: its bytes, the name it is reported under, and its format (nil: detect).
public struct ArticleSource: Sendable {
    /// The path as the user gave it (`-` for standard input); used in messages.
    public var name: String
    /// The path recorded in the deck's `source`.
    public var recordedPath: String
    public var bytes: [UInt8]
    public var format: ArticleFormat?

    public init(name: String, recordedPath: String? = nil, bytes: [UInt8], format: ArticleFormat? = nil) {
        self.name = name
        self.recordedPath = recordedPath ?? name
        self.bytes = bytes
        self.format = format
    }
}

/// What a build made: the deck, and every note about what was left out or merged.
public struct BuildResult: Sendable {
    public var deck: Deck
    public var notes: [BuildNote]

    /// How many notes are of this kind (counted in place: the notes are not copied).
    public func count(_ kind: BuildNote.Kind) -> Int { notes.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) } }
}

/// Turns articles into a deck: reads each, applies the card rules, gives cards stable ids.
public struct DeckBuilder: Sendable {
    public var sizeLimit: Int

    public init(sizeLimit: Int = ArticleDecoder.defaultSizeLimit) { self.sizeLimit = sizeLimit }

    /// Reads one article into its structure.
    /// - Throws: `ArticleError` when the bytes are not a readable article.
    public func read(_ source: ArticleSource) throws(ArticleError) -> Article {
        try readWithFormat(source).article
    }

    /// `read`, and the format the article was read as.
    func readWithFormat(_ source: ArticleSource) throws(ArticleError) -> (article: Article, format: ArticleFormat) {
        let (decoded, terminal, anyControl) = try ArticleDecoder.decodeScanningControls(
            source.bytes, path: source.name, sizeLimit: sizeLimit)
        // Control sequences go first, so no rule ever sees them and no card can carry them.
        let controls = (terminal: terminal, any: anyControl)
        let text = controls.any ? TerminalSanitizer.inert(decoded) : decoded
        var controlNotes: [BuildNote] = []
        if controls.terminal {
            controlNotes.append(BuildNote(.warning, file: source.name, "terminal control sequences removed"))
        }
        let format = source.format ?? ArticleFormat.detect(fileName: source.name, text: text)
        var article: Article
        switch format {
        case .text:
            let reader = PlainTextReader()
            let (blocks, readerNotes) = reader.blocks(text)
            let title = blocks.first { $0.kind == .title }?.text
            let (kept, noise) = NoiseFilter(title: title).apply(blocks)
            article = OutlineBuilder.build(reader.assignLevels(kept), title: nil)
            article.notes = readerNotes + noise + article.notes
        case .markdown, .html:
            let reader = format == .html ? HTMLReader.read(HTMLDocument(text)) : MarkdownReader.read(text)
            let (kept, noise) = NoiseFilter(title: reader.title).apply(reader.blocks)
            article = OutlineBuilder.build(kept, title: reader.title)
            article.notes = reader.notes + noise + article.notes
        }
        article.notes = (controlNotes + article.notes).map {
            var note = $0
            note.file = source.name
            return note
        }
        return (article, format)
    }

    /// The cards one article makes, and the notes on it.
    /// - Throws: `ArticleError.nothingToExtract` when it makes none.
    public func cards(from source: ArticleSource) throws(ArticleError) -> (
        cards: [Card], notes: [BuildNote], title: String?
    ) {
        try cards(from: source, table: SimilarityTable())
    }

    /// `cards(from:)`, counting words for near-duplicate detection in `table`.
    func cards(from source: ArticleSource, table: SimilarityTable) throws(ArticleError) -> (
        cards: [Card], notes: [BuildNote], title: String?
    ) {
        let (article, format) = try readWithFormat(source)
        let (cards, notes) = CardMaker().cards(for: article, table: table)
        let structured = cards.contains { $0.kind == .faq || !$0.section.isEmpty || $0.kind == .term }
        guard structured else { throw .nothingToExtract(path: source.name) }
        // Plain text is sanitized before it is read and its cards are made of that text, so
        // only the other formats (whose entities can spell controls) need a second pass.
        let clean = format == .text ? cards : cards.map(CardMaker.inert)
        return (
            clean,
            notes.map {
                var n = $0; n.file = source.name; return n
            }, article.title
        )
    }

    /// Builds a deck from articles, in order. Cards whose question repeats an earlier card's
    /// (same id) are left out with a note. With several articles each card is tagged with its
    /// article's file name.
    /// - Parameter title: the deck's title; by default the (first) article's title.
    /// - Throws: every `ArticleError` found, the first one thrown after all are read.
    public func build(_ sources: [ArticleSource], title: String? = nil) throws(ArticleBuildErrors) -> BuildResult {
        try build(count: sources.count, title: title) { sources[$0] }
    }

    /// `build`, asking `source` for each of `count` articles in turn, so the caller can read
    /// each one only when it is needed and let it go after. An article `source` gives no
    /// source for (one the caller could not read, and reports itself) is passed over.
    public func build(count: Int, title: String? = nil, source: (Int) -> ArticleSource?) throws(ArticleBuildErrors)
        -> BuildResult
    {
        var cards: [Card] = []
        var notes: [BuildNote] = []
        var seen: [CardID: String] = [:]
        // About a dozen cards an article: growing the table rehashed every id again and again.
        seen.reserveCapacity(count * 12)
        // The cards, notes and sources reserved up front too: growing them by doubling copied
        // every card again and touched fresh pages for each copy (a page fault per 4 KB).
        cards.reserveCapacity(count * 12)
        notes.reserveCapacity(count * 8)
        var errors: [ArticleError] = []
        var titles: [String] = []
        titles.reserveCapacity(count)
        var files: [DeckSource] = []
        files.reserveCapacity(count)
        // One word table for every article's near-duplicate detection, cleared between them.
        let table = SimilarityTable()
        for index in 0..<count {
            guard let source = source(index) else { continue }
            let made: (cards: [Card], notes: [BuildNote], title: String?)
            do { made = try self.cards(from: source, table: table) } catch {
                errors.append(error)
                continue
            }
            notes += made.notes
            titles.append(made.title ?? DeckBuilder.stem(source.name))
            files.append(DeckSource(path: source.recordedPath, sha256: ContentDigest.sha256Hex(source.bytes)))
            let tag = count > 1 ? DeckName(slugging: DeckBuilder.stem(source.name))?.slug : nil
            for var card in made.cards {
                if let first = seen[card.id] {
                    notes.append(
                        BuildNote(
                            .skipped, file: source.name,
                            "duplicate \(card.kind) card “\(card.front)” (same question as a card from \(first))"))
                    continue
                }
                seen[card.id] = source.name
                if let tag { card.tags.append(tag) }
                cards.append(card)
            }
        }
        if !errors.isEmpty { throw ArticleBuildErrors(errors: errors) }
        let deckSource: DeckSource? =
            if files.count == 1 { files[0] } else {
                DeckSource(
                    path: files.map(\.path).joined(separator: ", "),
                    sha256: ContentDigest.sha256Hex(Array(files.map(\.sha256).joined().utf8)), files: files)
            }
        let deck = Deck(title: title ?? titles.first ?? "", source: deckSource, cards: cards)
        return BuildResult(deck: deck, notes: notes)
    }

    /// A file name without directories and extension: `a/b/notes.md` → `notes`.
    public static func stem(_ path: String) -> String {
        // An ASCII path's characters are its bytes: find the `/` and `.` among them.
        if FastText.isASCII(path) {
            let utf8 = path.utf8
            guard let name = FastText.lastASCIIComponent(utf8[...], separator: 0x2F) else { return path }
            guard let dot = utf8[name].lastIndex(of: 0x2E), dot != name.lowerBound else { return String(path[name]) }
            return String(path[name.lowerBound..<dot])
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// All the articles that could not be read in one build.
public struct ArticleBuildErrors: Error, Equatable, CustomStringConvertible {
    public var errors: [ArticleError]
    public var description: String { errors.map(\.description).joined(separator: "\n") }
}

extension CardMaker {
    /// Every stored field inert for a terminal (entities in HTML can spell control characters).
    static func inert(_ card: Card) -> Card {
        let dirty =
            DeckBuilder.controls(in: card.front).terminal || DeckBuilder.controls(in: card.back).terminal
            || DeckBuilder.controls(in: card.context ?? "").terminal
            || card.section.contains { DeckBuilder.controls(in: $0).terminal }
            || card.aliases.contains { DeckBuilder.controls(in: $0).terminal }
        guard dirty else { return card }
        var c = card
        c.front = TerminalSanitizer.inertLine(c.front)
        c.back = TerminalSanitizer.inert(c.back)
        c.context = c.context.map(TerminalSanitizer.inert)
        c.section = c.section.map(TerminalSanitizer.inertLine)
        c.aliases = c.aliases.map(TerminalSanitizer.inertLine)
        // The id follows the question as stored.
        if c.front != card.front { c.id = .derived(kind: c.kind, question: c.front) }
        return c
    }
}

extension DeckBuilder {
    /// Controls that `TerminalSanitizer` removes, less the line endings it only normalizes.
    static func isTerminalControl(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        return (v < 0x20 && v != 0x0A && v != 0x09 && v != 0x0D) || v == 0x7F || (0x80...0x9F).contains(v)
    }

    /// Which controls the text holds, by one scan of its UTF-8: `terminal` for those
    /// `isTerminalControl` names, `any` for every one `TerminalSanitizer.inert` changes (a
    /// carriage return too). Text with none is passed on as it is, without a sanitizing pass.
    static func controls(in text: String) -> (terminal: Bool, any: Bool) {
        var text = text
        return text.withUTF8 { b in
            var sawReturn = false
            var i = 0
            let n = b.count
            while i < n {
                if i + 8 <= n, FastText.isPrintableASCII(b, at: i) {
                    i += 8
                    continue
                }
                let c = b[i]
                if c < 0x20 {
                    if c == 0x0D {
                        sawReturn = true
                    } else if c != 0x0A && c != 0x09 {
                        return (true, true)
                    }
                } else if c == 0x7F {
                    return (true, true)
                } else if c == 0xC2, i + 1 < n, b[i + 1] >= 0x80, b[i + 1] <= 0x9F {
                    // U+0080–U+009F, the C1 controls.
                    return (true, true)
                }
                i += 1
            }
            return (false, sawReturn)
        }
    }
}
