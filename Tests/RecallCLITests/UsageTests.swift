import Foundation
import TestSupport
import Testing

struct UsageTests {
    @Test func unknownOptionExits64WithUsage() throws {
        let r = try RecallProcess.run(["build", "--no-such-option"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("Usage:"))
    }

    @Test func helpListsCommands() throws {
        let r = try RecallProcess.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("build"))
    }
}
