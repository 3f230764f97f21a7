import Foundation
import HTMLTree
import TestSupport
import Testing

@testable import DeckBuilding

/// `HTMLReader` reads libxml2's tree in place; `ReferenceHTMLReader` is the reader it replaced,
/// over the page converted to `HTMLElement` values. Both must find the same title, blocks and
/// notes (lines included) on every page.
struct HTMLFastPathTests {
    @discardableResult
    static func expectSameReading(_ html: String, fallbackTitle: String? = nil) -> HTMLReader {
        let document = HTMLDocument(html)
        let fast = HTMLReader.read(document, fallbackTitle: fallbackTitle)
        let reference = ReferenceHTMLReader.read(document, fallbackTitle: fallbackTitle)
        #expect(fast.title == reference.title, "\(html.debugDescription)")
        #expect(fast.blocks == reference.blocks, "\(html.debugDescription)")
        #expect(fast.notes == reference.notes, "\(html.debugDescription)")
        return fast
    }

    @Test func randomPagesReadAsBefore() {
        var pages = RandomHTML(seed: 11)
        var kinds = Set<String>()
        for i in 0..<1500 {
            let reader = Self.expectSameReading(pages.page(), fallbackTitle: i.isMultiple(of: 3) ? "Fallback" : nil)
            for block in reader.blocks { kinds.insert("\(block.kind)".prefix { $0 != "(" }.description) }
        }
        // The pages exercise every kind of block the reader makes.
        #expect(kinds == ["title", "heading", "paragraph", "boldLine", "listItem", "term", "faq", "sectionBreak"])
    }

    @Test func largeRandomPagesReadAsBefore() {
        var pages = RandomHTML(seed: 12)
        for _ in 0..<60 { Self.expectSameReading(pages.page(size: 1500)) }
    }

    @Test func fixturePageReadsAsBefore() throws {
        let html = String(decoding: try Fixture.bytes("sourdough.html"), as: UTF8.self)
        Self.expectSameReading(html)
        #expect(!HTMLReader.read(HTMLDocument(html)).blocks.isEmpty)
    }

    @Test(arguments: [
        "", " ", "<p>", "</p>", "<html>", "<!-- only a comment -->", "text only", "<body><p>a</p></body><p>b",
        "<p>a</p><html><p>b</p></html>", "<li><b>Term</b>: x<ul><li>n</li></ul> tail</li>",
        "<p> <b>Bold only?</b> <!-- c --> </p>", "<p>\u{A0}<strong>x</strong>\u{3000}</p>",
        "<p> \u{301}<b>x</b></p>", "<details><p>no summary</p></details>",
        "<details><summary>Q?</summary>a<summary>again</summary><li><b>T</b>: e</li></details>",
        "<main><h1>A</h1></main><article><h1>B</h1></article>", "<article>1</article><article>2</article>",
        "<h1>T</h1><h1>T</h1><h1>U</h1>", "<head><title> Page\n title </title></head><p>x",
        "<script type=\"application/ld+json\">{\"@type\":\"FAQPage\",\"mainEntity\":{\"name\":\"N?\","
            + "\"acceptedAnswer\":{\"text\":\"<p>a</p><p>b</p>\"}}}</script><p>x</p>",
        "<p>a<![CDATA[b]]>c&amp;d&#x41;</p>", "<P CLASS=\"Share\">x</P><DIV Hidden>y</DIV>",
    ])
    func edgeCasePagesReadAsBefore(html: String) {
        Self.expectSameReading(html)
        Self.expectSameReading(html, fallbackTitle: "Fallback")
    }

    /// `HTMLTag(of:)` finds most names by their packed bytes; `HTMLTag(name:)` asks the tables.
    @Test func tagsFoundByTheirBytesMatchTagsFoundByName() {
        let names =
            Array(HTMLReader.furniture.keys) + Array(HTMLReader.blockElements)
            + ["br", "img", "script", "style", "a", "span", "x1", "abcdefgh", "abcdefghi", "blockquotes", "BR", "Div"]
        var pages = names.map { "<body><\($0)>x</\($0)></body>" }
        var random = RandomHTML(seed: 13)
        pages += (0..<200).map { _ in random.page() }
        var checked = 0
        for page in pages {
            HTMLDocument(page).withRoot { root in
                var stack = [root]
                while let element = stack.popLast() {
                    let fast = HTMLTag(of: element)
                    let slow = HTMLTag(name: element.name)
                    #expect(fast.name == slow.name && fast.furniture == slow.furniture, "\(slow.name)")
                    #expect(fast.isBlock == slow.isBlock && fast.isBreak == slow.isBreak, "\(slow.name)")
                    #expect(fast.hidesText == slow.hidesText, "\(slow.name)")
                    checked += 1
                    for case .element(let child) in element.children { stack.append(child) }
                }
            }
        }
        #expect(checked > 2000)
    }
}
