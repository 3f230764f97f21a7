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
        // one buffer (no intermediate `String` or `Data`) when the question takes the ASCII path.
        var key = Array(kind.rawValue.utf8)
        key.append(0x1F)
        if !TextNormalizer.appendASCIIMatchKey(question, to: &key) {
            key.append(contentsOf: TextNormalizer.matchKey(question).utf8)
        }
        return CardID(ContentDigest.hex(SHA256.hash(data: key).prefix(6)))
    }

    /// `derived(kind:question:)` as it was first written, on `String` and `Data`: the reference
    /// the byte-buffer version is tested against.
    static func derivedReference(kind: CardKind, question: String) -> CardID {
        let key = kind.rawValue + "\u{1F}" + TextNormalizer.matchKey(question)
        let digest = SHA256.hash(data: Data(key.utf8))
        return CardID(ContentDigest.hex(digest.prefix(6)))
    }
}
