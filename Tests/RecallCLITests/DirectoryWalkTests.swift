import DeckBuilding
import Flashcards
import Foundation
import Glibc
import Storage
import TestSupport
import Testing

@testable import recall

/// `ArticleInputs.articleFiles`, which walks with `opendir`/`readdir`, against the
/// `FileManager` enumerator it replaced (kept below): the same files and the same notes in the
/// same order, on seeded random trees with hidden files and directories, links to files, to
/// directories and to nothing, names with spaces, capitals and non-ASCII letters.
struct DirectoryWalkTests {
    static let names = [
        "a.txt", "B.TXT", "c.md", "d.markdown", "e.html", "f.htm", "g.Md", "notes", "h.pdf", "i.", "j.txt.bak",
        "k l.txt", "ünï.md", "日本.html", ".hidden.txt", ".x", "m..txt", "n.t xt", "o.tx\u{301}t", "p.txt\u{301}",
        "q.HTML", "r.json", "s.mD", "t-1.txt", "u_2.md", "v.h1",
    ]

    @Test func walkMatchesTheEnumerator() throws {
        var rng = SeededGenerator(seed: 44)
        for round in 0..<12 {
            let temp = TemporaryDirectory()
            let root = temp.path + "/articles\(round)"
            var directories = [root]
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for k in 0..<Int.random(in: 5...40, using: &rng) {
                let parent = directories.randomElement(using: &rng) ?? root
                switch Int.random(in: 0...9, using: &rng) {
                case 0:
                    let name = ["sub", ".git", "Dir \(k)", "ö\(k)", "x.txt"].randomElement(using: &rng) ?? "sub"
                    let path = parent + "/" + name + "\(k)"
                    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                    directories.append(path)
                case 1:
                    // Links: to a file, to a directory, to nothing.
                    let target = [root + "/a.txt", parent, root + "/missing\(k)"].randomElement(using: &rng) ?? root
                    let name = ["link\(k).txt", "linkdir\(k)", ".link\(k).md"].randomElement(using: &rng) ?? "l"
                    symlink(target, parent + "/" + name)
                default:
                    let name = Self.names.randomElement(using: &rng) ?? "a.txt"
                    #expect(FileManager.default.createFile(atPath: parent + "/" + name, contents: Data("x".utf8)))
                }
            }
            // The directory named through a link is walked like the directory itself, under the
            // link's name (the enumerator listed nothing there).
            symlink(root, root + "-link")
            for suffix in ["", "/", "//"] {
                var expectedNotes: [BuildNote] = []
                let expected = Reference.articleFiles(in: root + suffix, notes: &expectedNotes)
                for named in [root, root + "-link"] {
                    var notes: [BuildNote] = []
                    let files = ArticleInputs.articleFiles(in: named + suffix, notes: &notes)
                    #expect(files == expected.map { named + $0.dropFirst(root.count) })
                    let renamed = expectedNotes.map { note in
                        var note = note
                        note.file = named + note.file.dropFirst(root.count)
                        return note
                    }
                    #expect(notes == renamed)
                }
            }
        }
    }

    /// `recall build LINK` of a symbolic link to a directory of articles makes the cards that
    /// `recall build DIR` makes; the directory named again through the link is read once.
    @Test func linkToADirectoryIsFollowed() throws {
        let temp = TemporaryDirectory()
        let articles = temp.path + "/articles"
        try FileManager.default.createDirectory(atPath: articles + "/sub", withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: Paths.shared.appendingPathComponent("seed/article.txt").path, toPath: articles + "/seed.txt")
        let second =
            "# Tides\n\n## The Moon\n\nThe pull of the Moon raises two tides a day.\n\n## What moves the tides?\n\nThe pull of the Moon and, less, of the Sun.\n"
        #expect(FileManager.default.createFile(atPath: articles + "/sub/tides.md", contents: Data(second.utf8)))
        // A link back up inside the tree is not followed (no loop, no file read twice).
        symlink(articles, articles + "/sub/up")
        symlink(articles, temp.path + "/linked")

        func cards(_ arguments: [String]) throws -> [Card] {
            let r = try RecallProcess.run(["build"] + arguments + ["--deck", "d", "--output", "-", "--verbose"])
            #expect(r.status == 0, "\(r.stderr)")
            return try DeckStore.decode(Data(r.stdout.utf8), path: "stdout").cards
        }
        let direct = try cards([articles])
        #expect(direct.count > 12)
        #expect(direct.contains { $0.front == "What moves the tides?" })
        #expect(try cards([temp.path + "/linked"]) == direct)
        #expect(try cards([temp.path + "/linked/"]) == direct)

        let twice = try RecallProcess.run(
            ["build", articles, temp.path + "/linked", "--deck", "d", "--output", "-", "--verbose"])
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(try DeckStore.decode(Data(twice.stdout.utf8), path: "stdout").cards == direct)
        #expect(twice.stderr.contains("\(temp.path)/linked: skipped: a directory already read"))
    }

    @Test func extensionsMatchNSString() {
        var rng = SeededGenerator(seed: 45)
        let pieces = ["a", "B", ".", "..", "txt", "MD", " ", "é", "\u{301}", "日", "-", "_", "1", "/"]
        var names = Self.names + ["a", ".", "..", "a.", "a..", ".a", "a.b.", "x.1", "x.é"]
        for _ in 0..<3000 {
            names.append(
                (0..<Int.random(in: 1...6, using: &rng)).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        for name in names where !name.contains("/") {
            #expect(ArticleInputs.pathExtension(name) == (name as NSString).pathExtension, "\(name.debugDescription)")
        }
    }
}

/// The directory listing as it was before the `readdir` walk.
private enum Reference {
    static func articleFiles(in directory: String, notes: inout [BuildNote]) -> [String] {
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var files: [String] = []
        for case let relative as String in enumerator {
            let name = (relative as NSString).lastPathComponent
            if name.hasPrefix(".") { continue }
            let path = directory.hasSuffix("/") ? directory + relative : directory + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            if ArticleFormat.extensions[(name as NSString).pathExtension.lowercased()] != nil {
                files.append(path)
            } else {
                notes.append(BuildNote(.skipped, file: path, "not an article file (.txt, .md, .markdown, .html, .htm)"))
            }
        }
        return files.sorted()
    }
}
