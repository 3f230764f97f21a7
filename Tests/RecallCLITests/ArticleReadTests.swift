import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

/// `recall build` reads a regular file in one call when it holds the bytes `fstat` promised:
/// the deck records the SHA-256 of exactly the file's bytes, and makes the same cards as the
/// same bytes on standard input (read to their end), at sizes around the 64 KB scratch buffer.
struct ArticleReadTests {
    static func article(size: Int) -> [UInt8] {
        var text = Array("Rivers of Europe\n\nThe Danube\n\nThe Danube flows through ten countries.\n\n".utf8)
        let words = Array("long river water bridge city delta ".utf8)
        var k = 0
        while text.count < size {
            text.append(words[k % words.count])
            k += 1
        }
        return text
    }

    private func cards(_ output: String) throws -> [Card] {
        try DeckStore.decode(Data(output.utf8), path: "x").cards
    }

    @Test(arguments: [70, 4096, 65535, 65536, 65537, 131_073, 300_000])
    func aFileIsReadWholeAtAnySize(size: Int) throws {
        let home = TemporaryDirectory()
        let bytes = Self.article(size: size)
        try home.write("river.txt", Data(bytes))
        let file = try RecallProcess.run(["build", home.path + "/river.txt", "--home", home.path, "--output", "-"])
        #expect(file.status == 0, "\(file.stderr)")
        let deck = try DeckStore.decode(Data(file.stdout.utf8), path: "x")
        #expect(deck.source?.sha256 == ContentDigest.sha256Hex(bytes))
        let piped = try RecallProcess.run(
            ["build", "-", "--format", "text", "--home", home.path, "--output", "-"], stdin: Data(bytes))
        #expect(try cards(piped.stdout) == deck.cards)
        // A pipe named as a file is no regular file: it is read to its end.
        let named = try RecallProcess.run(
            ["build", "/dev/stdin", "--format", "text", "--home", home.path, "--output", "-"], stdin: Data(bytes))
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try DeckStore.decode(Data(named.stdout.utf8), path: "x").source?.sha256 == deck.source?.sha256)
    }

    @Test func anEmptyFileIsReadAsEmpty() throws {
        let home = TemporaryDirectory()
        try home.write("empty.txt", Data())
        let r = try RecallProcess.run(["build", home.path + "/empty.txt", "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("empty.txt"), "\(r.stderr)")
    }

    /// Files are read as the build reaches them, but a file that cannot be read still fails the
    /// build before anything is written, reported alone, before a bad deck name, and in
    /// argument order with the paths that do not exist.
    @Test func anUnreadableFileFailsTheBuildAsWhenFilesWereReadFirst() throws {
        let home = TemporaryDirectory()
        for k in 0..<3 { try home.write("a\(k).txt", Data(Self.article(size: 300 + k))) }
        try home.write("bad/binary.txt", Data([0x41, 0x00, 0x42]))
        let unreadable = "/proc/self/mem"  // open succeeds, read fails (EIO)
        let alone = try RecallProcess.run([
            "build", home.path + "/a0.txt", unreadable, home.path + "/a1.txt", "--deck", "x", "--home", home.path,
        ])
        #expect(alone.status == 1)
        let lines = alone.stderr.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].hasPrefix("Error: \(unreadable)"), "\(alone.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.path + "/Decks/x.json"))

        let badName = try RecallProcess.run([
            "build", unreadable, home.path + "/a2.txt", "--deck", "../x", "--home", home.path,
        ])
        #expect(badName.status == 1)
        #expect(badName.stderr.hasPrefix("Error: \(unreadable)"), "\(badName.stderr)")

        // The binary article is not reported: the build never starts while a file cannot be read.
        let ordered = try RecallProcess.run(
            ["build", home.path + "/bad", unreadable, home.path + "/missing.txt", "--deck", "x", "--home", home.path])
        let errors = ordered.stderr.split(separator: "\n")
        #expect(errors.count == 2, "\(ordered.stderr)")
        #expect(errors.first?.contains(unreadable) == true && errors.last?.contains("missing.txt") == true)
    }

    /// Files found by walking a directory are read with the size the walk saw (no `fstat`):
    /// each recorded digest is its file's, at sizes around the 64 KB buffer.
    @Test func filesInADirectoryAreReadWhole() throws {
        let home = TemporaryDirectory()
        let sizes = [70, 4096, 65535, 65536, 65537, 131_073]
        for (k, size) in sizes.enumerated() { try home.write("articles/a\(k).txt", Data(Self.article(size: size))) }
        let r = try RecallProcess.run(["build", home.path + "/articles", "--home", home.path, "--output", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        let files = try DeckStore.decode(Data(r.stdout.utf8), path: "x").source?.files ?? []
        #expect(files.map(\.sha256) == sizes.map { ContentDigest.sha256Hex(Self.article(size: $0)) })
    }
}
