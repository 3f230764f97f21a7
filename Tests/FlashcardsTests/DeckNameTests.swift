import Flashcards
import Testing

struct DeckNameTests {
    @Test(arguments: ["../x", "/etc/x", "a/b", ".hidden", "..", "a\\b"])
    func pathsAreRefused(name: String) {
        #expect(throws: DeckNameError.self) { try DeckName(name) }
    }

    @Test func namesAreSlugged() throws {
        #expect(try DeckName("Korea Summit").slug == "korea-summit")
        #expect(try DeckName("korea-summit.json").slug == "korea-summit")
        #expect(
            DeckName(slugging: "Exploring the Diplomatic Dance: Kim’s Visit")?.slug
                == "exploring-the-diplomatic-dance-kim-s-visit")
    }

    @Test func emptyNamesAreRefused() {
        #expect(throws: DeckNameError.empty("!!!")) { try DeckName("!!!") }
    }
}
