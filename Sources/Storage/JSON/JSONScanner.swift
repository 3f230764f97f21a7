import Flashcards

#if canImport(Glibc)
    import Glibc
#endif

/// A strict, allocation-light JSON reader over bytes, for recall's own progress files.
///
/// Foundation's decoders read about 25–30 MB/s on this machine; a review log of a million
/// answers would take seconds to load. This pull parser reads the same grammar (RFC 8259:
/// no comments, no trailing commas, no leading zeros, no control characters in strings, valid
/// UTF-8, paired surrogates) at several hundred MB/s, and is checked against
/// `JSONSerialization` by a differential test. It must only be used inside the closure that
/// lends it its buffer.
struct JSONScanner {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    /// The offset of the next unread byte.
    private(set) var position: Int

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer may have no base address; point at a static empty byte instead.
        base = buffer.baseAddress ?? JSONScanner.emptyByte
        end = buffer.count
        position = 0
    }

    /// A scanner of the whole `buffer` that starts at `position`: for reading one part of a
    /// document on another thread, with error offsets still counted from the buffer's start.
    init(_ buffer: UnsafeBufferPointer<UInt8>, at position: Int) {
        self.init(buffer)
        self.position = position
    }

    nonisolated(unsafe) private static let emptyByte: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    /// Continues at `offset`, where a reader of the same buffer (on another thread) stopped.
    mutating func move(to offset: Int) {
        precondition((0...end).contains(offset), "an offset inside the buffer")
        position = offset
    }

    // MARK: Structure

    /// Skips spaces, tabs, carriage returns and line feeds.
    mutating func skipWhitespace() {
        while position < end {
            let b = base[position]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            position += 1
        }
    }

    /// The next non-blank byte, not consumed; nil at the end.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return position < end ? base[position] : nil
    }

    mutating func expect(_ byte: UInt8) throws(JSONSyntaxError) {
        skipWhitespace()
        guard position < end, base[position] == byte else {
            throw error("expected '\(Character(Unicode.Scalar(byte)))'")
        }
        position += 1
    }

    /// Whether only white space is left.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipWhitespace()
        guard position == end else { throw error("unexpected text after the value") }
    }

    /// Opens an object; read its members with `nextKey(first:)`.
    mutating func beginObject() throws(JSONSyntaxError) { try expect(UInt8(ascii: "{")) }

    /// The next member's key (its value is next), or nil when the object closes.
    /// - Parameter first: true for the first call after `beginObject()`.
    mutating func nextKey(first: inout Bool) throws(JSONSyntaxError) -> JSONKey? {
        skipWhitespace()
        guard position < end else { throw error("unterminated object") }
        if base[position] == UInt8(ascii: "}") {
            position += 1
            return nil
        }
        if !first {
            guard base[position] == UInt8(ascii: ",") else { throw error("expected ',' or '}'") }
            position += 1
            skipWhitespace()
            if position < end, base[position] == UInt8(ascii: "}") { throw error("trailing comma") }
        }
        first = false
        guard position < end, base[position] == UInt8(ascii: "\"") else { throw error("expected a key") }
        let key: JSONKey
        if let plain = plainStringRange() {
            key = JSONKey(base: base + plain.lowerBound, count: plain.count, decoded: nil)
        } else {
            key = JSONKey(base: base, count: 0, decoded: try string())
        }
        try expect(UInt8(ascii: ":"))
        return key
    }

    /// Opens an array; read its elements while `nextElement(first:)` is true.
    mutating func beginArray() throws(JSONSyntaxError) { try expect(UInt8(ascii: "[")) }

    /// Whether another element follows (and consumes the comma before it).
    mutating func nextElement(first: inout Bool) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        guard position < end else { throw error("unterminated array") }
        if base[position] == UInt8(ascii: "]") {
            position += 1
            return false
        }
        if !first {
            guard base[position] == UInt8(ascii: ",") else { throw error("expected ',' or ']'") }
            position += 1
        }
        first = false
        skipWhitespace()
        if position < end, base[position] == UInt8(ascii: "]") { throw error("trailing comma") }
        return true
    }

    /// Consumes `text` when the next bytes are exactly it (no white space skipped); returns
    /// whether they were. For reading members in the order recall writes them, e.g.
    /// `,"due":`, with the general `nextKey` as the fallback for any other layout.
    @inline(__always)
    mutating func consume(exactly text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard end - position >= n else { return false }
        // A loop the compiler unrolls against the constant text (memcmp was a call per member).
        let expected = text.utf8Start
        for k in 0..<n where base[position + k] != expected[k] { return false }
        position += n
        return true
    }

    /// The next string, when it is exactly `count` bytes between its quotes, handed to `read`;
    /// consumed when `read` returns a value. For fixed-width fields such as times, whose reader
    /// checks every byte (so none is a quote, a backslash or a control character).
    @inline(__always)
    mutating func fixedWidthString<T>(count: Int, _ read: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
        skipWhitespace()
        guard end - position >= count + 2, base[position] == UInt8(ascii: "\""),
            base[position + count + 1] == UInt8(ascii: "\""),
            let value = read(UnsafeBufferPointer(start: base + position + 1, count: count))
        else { return nil }
        position += count + 2
        return value
    }

    // MARK: Scalars

    /// Consumes `null` when it is next; returns whether it was.
    mutating func consumeNull() throws(JSONSyntaxError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try literal("null")
        return true
    }

    mutating func bool() throws(JSONSyntaxError) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        default: throw error("expected true or false")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        guard end - position >= n, memcmp(base + position, word.utf8Start, n) == 0 else {
            throw error("unknown literal")
        }
        position += n
    }

    /// A string value.
    mutating func string() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard position < end, base[position] == UInt8(ascii: "\"") else { throw error("expected a string") }
        if let plain = plainStringRange() {
            let bytes = UnsafeBufferPointer(start: base + plain.lowerBound, count: plain.count)
            guard let s = Self.validatedString(bytes) else { throw error("invalid UTF-8 in a string") }
            return s
        }
        var canonical = true
        return try escapedString(canonical: &canonical)
    }

    /// A string value exactly as `DeckWriter` writes it: its opening quote next (no white
    /// space skipped), only the escapes the writer uses (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`,
    /// `\t`, lower-case `\u00xx` for the other control characters); nil, consuming something,
    /// on anything else.
    mutating func canonicalString() -> String? {
        guard position < end, base[position] == UInt8(ascii: "\"") else { return nil }
        if let plain = plainStringRange() {
            return Self.validatedString(UnsafeBufferPointer(start: base + plain.lowerBound, count: plain.count))
        }
        var canonical = true
        guard let s = try? escapedString(canonical: &canonical), canonical else { return nil }
        return s
    }

    /// The string of some UTF-8 bytes; nil when they are not valid UTF-8.
    ///
    /// `String(validating:as:)` is generic and not specialized here (it showed as a tenth of
    /// the time loading a large deck), and comparing the result's `utf8` view element by
    /// element took another tenth; decoding, which repairs bad sequences, then comparing the
    /// bytes whole is several times faster and just as strict (a repair always changes bytes).
    static func validatedString(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var s = String(decoding: bytes, as: UTF8.self)
        let same = s.withUTF8 { decoded in
            guard decoded.count == bytes.count else { return false }
            guard let a = decoded.baseAddress, let b = bytes.baseAddress else { return true }
            return memcmp(a, b, bytes.count) == 0
        }
        return same ? s : nil
    }

    /// A string without escapes, as the bytes in the buffer (not UTF-8-checked: for
    /// ASCII-only fields such as times, which their own parser checks).
    mutating func plainString() throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8> {
        skipWhitespace()
        guard position < end, base[position] == UInt8(ascii: "\""), let r = plainStringRange() else {
            throw error("expected a string without escapes")
        }
        return UnsafeBufferPointer(start: base + r.lowerBound, count: r.count)
    }

    /// A string's byte range when it has no escapes (the common case), consuming it;
    /// nil (consuming nothing) when it has escapes. Throws on control characters or no end.
    private mutating func plainStringRange() -> Range<Int>? {
        let i = Self.stringEnd.next(in: UnsafeBufferPointer(start: base, count: end), from: position + 1)
        guard i < end, base[i] == UInt8(ascii: "\"") else { return nil }
        let range = (position + 1)..<i
        position = i + 1
        return range
    }

    /// What ends a run of plain text in a string: its closing quote, an escape, a control byte.
    private static let stringEnd = ByteFinder(below: 0x20, UInt8(ascii: "\""), UInt8(ascii: "\\"))

    /// - Parameter canonical: set to false on an escape `DeckWriter` would not write.
    private mutating func escapedString(canonical: inout Bool) throws(JSONSyntaxError) -> String {
        position += 1  // the opening quote
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        while true {
            // Copy the run up to the next quote, escape or control byte whole: appending
            // byte by byte was a quarter of the time loading a deck of long texts.
            let run = position
            position = Self.stringEnd.next(in: UnsafeBufferPointer(start: base, count: end), from: position)
            if run < position {
                bytes.append(contentsOf: UnsafeBufferPointer(start: base + run, count: position - run))
            }
            guard position < end else { throw error("unterminated string") }
            let b = base[position]
            position += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = bytes.withUnsafeBufferPointer(Self.validatedString) else {
                    throw error("invalid UTF-8 in a string")
                }
                return s
            case UInt8(ascii: "\\"):
                guard position < end else { throw error("unterminated string") }
                let e = base[position]
                position += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(e)
                case UInt8(ascii: "/"):
                    canonical = false
                    bytes.append(e)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    let written = isWrittenControlEscape()
                    var scalar = try hex4()
                    if !written { canonical = false }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard end - position >= 2, base[position] == UInt8(ascii: "\\"),
                            base[position + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired surrogate") }
                        position += 2
                        let low = try hex4()
                        guard (0xDC00...0xDFFF).contains(low) else { throw error("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error("unpaired surrogate")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("invalid escape") }
                    bytes.append(contentsOf: UTF8.encode(u)!)
                default: throw error("invalid escape")
                }
            default:
                guard b >= 0x20 else { throw error("control character in a string") }
                bytes.append(b)
            }
        }
    }

    /// Whether the four hex digits next are `DeckWriter`'s: `00`, then lower-case hex of a
    /// control character that has no short escape.
    private func isWrittenControlEscape() -> Bool {
        guard end - position >= 4, base[position] == 0x30, base[position + 1] == 0x30 else { return false }
        let high = base[position + 2]
        let low = base[position + 3]
        guard high == 0x30 || high == 0x31 else { return false }
        let digit: UInt8
        switch low {
        case 0x30...0x39: digit = low - 0x30
        case 0x61...0x66: digit = low - 0x61 + 10
        default: return false
        }
        let value = (high - 0x30) << 4 | digit
        return ![0x08, 0x09, 0x0A, 0x0C, 0x0D].contains(value)
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard end - position >= 4 else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[position]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: throw error("bad \\u escape")
            }
            v = v << 4 | UInt32(d)
            position += 1
        }
        return v
    }

    /// The byte range of a number that follows JSON's grammar, consumed; and whether it is
    /// an integer (no fraction, no exponent).
    private mutating func numberToken() throws(JSONSyntaxError) -> (Range<Int>, isInteger: Bool) {
        skipWhitespace()
        let start = position
        var i = position
        func digit(_ i: Int) -> Bool { i < end && base[i] >= 0x30 && base[i] <= 0x39 }
        if i < end, base[i] == UInt8(ascii: "-") { i += 1 }
        guard digit(i) else { throw error("expected a number") }
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if digit(i) { throw error("leading zero in a number") }
        } else {
            while digit(i) { i += 1 }
        }
        var isInteger = true
        if i < end, base[i] == UInt8(ascii: ".") {
            i += 1
            guard digit(i) else { throw error("expected digits after '.'") }
            while digit(i) { i += 1 }
            isInteger = false
        }
        if i < end, base[i] == UInt8(ascii: "e") || base[i] == UInt8(ascii: "E") {
            i += 1
            if i < end, base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-") { i += 1 }
            guard digit(i) else { throw error("expected exponent digits") }
            while digit(i) { i += 1 }
            isInteger = false
        }
        position = i
        return (start..<i, isInteger)
    }

    /// An integer that fits in `Int`.
    mutating func int() throws(JSONSyntaxError) -> Int {
        // One pass for the common case (up to 18 digits, then no fraction or exponent); anything
        // else, errors included, takes the checking path below from the start.
        skipWhitespace()
        var i = position
        let negative = i < end && base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        let first = i
        var v = 0
        while i < end, i - first < 18, base[i] &- 0x30 < 10 {
            v = v &* 10 &+ Int(base[i] &- 0x30)
            i += 1
        }
        if i > first, i == first + 1 || base[first] != UInt8(ascii: "0") {
            let next = i < end ? base[i] : 0
            if next &- 0x30 >= 10, next != UInt8(ascii: "."), next | 0x20 != UInt8(ascii: "e") {
                position = i
                return negative ? -v : v
            }
        }
        return try checkedInt()
    }

    private mutating func checkedInt() throws(JSONSyntaxError) -> Int {
        let (range, isInteger) = try numberToken()
        guard isInteger else { throw error("expected an integer") }
        var i = range.lowerBound
        let negative = base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var v = 0
        while i < range.upperBound {
            let d = Int(base[i] - 0x30)
            let (m, o1) = v.multipliedReportingOverflow(by: 10)
            let (s, o2) = negative ? m.subtractingReportingOverflow(d) : m.addingReportingOverflow(d)
            guard !o1, !o2 else { throw error("integer out of range") }
            v = s
            i += 1
        }
        return v
    }

    /// Any number, as the nearest double (correctly rounded: `FastDouble`, else `strtod`).
    mutating func double() throws(JSONSyntaxError) -> Double {
        skipWhitespace()
        if let (value, next) = FastDouble.read(base, from: position, end: end) {
            position = next
            return value
        }
        let (range, _) = try numberToken()
        let d = try Self.parseDouble(base + range.lowerBound, count: range.count, at: self)
        guard d.isFinite else { throw error("number out of range") }
        return d
    }

    private static func parseDouble(
        _ p: UnsafePointer<UInt8>, count: Int, at scanner: JSONScanner
    ) throws(JSONSyntaxError) -> Double {
        // strtod needs a terminator; numbers we write are short, copy them to the stack.
        guard count < 64 else {
            var copy = Array(UnsafeBufferPointer(start: p, count: count))
            copy.append(0)
            return copy.withUnsafeBufferPointer { b in
                b.baseAddress!.withMemoryRebound(to: CChar.self, capacity: b.count) { strtod($0, nil) }
            }
        }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buf in
            let raw = UnsafeMutableRawPointer(buf.baseAddress!)
            raw.copyMemory(from: p, byteCount: count)
            buf[count] = 0
            return strtod(buf.baseAddress!, nil)
        }
    }

    /// Skips one value of any kind, checking its syntax.
    mutating func skipValue() throws(JSONSyntaxError) {
        _ = try value(depth: 0, keep: false)
    }

    /// Reads one value of any kind into a tree.
    mutating func value() throws(JSONSyntaxError) -> JSONValue {
        try value(depth: 0, keep: true)
    }

    private mutating func value(depth: Int, keep: Bool) throws(JSONSyntaxError) -> JSONValue {
        guard depth < 256 else { throw error("nested too deeply") }
        switch peek() {
        case UInt8(ascii: "{"):
            position += 1
            var members: [(String, JSONValue)] = []
            var first = true
            while let key = try nextKey(first: &first) {
                let v = try value(depth: depth + 1, keep: keep)
                if keep { members.append((try key.string(at: self), v)) }
            }
            return .object(members)
        case UInt8(ascii: "["):
            position += 1
            var items: [JSONValue] = []
            var first = true
            while try nextElement(first: &first) {
                let v = try value(depth: depth + 1, keep: keep)
                if keep { items.append(v) }
            }
            return .array(items)
        case UInt8(ascii: "\""):
            return .string(try string())
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try bool())
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case nil:
            throw error("unexpected end of input")
        default:
            return .number(try double())
        }
    }

    /// A syntax error at the current position.
    func error(_ message: String) -> JSONSyntaxError {
        JSONSyntaxError(offset: position, message: message)
    }
}

/// A member name as it stands in the buffer (no copy) or, when it had escapes, decoded.
struct JSONKey {
    fileprivate let base: UnsafePointer<UInt8>
    fileprivate let count: Int
    fileprivate let decoded: String?

    static func == (key: JSONKey, name: StaticString) -> Bool {
        if let decoded = key.decoded { return decoded == name.description }
        return key.count == name.utf8CodeUnitCount && memcmp(key.base, name.utf8Start, key.count) == 0
    }

    func string(at scanner: JSONScanner) throws(JSONSyntaxError) -> String {
        if let decoded { return decoded }
        guard let s = JSONScanner.validatedString(UnsafeBufferPointer(start: base, count: count)) else {
            throw scanner.error("invalid UTF-8 in a key")
        }
        return s
    }
}

/// Where and why some bytes are not the JSON we read.
struct JSONSyntaxError: Error, Equatable, CustomStringConvertible {
    var offset: Int
    var message: String
    var description: String { "\(message) (byte \(offset + 1))" }
}
