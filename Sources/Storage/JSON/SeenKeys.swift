/// The members an object has had so far, so a reader can refuse a key given twice.
struct SeenKeys {
    private var bits: UInt32 = 0

    init() {}

    /// Members already read, e.g. by a reader that takes them in a fixed order.
    init(marked bits: UInt32) { self.bits = bits }

    /// Marks member `bit` as seen; throws if it already was.
    mutating func mark(_ bit: UInt32, at scanner: JSONScanner) throws(JSONSyntaxError) {
        guard bits & bit == 0 else { throw scanner.error("repeated key") }
        bits |= bit
    }

    func contains(any mask: UInt32) -> Bool { bits & mask != 0 }
}
