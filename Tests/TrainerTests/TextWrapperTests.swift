import Testing

@testable import Trainer

struct TextWrapperTests {
    @Test func wrapsAtWordsWithinWidth() {
        let text = "the quick brown fox jumps over the lazy dog"
        let wrapped = TextWrapper.wrap(text, width: 16)
        #expect(wrapped == "the quick brown\nfox jumps over\nthe lazy dog")
        #expect(wrapped.split(separator: "\n").allSatisfy { $0.count <= 16 })
    }

    @Test func keepsLineBreaksAndIndents() {
        #expect(TextWrapper.wrap("one two\nthree", width: 40, indent: "  ") == "  one two\n  three")
    }

    @Test func splitsWordsLongerThanTheLine() {
        #expect(TextWrapper.wrap("abcdefghijklmnop", width: 10) == "abcdefghij\nklmnop")
    }

    @Test func linesThatFitKeepTheirSpacing() {
        #expect(TextWrapper.wrap("  help [COMMAND]    List", width: 40) == "  help [COMMAND]    List")
    }

    @Test func colourCodesTakeNoRoom() {
        let red = "\u{1B}[31mred\u{1B}[0m"
        let text = Array(repeating: red, count: 4).joined(separator: " ")
        #expect(TextWrapper.wrap(text, width: 15) == text)
        #expect(TextWrapper.wrap(text, width: 10) == "\(red) \(red)\n\(red) \(red)")
    }

    @Test func noWidthMeansNoWrapping() {
        let long = String(repeating: "word ", count: 50)
        #expect(TextWrapper.wrap(long, width: nil) == long)
    }
}
