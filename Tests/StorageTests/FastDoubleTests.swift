import Flashcards
import Foundation
import Testing

@testable import Storage

/// The Eisel–Lemire float reader against `strtod` (and Swift's `Double(String)`), bit for bit,
/// on random doubles, random digit strings, and the hard cases: 17 and 19+ digits, subnormals,
/// huge exponents, zeros of both signs, exact halfway points between two doubles.
struct FastDoubleTests {
    /// What the scanner falls back to, and what the fast reader must agree with.
    static func strtodValue(_ text: String) -> Double {
        text.withCString { strtod($0, nil) }
    }

    /// Checks one JSON number: the fast path, when it decides, equals `strtod`; the scanner's
    /// `double()` equals `strtod` (or refuses an infinite result). Returns whether it decided.
    @discardableResult
    static func check(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let expected = strtodValue(text)
        let bytes = Array(text.utf8)
        let read = bytes.withUnsafeBufferPointer { FastDouble.read($0.baseAddress!, from: 0, end: $0.count) }
        if let read {
            #expect(read.next == bytes.count, "\(text)", sourceLocation: sourceLocation)
        }
        let fast = read?.value
        if let fast {
            #expect(
                fast.bitPattern == expected.bitPattern, "\(text): \(fast) != \(expected)",
                sourceLocation: sourceLocation)
        }
        if let swift = Double(text) {
            #expect(swift.bitPattern == expected.bitPattern, "\(text)", sourceLocation: sourceLocation)
        }
        let scanned = try? JSONValue.parse(bytes)
        if expected.isFinite {
            #expect(scanned == .number(expected), "\(text)", sourceLocation: sourceLocation)
            if case .number(let d)? = scanned {
                #expect(d.bitPattern == expected.bitPattern, "\(text)", sourceLocation: sourceLocation)
            }
        } else {
            #expect(scanned == nil, "\(text)", sourceLocation: sourceLocation)
        }
        return fast != nil
    }

    @Test(arguments: [
        "0", "-0", "0.0", "-0.0", "0e0", "-0E+5", "0.000e-400", "1", "-1", "1.5", "0.1", "0.2", "0.3",
        "1e22", "1e23", "1e-22", "1e-23", "9007199254740992", "9007199254740993", "9007199254740994",
        "9007199254740995", "18014398509481985", "123456789012345678", "1234567890123456789",
        "12345678901234567890", "123456789012345678901234567890", "0.1234567890123456789012",
        "4.9406564584124654e-324", "5e-324", "2e-324", "3e-324", "1e-400", "2.4703282292062327e-324",
        "2.4703282292062328e-324", "2.2250738585072009e-308", "2.2250738585072011e-308",
        "2.2250738585072014e-308", "1.7976931348623157e308", "1.7976931348623158e308",
        "1.7976931348623159e308", "1e308", "1e309", "-1e309", "1e99999999999999999999", "1e-99999999999999999999",
        "8.98846567431158e307", "0.30000000000000004", "3.1415926535897931", "2.7182818284590451",
        "1.0000000000000002", "0.99999999999999989", "4503599627370496.5", "4503599627370497.5",
        "7.2057594037927933e16", "1e-5", "1E-05", "123e-2", "100000000000000000000000", "1.00000000000000000000001",
    ])
    func edgeCasesReadAsStrtodReadsThem(text: String) {
        Self.check(text)
    }

    @Test func randomDoublesReadBackExactly() {
        var rng = SeededGenerator(seed: 2026)
        var decided = 0
        let count = 400_000
        for i in 0..<count {
            var d = Double(bitPattern: rng.next())
            if !d.isFinite { d = Double(rng.next() >> 11) }
            // Shortest round trip (Swift's description) and C's 17 significant digits.
            let text = i % 2 == 0 ? "\(d)" : String(format: "%.17g", d)
            if Self.check(text) { decided += 1 }
        }
        #expect(decided > count * 9 / 10)
    }

    @Test func randomDecimalStringsReadAsStrtodReadsThem() {
        var rng = SeededGenerator(seed: 77)
        for _ in 0..<400_000 {
            var text = rng.next() % 2 == 0 ? "-" : ""
            let digits = 1 + Int(rng.next() % 24)
            let point = Int(rng.next() % UInt64(digits + 1))
            for position in 0..<digits {
                if position == point && position > 0 { text += "." }
                // No leading zero before other integer digits (JSON's grammar).
                let leading = position == 0 && point != 1 && digits > 1
                text += String(leading ? 1 + rng.next() % 9 : rng.next() % 10)
            }
            if rng.next() % 3 != 0 {
                text += ["e", "E", "e+", "e-", "E-"][Int(rng.next() % 5)]
                text += String(rng.next() % 360)
            }
            Self.check(text)
        }
    }

    /// Odd integers in [2^53, 2^54), and such midpoints scaled by powers of two, lie exactly
    /// halfway between two doubles: round to even. Also their neighbours one digit off.
    @Test func halfwayCasesRoundToEven() {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<100_000 {
            let odd = (UInt64(1) << 53 | rng.next() >> 11) | 1
            let scaled = odd << (rng.next() % 10)
            Self.check(String(scaled))
            Self.check(String(scaled + 1))
            Self.check(String(scaled - 1))
            Self.check(String(scaled) + ".0000000000001")
        }
    }

    @Test func subnormalsAndExtremesReadAsStrtodReadsThem() {
        var rng = SeededGenerator(seed: 8)
        for _ in 0..<100_000 {
            let subnormal = Double(bitPattern: rng.next() % (1 << 52))
            Self.check(String(format: "%.17g", subnormal))
            Self.check("\(subnormal)")
            let large = Double(bitPattern: 0x7FE0_0000_0000_0000 | rng.next() % (1 << 52))
            Self.check("\(large)")
            Self.check(String(format: "%.17g", large))
        }
    }

    /// Not numbers, or numbers followed by more: the scanner rejects them as before (the fast
    /// reader declines, or stops where the number's grammar stops).
    @Test(arguments: [
        "-", "--1", "-01", "00", "01.5", "1.", "1.e5", ".5", "1e", "1e+", "1E-", "+1", "1.5.5", "1e5e5", "0x10",
        "1_000", "٣", "1,5", "-.5", "- 1", "1 .5", "1e 5", "0.0.", "Infinity", "-Infinity", "NaN",
    ])
    func malformedNumbersAreRejected(text: String) {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array(text.utf8)) }
        let bytes = Array(text.utf8)
        if let read = bytes.withUnsafeBufferPointer({ FastDouble.read($0.baseAddress!, from: 0, end: $0.count) }) {
            #expect(read.next < bytes.count, "\(text)")
        }
    }

    /// Integers by the one-pass reader and by the checking path agree, and the same are refused.
    @Test func integersReadAsTheCheckingPathReadsThem() throws {
        var rng = SeededGenerator(seed: 12)
        var texts = [
            "0", "-0", "9223372036854775807", "-9223372036854775808", "9223372036854775808", "123456789012345678",
            "1234567890123456789", "-1234567890123456789", "00", "-01", "1.0", "1e2", "1E2", "12a", "-", "--1", "+1",
        ]
        for _ in 0..<20_000 {
            let digits = 1 + Int(rng.next() % 20)
            var text = rng.next() % 2 == 0 ? "-" : ""
            for _ in 0..<digits { text += String(rng.next() % 10) }
            texts.append(text)
        }
        for text in texts {
            let bytes = Array(text.utf8)
            let expected = Self.jsonInteger(text)
            let read: Int? = bytes.withUnsafeBufferPointer { b in
                var scanner = JSONScanner(b)
                guard let v = try? scanner.int(), (try? scanner.expectEnd()) != nil else { return nil }
                return v
            }
            #expect(read == expected, "\(text)")
        }
    }

    /// The integer a JSON text denotes when it is one that fits in Int: no '+', no leading zero.
    static func jsonInteger(_ text: String) -> Int? {
        guard let v = Int(text), !text.hasPrefix("+") else { return nil }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        return digits.count > 1 && digits.hasPrefix("0") ? nil : v
    }
}
