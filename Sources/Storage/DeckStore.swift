import Flashcards
import Foundation

/// Reads and writes `Decks/<slug>.json`.
public struct DeckStore: Sendable {
    public let home: DataHome

    public init(home: DataHome) { self.home = home }

    public func url(for name: DeckName) -> URL { home.decks.appendingPathComponent(name.fileName) }

    /// Every deck file's name, sorted.
    public func names() -> [DeckName] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: home.decks.path)) ?? []
        return files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .compactMap { try? DeckName($0) }
            .sorted()
    }

    public func exists(_ name: DeckName) -> Bool { FileManager.default.fileExists(atPath: url(for: name).path) }

    public func load(_ name: DeckName) throws(StorageError) -> Deck { try loadNotingFile(name).deck }

    /// A deck as `load(_:)` reads it, with what is known of its file: whether it held exactly
    /// the bytes recall writes for this deck, and which file that was.
    public struct Loaded: Sendable {
        public let deck: Deck
        /// Set when the file was recall's own encoding of `deck`: the file's stamp then.
        let canonicalFile: DeckFileStamp?
    }

    /// `load(_:)`, noting whether the file is exactly what saving the deck would write, so
    /// that `saveIfChanged(_:as:loaded:)` can leave an unchanged deck without encoding it.
    public func loadNotingFile(_ name: DeckName) throws(StorageError) -> Loaded {
        let url = url(for: name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw .missingDeck(name: name.slug, decksDir: home.decks.path)
        }
        let before = DeckFileStamp.of(url.path)
        // Mapped, not read: a large deck's pages then need no copying (Benchmarks/interchange.md).
        let mapped = try MappedFile.withBytes(url.path) { bytes throws(StorageError) in
            if let (deck, canonical) = DeckStore.decodeFast(bytes) {
                // The stamp before and after reading: the bytes read are the file's then.
                let stamp = canonical && before != nil && DeckFileStamp.of(url.path) == before ? before : nil
                return Loaded(deck: deck, canonicalFile: stamp)
            }
            return Loaded(deck: try DeckStore.decode(Data(buffer: bytes), path: url.path), canonicalFile: nil)
        }
        if let mapped { return mapped }
        guard let bytes = try FileBytes.read(url.path) else {
            throw .missingDeck(name: name.slug, decksDir: home.decks.path)
        }
        if let deck = DeckStore.decodeFast(bytes) { return Loaded(deck: deck, canonicalFile: nil) }
        return Loaded(deck: try DeckStore.decode(Data(bytes), path: url.path), canonicalFile: nil)
    }

    /// Decodes a deck file, refusing newer formats rather than misreading them. One pass: the
    /// `format` is checked before the rest of the deck is decoded.
    public static func decode(_ data: Data, path: String) throws(StorageError) -> Deck {
        do {
            return try JSONDecoder().decode(CheckedDeck.self, from: data).deck
        } catch let error as NewerFormat {
            throw .newerFormat(path: path, found: error.found, supported: Deck.currentFormat)
        } catch {
            throw .corrupt(path: path, line: nil, detail: "not a recall deck (\(Self.describe(error)))")
        }
    }

    /// A deck whose `format` is read first, so a newer one is refused before its cards are.
    private struct CheckedDeck: Decodable {
        var deck: Deck

        private enum Keys: String, CodingKey { case format }

        init(from decoder: Decoder) throws {
            let header = try decoder.container(keyedBy: Keys.self)
            if let found = try header.decodeIfPresent(Int.self, forKey: .format), found > Deck.currentFormat {
                throw NewerFormat(found: found)
            }
            deck = try Deck(from: decoder)
        }
    }

    private struct NewerFormat: Error { var found: Int }

    /// The deck as it is stored: pretty-printed with sorted keys so it diffs well, exactly as
    /// `JSONEncoder` would write it (see `DeckWriter`), and a final newline.
    public static func encode(_ deck: Deck) -> Data { Data(DeckWriter.encode(deck)) }

    /// Writes the deck atomically; on any failure the previous file is untouched. When the
    /// deck has progress, its study index is then brought up to date (best effort).
    public func save(_ deck: Deck, as name: DeckName) throws(StorageError) {
        do { try home.prepare() } catch { throw .io(path: home.root.path, detail: "\(error.localizedDescription)") }
        let identity = try Self.writeReturningIdentity(deck, to: url(for: name))
        if let identity { StudyIndex.refresh(home: home, deck: name, cards: deck, written: identity) }
    }

    /// Writes the deck's file at `url` atomically, as `save` does (no study index).
    public static func write(_ deck: Deck, to url: URL) throws(StorageError) {
        _ = try writeReturningIdentity(deck, to: url)
    }

    /// Writes the deck's text to an open descriptor (standard output), streamed.
    /// - Returns: false when a write failed (`errno` says why).
    public static func write(_ deck: Deck, toDescriptor fd: Int32) -> Bool { DeckWriter.write(deck, to: fd) }

    private static func writeReturningIdentity(_ deck: Deck, to url: URL) throws(StorageError) -> FileIdentity? {
        if DeckWriter.encodesInParallel(deck) {
            // The encoder's pieces as they are: joining 71 MB, or wrapping it in `Data`, copies it.
            return try AtomicFile.writeReturningIdentity(parts: DeckWriter.encodeParts(deck), to: url)
        }
        return try AtomicFile.writeReturningIdentity(to: url) { fd in DeckWriter.write(deck, to: fd) }
    }

    /// `save(_:as:)`, except that a file already holding exactly the deck's bytes is left as it
    /// is (no write, no `fsync`): re-importing an unchanged file then costs only a read. Returns
    /// whether it wrote.
    ///
    /// With `loaded`: when `deck` is that deck as it was loaded (the same cards array, not a
    /// modified copy, and byte-equal title, source and format), its file was recall's own
    /// encoding of it, and the file has not changed since, the deck is not even encoded.
    @discardableResult
    public func saveIfChanged(_ deck: Deck, as name: DeckName, loaded: Loaded? = nil) throws(StorageError) -> Bool {
        do { try home.prepare() } catch { throw .io(path: home.root.path, detail: "\(error.localizedDescription)") }
        let url = url(for: name)
        if let loaded, let stamp = loaded.canonicalFile, Self.isUnaltered(deck, loaded.deck),
            DeckFileStamp.of(url.path) == stamp
        {
            return false
        }
        let parts = DeckWriter.encodeParts(deck)
        if AtomicFile.holds(parts: parts, at: url) { return false }
        let identity = try AtomicFile.writeReturningIdentity(parts: parts, to: url)
        if let identity { StudyIndex.refresh(home: home, deck: name, cards: deck, written: identity) }
        return true
    }

    /// Whether `deck` is `original` itself: its cards are the same array storage (any change to
    /// a copy of the array would have copied it first, as `original` still holds it), and its
    /// other fields have the same bytes (`==` on strings allows other normal forms, which are
    /// written differently).
    static func isUnaltered(_ deck: Deck, _ original: Deck) -> Bool {
        let sameCards = deck.cards.withUnsafeBufferPointer { a in
            original.cards.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress && a.count == b.count }
        }
        return sameCards && deck.format == original.format && sameBytes(deck.title, original.title)
            && sameSource(deck.source, original.source)
    }

    private static func sameBytes(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    private static func sameSource(_ a: DeckSource?, _ b: DeckSource?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            guard sameBytes(a.path, b.path), sameBytes(a.sha256, b.sha256) else { return false }
            switch (a.files, b.files) {
            case (nil, nil): return true
            case (let x?, let y?): return x.count == y.count && zip(x, y).allSatisfy { sameSource($0, $1) }
            default: return false
            }
        default: return false
        }
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            "missing '\(key.stringValue)' at \(path(ctx))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            "\(ctx.debugDescription) at \(path(ctx))"
        case DecodingError.dataCorrupted(let ctx):
            ctx.debugDescription
        default:
            "\(error)"
        }
    }

    private static func path(_ ctx: DecodingError.Context) -> String {
        let p = ctx.codingPath.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
        return p.isEmpty ? "top level" : p
    }
}
