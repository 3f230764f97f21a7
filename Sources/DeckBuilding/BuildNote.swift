/// Something the builder left out or folded together, with its reason: nothing is dropped
/// silently.
public struct BuildNote: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A block that made no card: noise, code, a keyword line, a heading without text.
        case skipped
        /// A section folded into an earlier one that says the same.
        case merged
        /// A heading that only introduces sub-headings (not a card; not counted as skipped).
        case parent
        /// Something changed in the text, such as control sequences removed.
        case warning
    }

    public var kind: Kind
    /// The article's path as the user gave it.
    public var file: String
    /// The source line, when the format gives one.
    public var line: Int?
    public var message: String

    public init(_ kind: Kind, file: String = "", line: Int? = nil, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = message
    }

    /// `path:line: kind: message`, the way compilers report.
    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(kind.rawValue): \(message)"
    }
}
