import Flashcards
import Foundation
import Storage
import TestSupport
import Testing

struct BuildCommandTests {
    let seed = Paths.shared.appendingPathComponent("seed/article.txt").path
    let article = """
        Rivers of Europe

        The Danube

        The Danube flows through ten countries, more than any other river in the world.

        How long is the Danube?

        About 2,850 kilometres.
        """

    private func deck(_ home: TemporaryDirectory, _ name: String) throws -> Deck {
        try DeckStore.decode(Data(try home.read("Decks/\(name).json").utf8), path: name)
    }

    @Test func buildsTheSeedIntoDecksWithASummaryLine() throws {
        let home = TemporaryDirectory()
        let r = try RecallProcess.run(["build", seed, "--home", home.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(
            lines.first?.hasPrefix("Decks/article.json: 14 cards (4 faq, 10 keypoint, 0 term);") == true, "\(r.stderr)")
        #expect(r.stderr.contains("2 merged"))
        let deck = try deck(home, "article")
        #expect(deck.cards.count == 14)
        #expect(deck.source?.path == seed)
        #expect(deck.source?.sha256.count == 64)
        // Pretty-printed with sorted keys.
        let text = try home.read("Decks/article.json")
        #expect(text.contains("\n  \"cards\" : [\n"))
        #expect(text.range(of: "\"cards\"")!.lowerBound < text.range(of: "\"title\"")!.lowerBound)
    }

    @Test func verboseListsEverySkipAndMerge() throws {
        let home = TemporaryDirectory()
        let r = try RecallProcess.run(["build", seed, "--home", home.path, "--verbose"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("\(seed):4: skipped: SEO keyword line “north korean leader kim jong un”"))
        #expect(r.stderr.contains("merged: “Economic Collaboration” restates “Economic Cooperation”"))
        #expect(r.stderr.contains("skipped: site boilerplate “Leave a Comment”"))
    }

    @Test func outputDashPrintsTheDeckAndWritesNothing() throws {
        let home = TemporaryDirectory()
        let r = try RecallProcess.run(["build", seed, "--home", home.path, "--output", "-"])
        #expect(r.status == 0)
        let deck = try DeckStore.decode(Data(r.stdout.utf8), path: "stdout")
        #expect(deck.cards.filter { $0.kind == .faq }.count == 4)
        #expect(!home.exists("Decks"))
    }

    @Test func outputFileAndStandardInput() throws {
        let home = TemporaryDirectory()
        let r = try RecallProcess.run(
            ["build", "-", "--home", home.path, "--output", home.path + "/out.json"], stdin: Data(article.utf8))
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try DeckStore.decode(Data(try home.read("out.json").utf8), path: "out").title == "Rivers of Europe")
        // Without --deck or --output, standard input is named by its title.
        let s = try RecallProcess.run(["build", "-", "--home", home.path], stdin: Data(article.utf8))
        #expect(s.status == 0, "\(s.stderr)")
        #expect(home.exists("Decks/rivers-of-europe.json"))
        #expect(try deck(home, "rivers-of-europe").source?.path == "-")
    }

    @Test func rebuildUpdatesInPlaceAndReportsRemovedCards() throws {
        let home = TemporaryDirectory()
        let file = try home.write("rivers.txt", article)
        #expect(try RecallProcess.run(["build", file.path, "--home", home.path]).status == 0)
        let first = try deck(home, "rivers")
        #expect(first.source?.path == "rivers.txt")
        try home.write(
            "rivers.txt",
            article.replacingOccurrences(of: "How long is the Danube?\n\nAbout 2,850 kilometres.", with: "")
                + "\n\nThe Rhine\n\nThe Rhine carries freight from Basel to Rotterdam.\n")
        let r = try RecallProcess.run(["build", file.path, "--home", home.path, "--verbose"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("updated in place: 1 added, 1 removed"))
        #expect(r.stderr.contains("removed: faq card “How long is the Danube?”"))
        let second = try deck(home, "rivers")
        #expect(second.cards.first?.id == first.cards.first?.id)
        #expect(second.cards.map(\.section) == [["The Danube"], ["The Rhine"]])
    }

    @Test func directoriesAndSeveralArticlesMakeOneDeck() throws {
        let home = TemporaryDirectory()
        try home.write("notes/a.txt", article)
        try home.write("notes/b.md", "# Alps\n\n## Mont Blanc\n\nMont Blanc is the highest peak of the Alps.\n")
        try home.write("notes/image.png", Data([0x89, 0x50]))
        let r = try RecallProcess.run(["build", home.path + "/notes", "--home", home.path])
        #expect(r.status == 0, "\(r.stderr)")
        let deck = try deck(home, "notes")
        #expect(deck.cards.count == 3)
        #expect(deck.source?.files?.count == 2)
        let several = try RecallProcess.run([
            "build", home.path + "/notes/a.txt", home.path + "/notes/b.md", "--home", home.path,
        ])
        #expect(several.status == 64)
        #expect(several.stderr.contains("--deck"))
    }

    @Test(arguments: [
        ("missing.txt", nil as [UInt8]?, "missing.txt: no such file or directory"),
        ("empty.txt", [UInt8](), "empty.txt: the file is empty"),
        ("binary.md", Array("# T\n".utf8) + [0, 0xFF], "binary.md: not a text file (NUL byte at byte offset 4)"),
        ("latin1.txt", Array("Caf".utf8) + [0xE9, 0x0A], "latin1.txt: invalid UTF-8 at byte offset 3"),
        ("prose.txt", Array("Only one sentence here.".utf8), "prose.txt: nothing to extract"),
    ])
    func badInputFailsWithOneLineAndLeavesTheDeckAlone(name: String, bytes: [UInt8]?, message: String) throws {
        let home = TemporaryDirectory()
        try home.write("Decks/\(DeckBuilderName.stem(name)).json", "{\"format\":1,\"title\":\"Old\",\"cards\":[]}")
        if let bytes { try home.write(name, Data(bytes)) }
        let r = try RecallProcess.run(["build", name, "--home", home.path], currentDirectory: home.url)
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: \(message)"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
        #expect(try home.read("Decks/\(DeckBuilderName.stem(name)).json").contains("\"Old\""))
    }

    @Test func anArticleOverTheSizeLimitIsRefused() throws {
        let home = TemporaryDirectory()
        try home.write("big.txt", Data(repeating: 0x61, count: 10 * 1_048_576 + 1))
        let r = try RecallProcess.run(["build", home.path + "/big.txt", "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("larger than the 10 MiB limit"))
    }

    @Test(arguments: ["../x", "/etc/x", "a/b"])
    func deckNamesThatLeaveDecksAreRefused(name: String) throws {
        let home = TemporaryDirectory()
        let r = try RecallProcess.run(["build", seed, "--deck", name, "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("Error: deck name '\(name)' is a path"))
        #expect(!home.exists("Decks"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/x.json"))
    }

    @Test func aCorruptDeckIsNotOverwritten() throws {
        let home = TemporaryDirectory()
        try home.write("Decks/article.json", "not json")
        let r = try RecallProcess.run(["build", seed, "--home", home.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("not overwriting it"))
        #expect(try home.read("Decks/article.json") == "not json")
    }

    @Test func sourcesFolderIsNotADeck() throws {
        let home = TemporaryDirectory()
        try home.write("Decks/sources/sample-article.txt", article)
        let r = try RecallProcess.run(
            ["build", "Decks/sources/sample-article.txt", "--deck", "sample"], currentDirectory: home.url)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(DeckStore(home: DataHome(root: home.url)).names().map(\.slug) == ["sample"])
        #expect(try deck(home, "sample").source?.path == "Decks/sources/sample-article.txt")
    }

    @Test func theCommittedSampleDeckIsWhatBuildMakes() throws {
        let home = TemporaryDirectory()
        let source = Paths.packageRoot.appendingPathComponent("Decks/sources/sample-article.txt")
        try home.write("Decks/sources/sample-article.txt", try Data(contentsOf: source))
        let r = try RecallProcess.run(
            ["build", "Decks/sources/sample-article.txt", "--deck", "sample"], currentDirectory: home.url)
        #expect(r.status == 0, "\(r.stderr)")
        let committed = try String(
            contentsOf: Paths.packageRoot.appendingPathComponent("Decks/sample.json"), encoding: .utf8)
        #expect(try home.read("Decks/sample.json") == committed)
    }
}

/// The deck name a file's stem gives (`binary.md` → `binary`).
enum DeckBuilderName {
    static func stem(_ name: String) -> String { String(name.split(separator: ".").first ?? "") }
}
