import Testing

@testable import Trainer

struct PainterTests {
    @Test func colourOnlyWhenEnabled() {
        #expect(Painter(enabled: true).bold("x").contains("\u{1B}["))
        #expect(Painter(enabled: true).heat(4).contains("\u{1B}["))
        #expect(Painter(enabled: false).bold("x") == "x")
        #expect(Painter(enabled: false).heat(0) == "·")
    }

    @Test func noColorOrAPipeTurnsColourOff() {
        // Tests run with stdout not a terminal, and NO_COLOR wins even on one.
        #expect(!TerminalConsole(environment: ["NO_COLOR": "1", "TERM": "xterm"]).colorEnabled)
        #expect(!TerminalConsole(environment: ["TERM": "xterm"]).colorEnabled)
        #expect(TerminalConsole(environment: [:]).width == nil)
    }
}
