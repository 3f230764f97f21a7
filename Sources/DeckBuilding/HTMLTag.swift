import HTMLTree

/// What the HTML reader needs to know about an element's tag name, worked out once per element.
/// A name of up to eight lower-case ASCII bytes, nearly every name, is found by its bytes packed
/// into an integer, without making and hashing a `String` for each question.
struct HTMLTag {
    let name: String
    /// Why an element with this name is always page furniture, or nil.
    let furniture: String?
    let isBlock: Bool
    /// `<br>`: a space in running text.
    let isBreak: Bool
    /// `<script>` or `<style>`: no text of its own.
    let hidesText: Bool

    init(name: String) {
        self.name = name
        furniture = HTMLReader.furniture[name]
        isBlock = HTMLReader.blockElements.contains(name)
        isBreak = name == "br"
        hidesText = name == "script" || name == "style"
    }

    /// A name none of the reader's rules mention.
    private init(plain name: String) {
        self.name = name
        furniture = nil
        isBlock = false
        isBreak = false
        hidesText = false
    }

    init(of element: HTMLNodeRef) {
        self = element.withName { bytes in
            guard let key = HTMLTag.pack(bytes) else { return HTMLTag(name: element.name) }
            return HTMLTag.known[key] ?? HTMLTag(plain: String(decoding: bytes, as: UTF8.self))
        }
    }

    /// Every name a rule mentions, by its packed bytes.
    private static let known: [UInt64: HTMLTag] = {
        let names = Set(HTMLReader.furniture.keys).union(HTMLReader.blockElements).union(["br", "script", "style"])
        var known: [UInt64: HTMLTag] = [:]
        for name in names {
            if let key = Array(name.utf8).withUnsafeBufferPointer(pack) { known[key] = HTMLTag(name: name) }
        }
        return known
    }()

    /// Up to eight bytes of lower-case ASCII (no NUL) in one integer, distinct for distinct names;
    /// nil for any other name.
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (i, c) in bytes.enumerated() {
            guard c != 0, c < 0x80, !(0x41...0x5A).contains(c) else { return nil }
            key |= UInt64(c) << (8 * UInt64(i))
        }
        return key
    }
}
