import Flashcards

/// A deck as the study queue reads it: each card by its position in deck order, with only
/// what the queue needs (id, progress, and the sibling rule's kind and section), so the queue
/// can run over `Card` values or over a compact index that never builds them.
public struct CardSource {
    public var count: Int
    public var id: (Int) -> CardID
    /// Nil for a card never answered.
    public var progress: (Int) -> CardProgress?
    public var isKeypoint: (Int) -> Bool
    /// A key equal for cards of the same section (it may collide: `sameSection` decides);
    /// nil for a card without a section.
    public var section: (Int) -> Int?
    /// Whether the cards at two positions have the same section.
    public var sameSection: (Int, Int) -> Bool
    /// The positions of the cards with these ids.
    public var positions: (Set<CardID>) -> [Int]

    public init(
        count: Int, id: @escaping (Int) -> CardID, progress: @escaping (Int) -> CardProgress?,
        isKeypoint: @escaping (Int) -> Bool, section: @escaping (Int) -> Int?,
        sameSection: @escaping (Int, Int) -> Bool, positions: @escaping (Set<CardID>) -> [Int]
    ) {
        self.sameSection = sameSection
        self.count = count
        self.id = id
        self.progress = progress
        self.isKeypoint = isKeypoint
        self.section = section
        self.positions = positions
    }

    /// A deck's `Card` values and their progress by id.
    public init(_ cards: [Card], progress: [CardID: CardProgress]) {
        self.init(
            count: cards.count, id: { cards[$0].id }, progress: { progress[cards[$0].id] },
            isKeypoint: { cards[$0].kind == .keypoint },
            section: { cards[$0].section.isEmpty ? nil : cards[$0].section.hashValue },
            sameSection: { cards[$0].section == cards[$1].section },
            positions: { ids in cards.indices.filter { ids.contains(cards[$0].id) } })
    }
}
