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

    @Test func noWidthMeansNoWrapping() {
        let long = String(repeating: "word ", count: 50)
        #expect(TextWrapper.wrap(long, width: nil) == long)
    }
}
