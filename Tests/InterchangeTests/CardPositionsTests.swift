import Flashcards
import TestSupport
import Testing

@testable import Interchange

/// `CardPositions` against the `Dictionary` it replaced in the merge: the first position of an
/// id stays, and ids are told apart as `==` tells them (canonically equal text is one id).
struct CardPositionsTests {
    @Test func findsAndEntersAsADictionaryDoes() {
        var tricky = TrickyText(seed: 9)
        for round in 0..<40 {
            let count = tricky.int(0...600)
            // Few distinct texts, so ids repeat, also in other normal forms ("é", "e\u{301}").
            let ids = (0..<count).map { _ in CardID(tricky.text(maxPieces: round % 2 == 0 ? 1 : 3)) }
            var table = CardPositions(capacity: count)
            var reference: [CardID: Int] = [:]
            for (position, id) in ids.enumerated() {
                #expect(table.position(of: id, hash: id.hashValue) == reference[id])
                let earlier = table.enter(id, hash: id.hashValue, at: position)
                #expect(earlier == reference[id])
                if reference[id] == nil { reference[id] = position }
            }
            for id in ids + [CardID("absent"), CardID("")] {
                #expect(table.position(of: id, hash: id.hashValue) == reference[id])
            }
        }
    }
}
