import DeckBuilding
import Flashcards
import Foundation
import Testing

struct BadInputTests {
    private func error(_ bytes: [UInt8], name: String = "in.txt", limit: Int = ArticleDecoder.defaultSizeLimit)
        -> ArticleError?
    {
        do {
            _ = try DeckBuilder(sizeLimit: limit).cards(from: ArticleSource(name: name, bytes: bytes))
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyAndBlankFilesAreRefused() {
        #expect(error([]) == .empty(path: "in.txt"))
        #expect(error(Array(" \n\r\n\t".utf8)) == .empty(path: "in.txt"))
        #expect(error([0xEF, 0xBB, 0xBF]) == .empty(path: "in.txt"))
        #expect(ArticleError.empty(path: "in.txt").description == "in.txt: the file is empty")
    }

    @Test func binaryFilesAreRefusedWhateverTheirExtension() {
        #expect(
            error(Array("Title\n\nText".utf8) + [0, 1, 2], name: "photo.html")
                == .binary(path: "photo.html", offset: 11))
        #expect(error([0xFF, 0xFE, 0x41, 0x00]) == .utf16(path: "in.txt"))
    }

    @Test func invalidUTF8NamesTheByteOffset() {
        let bytes = Array("Café au lait".utf8) + [0xC3, 0x28] + Array(" more".utf8)
        #expect(error(bytes) == .invalidUTF8(path: "in.txt", offset: 13))
        #expect(
            ArticleError.invalidUTF8(path: "in.txt", offset: 13).description
                == "in.txt: invalid UTF-8 at byte offset 13")
        // Overlong encodings and surrogates are not UTF-8 either.
        #expect(error([0x41, 0xC0, 0xAF]) == .invalidUTF8(path: "in.txt", offset: 1))
        #expect(error([0x41, 0x42, 0xED, 0xA0, 0x80]) == .invalidUTF8(path: "in.txt", offset: 2))
        #expect(error([0x41, 0xE2, 0x82]) == .invalidUTF8(path: "in.txt", offset: 1))
    }

    @Test func oversizedArticlesAreRefused() {
        let text = Array(String(repeating: "word ", count: 300).utf8)
        #expect(error(text, limit: 1000) == .tooLarge(path: "in.txt", limit: 1000))
        #expect(
            ArticleError.tooLarge(path: "big.txt", limit: ArticleDecoder.defaultSizeLimit).description
                == "big.txt: larger than the 10 MiB limit for one article")
    }

    @Test func anArticleWithNothingToExtractIsAnError() {
        #expect(
            error(Array("Just one paragraph of prose, and nothing else at all.".utf8))
                == .nothingToExtract(path: "in.txt"))
        #expect(error(Array("Leave a Comment\n\nShare this:\n".utf8)) == .nothingToExtract(path: "in.txt"))
        #expect(
            error(Array("<html><body><nav>Home</nav></body></html>".utf8), name: "x.html")
                == .nothingToExtract(path: "x.html"))
    }

    @Test func byteOrderMarkAndCRLFReadLikePlainLF() throws {
        let lf = try Fixture.bytes("cafe-es.txt")
        let crlf =
            [0xEF, 0xBB, 0xBF]
            + Array(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let a = try DeckBuilder().build([ArticleSource(name: "a.txt", bytes: lf)])
        let b = try DeckBuilder().build([ArticleSource(name: "a.txt", bytes: crlf)])
        #expect(a.deck.cards == b.deck.cards)
        #expect(a.deck.title == b.deck.title)
    }

    @Test func terminalControlSequencesAreRemovedBeforeStoring() throws {
        let text = """
            Escapes\u{1B}]0;owned\u{07}

            Colours

            Red \u{1B}[31mtext\u{1B}[0m and a C1 \u{9B}2Jclear and a bell\u{07}.

            Is this safe?

            Yes\u{1B}[2K, \u{85}now.
            """
        let r = try Fixture.build(text: text)
        #expect(r.deck.title == "Escapes")
        for card in r.deck.cards {
            for field in [card.front, card.back, card.context ?? ""] + card.section {
                #expect(
                    !field.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) }
                )
            }
        }
        #expect(r.keyPoint("Colours")?.back == "Red text and a C1 clear and a bell.")
        #expect(r.card(front: "Is this safe?")?.back == "Yes, now.")
        #expect(r.noted(.warning, containing: "terminal control sequences removed"))
    }

    @Test func controlCharactersSpelledAsHTMLEntitiesAreRemovedToo() throws {
        let r = try Fixture.build(
            text: "<h1>T</h1><h2>Part</h2><p>Safe &#x1b;[31mtext&#155;2J here.</p>", name: "x.html")
        #expect(r.keyPoint("Part")?.back == "Safe [31mtext here.")
    }
}
