import TestSupport
import Testing

@testable import Flashcards

struct TerminalSanitizerTests {
    @Test(arguments: [
        ("plain text stays", "plain text stays"),
        ("red \u{1B}[31mtext\u{1B}[0m", "red text"),
        ("title \u{1B}]0;pwned\u{07}set", "title set"),
        ("osc with st \u{1B}]8;;http://x\u{1B}\\link", "osc with st link"),
        ("c1 csi \u{9B}2Jclear", "c1 csi clear"),
        ("bell\u{07} and nul\u{00}", "bell and nul"),
        ("keeps\nnewlines\tand tabs", "keeps\nnewlines\tand tabs"),
        ("crlf\r\nline", "crlf\nline"),
        ("lone cr\roverwrite", "lone cr\noverwrite"),
        ("del\u{7F}x", "delx"),
        ("dcs \u{1B}Pq#0;2;0;0;0\u{1B}\\after", "dcs after"),
        ("charset \u{1B}(Bdone", "charset done"),
        ("Kim Jong Un’s “quotes” stay", "Kim Jong Un’s “quotes” stay"),
    ])
    func controlSequencesAreRemoved(input: String, expected: String) {
        #expect(TerminalSanitizer.inert(input) == expected)
    }

    @Test func inertLineFoldsNewlinesAndTabs() {
        #expect(TerminalSanitizer.inertLine("a\nb\tc\u{1B}[1m") == "a b c")
    }

    @Test func unterminatedEscapeDoesNotSwallowBeyondIt() {
        #expect(TerminalSanitizer.inert("x\u{1B}") == "x")
        #expect(TerminalSanitizer.inert("x\u{1B}[12") == "x")
    }

    /// The byte scan behind the fast paths finds exactly the scalars `isControl` names.
    @Test func byteScanFindsWhatTheScalarTestFinds() {
        var texts = (0...0x2FF).compactMap(Unicode.Scalar.init).map { "a" + String($0) + "é" }
        var tricky = TrickyText(seed: 5)
        texts += (0..<3000).map { _ in tricky.text(maxPieces: 4) }
        for text in texts {
            let control = text.unicodeScalars.contains(where: TerminalSanitizer.isControl)
            let lineBreak = text.unicodeScalars.contains { $0 == "\n" || $0 == "\t" }
            #expect(TerminalSanitizer.containsControl(text, orLineBreak: false) == control, "\(text.debugDescription)")
            #expect(
                TerminalSanitizer.containsControl(text, orLineBreak: true) == (control || lineBreak),
                "\(text.debugDescription)")
        }
    }
}
