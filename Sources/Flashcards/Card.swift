/// One flashcard: a question side, an answer side, and where it came from.
public struct Card: Hashable, Codable, Sendable, Identifiable {
    public var id: CardID
    public var kind: CardKind
    public var front: String
    public var back: String
    /// The full paragraph the answer was taken from, shown after the answer.
    public var context: String?
    /// Heading path, parent first; for key points the card's own heading last.
    public var section: [String]
    public var tags: [String]
    /// Headings of near-duplicate sections merged into this card.
    public var aliases: [String]

    public init(
        id: CardID, kind: CardKind, front: String, back: String, context: String? = nil,
        section: [String] = [], tags: [String] = [], aliases: [String] = []
    ) {
        self.id = id
        self.kind = kind
        self.front = front
        self.back = back
        self.context = context
        self.section = section
        self.tags = tags
        self.aliases = aliases
    }

    /// A card whose id is derived from its kind and front.
    public init(
        kind: CardKind, front: String, back: String, context: String? = nil,
        section: [String] = [], tags: [String] = [], aliases: [String] = []
    ) {
        self.init(
            id: .derived(kind: kind, question: front), kind: kind, front: front, back: back,
            context: context, section: section, tags: tags, aliases: aliases)
    }

    private enum CodingKeys: String, CodingKey {
        case id, kind, front, back, context, section, tags, aliases
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(CardID.self, forKey: .id)
        kind = try c.decode(CardKind.self, forKey: .kind)
        front = try c.decode(String.self, forKey: .front)
        back = try c.decode(String.self, forKey: .back)
        context = try c.decodeIfPresent(String.self, forKey: .context)
        section = try c.decodeIfPresent([String].self, forKey: .section) ?? []
        tags = try c.decodeIfPresent([String].self, forKey: .tags) ?? []
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(front, forKey: .front)
        try c.encode(back, forKey: .back)
        try c.encodeIfPresent(context, forKey: .context)
        try c.encode(section, forKey: .section)
        try c.encode(tags, forKey: .tags)
        if !aliases.isEmpty { try c.encode(aliases, forKey: .aliases) }
    }
}
