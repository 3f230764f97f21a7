import DeckBuilding
import Flashcards
import Foundation
import TestSupport

enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: Paths.fixture("DeckBuildingTests", name)))
    }

    static func build(_ name: String, format: ArticleFormat? = nil) throws -> BuildResult {
        try DeckBuilder().build([ArticleSource(name: name, bytes: bytes(name), format: format)])
    }

    static func build(text: String, name: String = "article.txt", format: ArticleFormat? = nil) throws -> BuildResult {
        try DeckBuilder().build([ArticleSource(name: name, bytes: Array(text.utf8), format: format)])
    }
}

extension BuildResult {
    func cards(_ kind: CardKind) -> [Card] { deck.cards.filter { $0.kind == kind } }
    func card(front: String) -> Card? { deck.cards.first { $0.front == front } }
    func keyPoint(_ heading: String) -> Card? {
        deck.cards.first { $0.kind == .keypoint && $0.section.last == heading }
    }
    func notes(_ kind: BuildNote.Kind) -> [BuildNote] { notes.filter { $0.kind == kind } }
    func noted(_ kind: BuildNote.Kind, containing text: String) -> Bool {
        notes.contains { $0.kind == kind && $0.message.contains(text) }
    }
}
