import Crypto
import Foundation

/// Content digests recorded in decks (the `source.sha256` of an article).
public enum ContentDigest {
    /// Lower-case hex SHA-256 of `bytes`.
    public static func sha256Hex(_ bytes: [UInt8]) -> String { hex(SHA256.hash(data: bytes)) }

    /// Lower-case hex of bytes (`String(format: "%02x")` per byte costs a Foundation call each).
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        // A SHA-256 digest's worth; the digits are made once, not for every card id.
        out.reserveCapacity(64)
        hexDigits.withUnsafeBufferPointer { digits in
            for byte in bytes {
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
