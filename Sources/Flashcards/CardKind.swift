/// What a card was made from.
public struct CardKind: RawRepresentable, Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A question and its answer, written as such in the article.
    public static let faq = CardKind(rawValue: "faq")
    /// A section heading and what the section says.
    public static let keypoint = CardKind(rawValue: "keypoint")
    /// A `**Term**: explanation` list item.
    public static let term = CardKind(rawValue: "term")
    /// A card made by hand or imported from another tool.
    public static let basic = CardKind(rawValue: "basic")

    public var description: String { rawValue }
}
