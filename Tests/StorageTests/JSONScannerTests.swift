import Flashcards
import Foundation
import Scheduling
import Testing

@testable import Storage

/// The strict fast reader against Foundation's `JSONSerialization`, on generated documents and
/// on damaged copies of them: it must never accept what Foundation rejects, and when both
/// accept they must read the same values.
struct JSONScannerTests {
    @Test func generatedDocumentsReadAsFoundationReadsThem() throws {
        var rng = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            let value = JSONGen.value(&rng, depth: 0)
            let text = JSONGen.text(value, &rng)
            let mine = try JSONValue.parse(Array(text.utf8))
            let foundation = try JSONGen.foundation(Data(text.utf8))
            // Foundation's number reading is not always correctly rounded (it is off by an ulp or
            // two on some 17-digit numbers); ours reads back exactly what was written.
            #expect(mine.sorted.agrees(with: foundation), "\(text)")
            #expect(mine == value, "\(text)")
        }
    }

    @Test func damagedDocumentsAreJudgedAsFoundationJudgesThem() throws {
        var rng = SeededGenerator(seed: 9)
        var rejected = 0
        for _ in 0..<6000 {
            let value = JSONGen.value(&rng, depth: 0)
            var bytes = Array(JSONGen.text(value, &rng).utf8)
            JSONGen.damage(&bytes, &rng)
            let mine: JSONValue?
            var why = ""
            do { mine = try JSONValue.parse(bytes) } catch {
                mine = nil
                why = error.message
            }
            // Foundation accepts trailing commas and text behind a NUL byte ("\0" + "13" reads
            // as 1), which RFC 8259 does not; we refuse both. Nothing else may differ.
            let foundation = try? JSONGen.foundation(Data(bytes))
            let foundationLenient = why == "trailing comma" || bytes.contains(0)
            #expect(
                (mine == nil) == (foundation == nil) || (foundationLenient && foundation != nil),
                "\(String(decoding: bytes, as: UTF8.self).debugDescription): mine \(String(describing: mine)) \(why) foundation \(String(describing: foundation))"
            )
            if let mine, let foundation, !mine.hasRepeatedKeys { #expect(mine.sorted.agrees(with: foundation)) }
            if mine == nil { rejected += 1 }
        }
        #expect(rejected > 1000)
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "{\"a\":1,}", "01", "-", "1.", ".5", "1e", "+1", "\"\\x\"", "\"\u{01}\"",
        "nul", "tru", "[1 2]", "1e400", "-1e999", "{\"a\" 1}", "{1:2}", "\"\\ud800\"", "\"\\udc00x\"", "1 2", "NaN",
        "[", "\"abc",
    ])
    func malformedInputIsRejected(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
        if !JSONGen.foundationAcceptsTrailingCommas.contains(text) {
            #expect(throws: (any Error).self) { try JSONGen.foundation(Data(text.utf8)) }
        }
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(bytes) }
        #expect(throws: (any Error).self) { try JSONGen.foundation(Data(bytes)) }
    }

    @Test func logLinesReadBackExactlyAndAgreeWithFoundation() throws {
        var rng = SeededGenerator(seed: 3)
        for i in 1...500 {
            let entry = LogGen.entry(id: i, &rng)
            let line = entry.line()
            #expect(line.last == 0x0A)
            let body = Array(line.dropLast())
            let read = try body.withUnsafeBufferPointer { try LogEntry.read(line: $0) }
            #expect(read == entry)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
            #expect(object["id"] as? Int == entry.id)
            #expect(object["card"] as? String == entry.card.rawValue)
            let after = try #require(object["after"] as? [String: Any])
            let stability = entry.after.schedule?.stability ?? 0
            #expect(abs((after["stability"] as? Double ?? 0) - stability) <= 1e-15 * stability)
            #expect(after["due"] as? String == entry.after.schedule.map { Timestamp.string($0.due) })
        }
    }

    @Test func damagedLogLinesAreNeverAcceptedWhenFoundationRejectsThem() throws {
        var rng = SeededGenerator(seed: 5)
        for i in 1...3000 {
            var bytes = Array(LogGen.entry(id: i, &rng).line().dropLast())
            JSONGen.damage(&bytes, &rng)
            let mine = try? bytes.withUnsafeBufferPointer { try LogEntry.read(line: $0) }
            if mine != nil {
                #expect(
                    (try? JSONSerialization.jsonObject(with: Data(bytes))) != nil,
                    "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    @Test func timestampsRoundTrip() throws {
        var rng = SeededGenerator(seed: 11)
        for _ in 0..<2000 {
            let ms = Int64(rng.next() % 8_000_000_000_000) - 1_000_000_000_000
            let date = Timestamp.date(milliseconds: ms)
            let text = Timestamp.string(date)
            #expect(text.utf8.count == 24)
            let back = try #require(Timestamp.parse(text))
            #expect(Timestamp.milliseconds(back) == ms)
            #expect(ISO8601DateFormatter.withMilliseconds.date(from: text).map(Timestamp.milliseconds) == ms)
        }
        for bad in [
            "2026-02-30T00:00:00.000Z", "2026-03-01T24:00:00.000Z", "2026-03-01T09:00:00Z", "2026-03-01 09:00:00.000Z",
        ] {
            #expect(Timestamp.parse(bad) == nil)
        }
    }
}

extension JSONValue {
    /// Objects' members sorted by key, as a dictionary would list them.
    var sorted: JSONValue {
        switch self {
        case .array(let items): .array(items.map(\.sorted))
        case .object(let members): .object(members.map { ($0.0, $0.1.sorted) }.sorted { $0.0 < $1.0 })
        default: self
        }
    }

    /// Equal, but numbers only within a relative 1e-15 (Foundation's rounding).
    func agrees(with other: JSONValue) -> Bool {
        switch (self, other) {
        case (.number(let a), .number(let b)): a == b || abs(a - b) <= 1e-15 * max(abs(a), abs(b))
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { $0.agrees(with: $1) }
        case (.object(let x), .object(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1.agrees(with: $1.1) }
        default: self == other
        }
    }

    var hasRepeatedKeys: Bool {
        switch self {
        case .array(let items): items.contains { $0.hasRepeatedKeys }
        case .object(let members):
            Set(members.map(\.0)).count != members.count || members.contains { $0.1.hasRepeatedKeys }
        default: false
        }
    }
}

extension ISO8601DateFormatter {
    static var withMilliseconds: ISO8601DateFormatter {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f
    }
}

/// Random JSON for the differential tests.
enum JSONGen {
    /// Not JSON, yet Foundation's `JSONSerialization` reads them.
    static let foundationAcceptsTrailingCommas: Set<String> = ["[1,]", "{\"a\":1,}"]

    static func value(_ rng: inout SeededGenerator, depth: Int) -> JSONValue {
        switch rng.next() % (depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(rng.next() % 2 == 0)
        case 2: return .number(number(&rng))
        case 3, 4: return .string(string(&rng))
        case 5: return .array((0..<Int(rng.next() % 5)).map { _ in value(&rng, depth: depth + 1) })
        default:
            var keys = Set<String>()
            var members: [(String, JSONValue)] = []
            for _ in 0..<Int(rng.next() % 5) {
                let k = string(&rng)
                if keys.insert(k).inserted { members.append((k, value(&rng, depth: depth + 1))) }
            }
            return .object(members)
        }
    }

    static func number(_ rng: inout SeededGenerator) -> Double {
        switch rng.next() % 4 {
        case 0: return Double(Int64(rng.next() % 2_000_001) - 1_000_000)
        case 1: return Double(rng.nextUnit() * 100)
        case 2: return (rng.nextUnit() - 0.5) * pow(10, Double(Int(rng.next() % 40) - 20))
        default: return Double(Int(rng.next() % 100)) / 8
        }
    }

    static let alphabet: [String] = [
        "a", "b", "Z", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "\u{1F}", "é", "ß", "€", "😀", "\u{7F}", "{", "}",
        "[", ",", ":", "0",
    ]

    static func string(_ rng: inout SeededGenerator) -> String {
        (0..<Int(rng.next() % 8)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
    }

    /// JSON text of a value, with random white space and escape styles.
    static func text(_ v: JSONValue, _ rng: inout SeededGenerator) -> String {
        func ws() -> String { ["", "", " ", "\n", "\t ", "\r\n"][Int(rng.next() % 6)] }
        switch v {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n == n.rounded(), abs(n) < 1e15, rng.next() % 2 == 0 { return String(Int64(n)) }
            return "\(n)"
        case .string(let s): return quoted(s, &rng)
        case .array(let items):
            return "[" + ws() + items.map { text($0, &rng) }.joined(separator: ws() + "," + ws()) + ws() + "]"
        case .object(let members):
            return "{" + ws()
                + members.map { quoted($0.0, &rng) + ws() + ":" + ws() + text($0.1, &rng) }.joined(
                    separator: "," + ws())
                + ws() + "}"
        }
    }

    static func quoted(_ s: String, _ rng: inout SeededGenerator) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += rng.next() % 2 == 0 ? "\\n" : "\\u000a"
            case "\t": out += "\\t"
            case "/": out += rng.next() % 2 == 0 ? "/" : "\\/"
            case _ where u.value < 0x20: out += String(format: "\\u%04X", u.value)
            case _ where u.value > 0xFFFF && rng.next() % 2 == 0:
                let v = u.value - 0x10000
                out += String(format: "\\ud%03x\\ud%03x", 0x800 + (v >> 10), 0xC00 + (v & 0x3FF))
            case _ where u.value > 0x7F && u.value <= 0xFFFF && rng.next() % 3 == 0:
                out += String(format: "\\u%04x", u.value)
            default: out.unicodeScalars.append(u)
            }
        }
        return out + "\""
    }

    /// One to three random edits: a byte changed, removed, inserted or the end cut off.
    static func damage(_ bytes: inout [UInt8], _ rng: inout SeededGenerator) {
        let pool = Array("{}[],:\"\\ 0123456789.eE+-ntfalsu".utf8) + [0x00, 0x01, 0x0A, 0xC3, 0xFF]
        for _ in 0..<(1 + Int(rng.next() % 3)) {
            guard !bytes.isEmpty else { return }
            let i = Int(rng.next() % UInt64(bytes.count))
            switch rng.next() % 4 {
            case 0: bytes[i] = pool[Int(rng.next() % UInt64(pool.count))]
            case 1: bytes.remove(at: i)
            case 2: bytes.insert(pool[Int(rng.next() % UInt64(pool.count))], at: i)
            default: bytes.removeLast(bytes.count - i)
            }
        }
    }

    /// Foundation's reading, turned into a `JSONValue`.
    static func foundation(_ data: Data) throws -> JSONValue {
        convert(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    static func convert(_ any: Any) -> JSONValue {
        switch any {
        case is NSNull: return .null
        case let s as String: return .string(s)
        case let n as NSNumber:
            // Foundation boxes JSON's true and false as Bool numbers ("c"); JSON numbers never are.
            if String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            return .number(n.doubleValue)
        case let a as [Any]: return .array(a.map(convert))
        case let d as [String: Any]:
            return .object(d.keys.sorted().map { ($0, convert(d[$0]!)) })
        default: return .string("?\(type(of: any))")
        }
    }
}

/// Random log entries, as a session would write them.
enum LogGen {
    static func entry(id: Int, _ rng: inout SeededGenerator) -> LogEntry {
        let kinds = LogEntry.Kind.allCases
        let kind = kinds[Int(rng.next() % UInt64(kinds.count))]
        let time = Timestamp.date(milliseconds: 1_770_000_000_000 + Int64(rng.next() % 100_000_000_000))
        return LogEntry(
            id: id, kind: kind, card: CardID(String(format: "%012llx", rng.next() >> 16)), time: time,
            rating: kind == .review ? Rating(rawValue: Int(rng.next() % 4) + 1) : nil,
            duration: kind == .review && rng.next() % 3 > 0 ? Int(rng.next() % 60000) : nil,
            undoes: kind == .undo ? max(1, id - 1) : nil, before: progress(&rng, time), after: progress(&rng, time))
    }

    static func progress(_ rng: inout SeededGenerator, _ time: Date) -> CardProgress {
        guard rng.next() % 5 > 0 else { return .new }
        let state = LearningState(rawValue: Int(rng.next() % 3) + 1) ?? .review
        let schedule = CardSchedule(
            state: state, step: state == .review ? nil : Int(rng.next() % 3), stability: rng.nextUnit() * 300 + 0.001,
            difficulty: 1 + rng.nextUnit() * 9, due: time.addingTimeInterval(Double(rng.next() % 10_000_000)),
            lastReview: rng.next() % 4 == 0 ? nil : time)
        return CardProgress(
            schedule: schedule, reps: Int(rng.next() % 50), lapses: Int(rng.next() % 9), suspended: rng.next() % 5 == 0,
            buriedUntil: rng.next() % 6 == 0 ? Day(ordinal: 20_500 + Int(rng.next() % 100)) : nil,
            isLeech: rng.next() % 7 == 0)
    }
}

/// The deck fast path against `JSONDecoder`: the same deck, or a fallback to it.
struct DeckFastReadTests {
    @Test func generatedDecksReadAsJSONDecoderReadsThem() throws {
        var rng = SeededGenerator(seed: 17)
        for _ in 0..<200 {
            let cards = (0..<Int(rng.next() % 6)).map { _ in
                Card(
                    kind: rng.next() % 2 == 0 ? .faq : .keypoint, front: JSONGen.string(&rng),
                    back: JSONGen.string(&rng),
                    context: rng.next() % 2 == 0 ? nil : JSONGen.string(&rng),
                    section: (0..<Int(rng.next() % 3)).map { _ in JSONGen.string(&rng) },
                    tags: rng.next() % 3 == 0 ? ["t"] : [], aliases: rng.next() % 4 == 0 ? ["a", "b"] : [])
            }
            let deck = Deck(
                title: JSONGen.string(&rng), source: rng.next() % 2 == 0 ? nil : DeckSource(path: "a.md", sha256: "00"),
                cards: cards)
            let bytes = Array(DeckStore.encode(deck))
            let fast = try #require(DeckStore.decodeFast(bytes))
            #expect(fast == deck)
            #expect(fast == (try JSONDecoder().decode(Deck.self, from: Data(bytes))))
        }
    }

    @Test func unknownShapesFallBackToFoundation() throws {
        let extraKey = #"{"format":1,"title":"T","cards":[],"later":true}"#
        #expect(DeckStore.decodeFast(Array(extraKey.utf8)) == nil)
        let newer = #"{"format":2,"title":"T","cards":[]}"#
        #expect(DeckStore.decodeFast(Array(newer.utf8)) == nil)
        #expect(throws: StorageError.self) { try DeckStore.decode(Data(newer.utf8), path: "x.json") }
    }
}
