import Testing

@testable import Trainer

struct CommandLineSplitterTests {
    @Test(arguments: [
        ("build a.md b.md", ["build", "a.md", "b.md"]),
        ("  study   biology  ", ["study", "biology"]),
        ("build \"my article.md\"", ["build", "my article.md"]),
        ("build 'it''s.md'", ["build", "its.md"]),
        ("build my\\ article.md", ["build", "my article.md"]),
        ("build \"say \\\"hi\\\"\"", ["build", "say \"hi\""]),
        ("export x ''", ["export", "x", ""]),
        ("", []),
    ])
    func splitsLikeAShell(line: String, words: [String]) throws {
        #expect(try CommandLineSplitter.split(line) == words)
    }

    @Test func unclosedQuoteIsAnError() {
        #expect(throws: CommandLineSplitter.SplitError.unclosedQuote("\"")) {
            try CommandLineSplitter.split("build \"open.md")
        }
    }
}
