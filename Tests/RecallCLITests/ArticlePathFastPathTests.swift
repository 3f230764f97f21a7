import Flashcards
import Foundation
import TestSupport
import Testing

@testable import recall

/// `ArticleInputs.display(filePath:root:)`, which skips `URL` for plain absolute paths, against
/// the `URL`-based `display` on seeded random paths: plain names, `.`, `..`, empty components,
/// trailing slashes, spaces, `%`, `~` and non-ASCII names.
struct ArticlePathFastPathTests {
    @Test func plainPathsDisplayAsURLStandardizesThem() {
        let pieces = [
            "/", "/", "//", "a", "articles", "article-0001.txt", ".", "..", ".hidden", "x.md", "_", "-", "~", " ",
            "%20",
            "é", "日本", "a..b", "...", "tmp.Ab3",
        ]
        var rng = SeededGenerator(seed: 42)
        let roots = ["/tmp/home", "/tmp", "/home/u/.recall"]
        var paths = ["/", "//", "/a", "/a/", "/./a", "/a/..", "/a/../b", "/tmp/home/Decks/x.txt", "/tmp/home", "a/b"]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...8, using: &rng)
            paths.append((0..<count).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined())
        }
        for root in roots {
            for path in paths {
                let reference = ArticleInputs.display(URL(fileURLWithPath: path, isDirectory: false), root: root)
                #expect(ArticleInputs.display(filePath: path, root: root) == reference, "\(path.debugDescription)")
            }
        }
    }
}
