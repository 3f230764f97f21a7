import Flashcards
import Testing

@testable import Interchange

/// The in-place UTF-8 check against the standard library's validation.
struct InputTextTests {
    /// Bytes near every boundary of table 3-7: leads, overlong and surrogate edges, the last
    /// scalar, stray continuation bytes, plus ASCII runs long enough for the word-at-a-time skip.
    static let pieces: [[UInt8]] = [
        [0x41], Array("plain ascii text".utf8), [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x80],
        [0xDF, 0xBF], [0xE0, 0x9F, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xED, 0xA0, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x8F, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
        [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xE2, 0x82], [0xF0, 0x9F, 0x99],
        Array("é日本語🙂".utf8),
    ]

    @Test func validatesAsTheStandardLibraryDoes() {
        var random = SeededGenerator(seed: 8)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...6, using: &random)).flatMap { _ in
                Self.pieces.randomElement(using: &random) ?? []
            }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect(bytes.withUnsafeBufferPointer(InputText.isUTF8) == expected, "\(bytes)")
        }
    }

    @Test func halvesValidateAsTheWholeDoes() {
        var random = SeededGenerator(seed: 9)
        for _ in 0..<20_000 {
            let bytes = (0..<Int.random(in: 0...12, using: &random)).flatMap { _ in
                Self.pieces.randomElement(using: &random) ?? []
            }
            bytes.withUnsafeBufferPointer { buffer in
                #expect(InputText.isUTF8InHalves(buffer, splitAbove: 0) == InputText.isUTF8(buffer), "\(bytes)")
            }
        }
    }
}
