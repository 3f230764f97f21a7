import Crypto
import Foundation

/// A card's stable identity: derived from its normalized question side, so rebuilding an
/// unchanged article gives the same ids and editing an answer keeps the id.
public struct CardID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    public static func < (lhs: CardID, rhs: CardID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The id for a question side: the first 12 hex digits of the SHA-256 of its normalized form.
    ///
    /// Normalization folds case, accents, punctuation and runs of white space, so cosmetic edits
    /// to a question (a typo in capitalisation, a doubled space) keep the card's progress.
    public static func derived(kind: CardKind, question: String) -> CardID {
        // The bytes of `kind.rawValue + "\u{1F}" + TextNormalizer.matchKey(question)`, built in
        // one buffer on the stack (no `String`, `Array` or `Data`) when the question takes the
        // ASCII path; the id's twelve digits make a small `String`, stored inline.
        var kindName = kind.rawValue
        var text = question
        let id = kindName.withUTF8 { name in
            text.withUTF8 { text in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: name.count + 1 + text.count) { key in
                    _ = key.initialize(fromContentsOf: name)
                    key[name.count] = 0x1F
                    let rest = UnsafeMutableBufferPointer(rebasing: key[(name.count + 1)...])
                    return TextNormalizer.writeASCIIMatchKey(of: text, to: rest).map {
                        hexPrefix(
                            UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: key[..<(name.count + 1 + $0)])))
                    }
                }
            }
        }
        return CardID(id ?? hexPrefix(Array((kind.rawValue + "\u{1F}" + TextNormalizer.matchKey(question)).utf8)))
    }

    /// The first 12 hex digits of the SHA-256 of `key`.
    private static func hexPrefix(_ key: [UInt8]) -> String { key.withUnsafeBytes { hexPrefix($0) } }

    private static func hexPrefix(_ key: UnsafeRawBufferPointer) -> String {
        var hasher = SHA256()
        hasher.update(bufferPointer: key)
        return hasher.finalize().withUnsafeBytes { digest in
            String(unsafeUninitializedCapacity: 12) { out in
                for k in 0..<6 {
                    out[2 * k] = hexDigit(digest[k] >> 4)
                    out[2 * k + 1] = hexDigit(digest[k] & 0x0F)
                }
                return 12
            }
        }
    }

    /// A lower-case hex digit.
    @inline(__always)
    private static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }
}
