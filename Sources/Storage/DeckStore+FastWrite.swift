import Flashcards

/// A hand-written deck encoder: `JSONEncoder` spends seconds on a 100,000-card deck.
///
/// It writes byte for byte what `JSONEncoder` writes with `.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes` on Linux: two-space indents, `" : "` between key and value, empty
/// arrays as `[`, a blank line and the closing bracket, `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`,
/// other control characters as lower-case `\u00xx`, everything else (DEL, non-ASCII, `/`) raw.
/// A differential test holds it to `JSONEncoder` on random tricky decks.
struct DeckWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Text finished before `bytes`, in order: the cards are encoded in chunks on all cores.
    private var parts: [[UInt8]] = []
    /// When streaming (`write(_:to:)`), the descriptor `bytes` is flushed to whenever it holds
    /// `flushAt` bytes, and whether every write so far succeeded.
    private var output: Int32?
    private var flushAt = 0
    private var failed = false

    static func encode(_ deck: Deck) -> [UInt8] {
        let parts = encodeParts(deck)
        if parts.count == 1 { return parts[0] }
        var joined: [UInt8] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part) }
        return joined
    }

    /// The encoded deck in pieces that, written one after another, make the file: saving
    /// writes them as they are rather than copy 71 MB into one buffer.
    static func encodeParts(_ deck: Deck) -> [[UInt8]] {
        var w = DeckWriter()
        w.deck(deck)
        w.bytes.append(0x0A)
        return w.parts + [w.bytes]
    }

    /// Encodes the deck straight into the open file `fd` through one buffer of about
    /// `flushAt` bytes, emptied and reused whenever it fills: building the deck's whole text
    /// first touched a fresh page per 4 KB of it, a quarter of a build's page faults. The cards
    /// are encoded on the calling thread, in the order and with the bytes of `encode`.
    /// - Returns: false when a write failed (`errno` says why).
    static func write(_ deck: Deck, to fd: Int32, flushAt: Int = 64 * 1024) -> Bool {
        var w = DeckWriter()
        w.output = fd
        w.flushAt = max(1, flushAt)
        w.bytes.reserveCapacity(w.flushAt * 2)
        w.deck(deck)
        w.bytes.append(0x0A)
        w.flush()
        return !w.failed
    }

    /// Whether a deck is worth encoding in chunks on all cores rather than streamed on one
    /// thread: only a large import's is.
    static func encodesInParallel(_ deck: Deck) -> Bool { deck.cards.count >= 32_768 }

    private mutating func flush() {
        guard let output else { return }
        if !failed { failed = !bytes.withUnsafeBytes { FileBytes.writeAll(output, $0) } }
        bytes.removeAll(keepingCapacity: true)
    }

    /// Roughly the encoded size, so the buffer seldom grows.
    private static func estimate(_ cards: ArraySlice<Card>) -> Int {
        var n = 256
        for card in cards {
            n += 160 + card.id.rawValue.utf8.count + card.front.utf8.count + card.back.utf8.count
            n += card.context?.utf8.count ?? 0
            for s in card.section { n += 12 + s.utf8.count }
            for s in card.tags { n += 12 + s.utf8.count }
            for s in card.aliases { n += 12 + s.utf8.count }
        }
        return n + n / 16
    }

    private mutating func deck(_ deck: Deck) {
        open(0x7B)
        key("\"cards\" : ", first: true)
        cards(deck.cards)
        key("\"format\" : ", first: false)
        literal(String(deck.format))
        if let source = deck.source {
            key("\"source\" : ", first: false)
            self.source(source)
        }
        key("\"title\" : ", first: false)
        string(deck.title)
        close(0x7D)
    }

    /// The cards array, its elements encoded in chunks at once (a quarter of a large import's
    /// time on one core); each chunk is what the one-pass loop of `array` writes for it.
    private mutating func cards(_ cards: [Card]) {
        if cards.isEmpty { return emptyArray() }
        open(0x5B)
        if output != nil {
            // Through the buffer's elements in place: `cards[i]` copied each card (a retain and
            // release of each of its strings and arrays).
            cards.withUnsafeBufferPointer { cards in
                for i in cards.indices {
                    element(first: i == 0)
                    card(cards[i])
                    if bytes.count >= flushAt { flush() }
                }
            }
            return close(0x5D)
        }
        let depth = depth
        let chunks = ParallelChunks.map(cards.count, minimum: 4096) { range in
            var w = DeckWriter()
            w.depth = depth
            w.bytes.reserveCapacity(DeckWriter.estimate(cards[range]))
            for i in range {
                w.element(first: i == 0)
                w.card(cards[i])
            }
            return w.bytes
        }
        parts.append(bytes)
        parts += chunks
        bytes = []
        close(0x5D)
    }

    private mutating func source(_ source: DeckSource) {
        open(0x7B)
        var first = true
        if let files = source.files {
            key("\"files\" : ", first: true)
            first = false
            array(files) { $0.source($1) }
        }
        key("\"path\" : ", first: first)
        string(source.path)
        key("\"sha256\" : ", first: false)
        string(source.sha256)
        close(0x7D)
    }

    private mutating func card(_ card: Card) {
        open(0x7B)
        var first = true
        if !card.aliases.isEmpty {
            key("\"aliases\" : ", first: true)
            first = false
            strings(card.aliases)
        }
        key("\"back\" : ", first: first)
        string(card.back)
        if let context = card.context {
            key("\"context\" : ", first: false)
            string(context)
        }
        key("\"front\" : ", first: false)
        string(card.front)
        key("\"id\" : ", first: false)
        string(card.id.rawValue)
        key("\"kind\" : ", first: false)
        string(card.kind.rawValue)
        key("\"section\" : ", first: false)
        strings(card.section)
        key("\"tags\" : ", first: false)
        strings(card.tags)
        close(0x7D)
    }

    private mutating func strings(_ list: [String]) { array(list) { $0.string($1) } }

    private mutating func array<T>(_ list: [T], _ write: (inout DeckWriter, T) -> Void) {
        if list.isEmpty { return emptyArray() }
        open(0x5B)
        for (i, item) in list.enumerated() {
            element(first: i == 0)
            write(&self, item)
        }
        close(0x5D)
    }

    // MARK: Layout

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        depth += 1
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        newline()
        bytes.append(bracket)
    }

    private mutating func emptyArray() {
        bytes.append(0x5B)
        bytes.append(0x0A)
        newline()
        bytes.append(0x5D)
    }

    private mutating func element(first: Bool) {
        if !first { bytes.append(0x2C) }
        newline()
    }

    /// A key as it is written, quotes and separator included (`"back" : `), in one copy.
    private mutating func key(_ quoted: StaticString, first: Bool) {
        element(first: first)
        quoted.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newline() {
        // The line end and indent in one copy: a space at a time was a tenth of the encoder's time.
        let width = depth * 2
        if width < Self.lineStart.count {
            Self.lineStart.withUnsafeBufferPointer {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[...width]))
            }
        } else {
            bytes.append(0x0A)
            bytes.append(contentsOf: repeatElement(0x20, count: width))
        }
    }

    /// A line feed and the widest indent written in one copy.
    private static let lineStart = [0x0A] + [UInt8](repeating: 0x20, count: 32)

    private mutating func literal(_ text: String) { bytes.append(contentsOf: text.utf8) }

    // MARK: Strings

    private mutating func string(_ text: String) {
        // A native string's bytes are read where they are, without the copy `withUTF8` needs.
        if text.utf8.withContiguousStorageIfAvailable({ escape($0) }) == nil {
            var text = text
            text.withUTF8 { escape($0) }
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)
    private let escaped = ByteFinder(below: 0x20, 0x22, 0x5C)

    private mutating func escape(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var start = 0
        var i = -1
        while true {
            i = escaped.next(in: utf8, from: i + 1)
            guard i < utf8.count else { break }
            let byte = utf8[i]
            if start < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<i])) }
            start = i + 1
            bytes.append(0x5C)
            switch byte {
            case 0x22: bytes.append(0x22)
            case 0x5C: bytes.append(0x5C)
            case 0x08: bytes.append(0x62)
            case 0x0C: bytes.append(0x66)
            case 0x0A: bytes.append(0x6E)
            case 0x0D: bytes.append(0x72)
            case 0x09: bytes.append(0x74)
            default:
                bytes.append(contentsOf: [0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]])
            }
        }
        if start < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...])) }
        bytes.append(0x22)
    }
}
