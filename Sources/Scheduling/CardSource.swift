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
    /// A key equal exactly for cards of the same section; nil for a card without a section.
    public var section: (Int) -> AnyHashable?
    /// The positions of the cards with these ids.
    public var positions: (Set<CardID>) -> [Int]

    public init(
        count: Int, id: @escaping (Int) -> CardID, progress: @escaping (Int) -> CardProgress?,
        isKeypoint: @escaping (Int) -> Bool, section: @escaping (Int) -> AnyHashable?,
        positions: @escaping (Set<CardID>) -> [Int]
    ) {
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
            section: { cards[$0].section.isEmpty ? nil : AnyHashable(cards[$0].section) },
            positions: { ids in cards.indices.filter { ids.contains(cards[$0].id) } })
    }
}
