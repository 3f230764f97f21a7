import Flashcards
import Foundation

/// Edits a card's text in the learner's `$VISUAL` or `$EDITOR`; the id never changes, so the
/// card keeps its progress.
struct CardEditor {
    let context: ReplContext

    struct EditError: Error, CustomStringConvertible {
        var description: String
    }

    /// The edited card, or nil when nothing changed or the file was emptied.
    func edit(_ card: Card) throws -> Card? {
        let file = context.home.root.appendingPathComponent(".edit-\(card.id.rawValue).txt")
        try Data(Self.render(card).utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let editor =
            [context.environment["VISUAL"], context.environment["EDITOR"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // Through the shell, so an editor given with flags (`code --wait`) works.
        process.arguments = ["-c", editor + " \"$1\"", "recall-edit", file.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw EditError(
                description: "the editor (\(editor)) exited with status \(process.terminationStatus); card unchanged")
        }
        let text = try String(contentsOf: file, encoding: .utf8)
        guard let changed = try Self.parse(text, into: card), changed != card else { return nil }
        return changed
    }

    static let marker = "=== "

    static func render(_ card: Card) -> String {
        """
        # Card \(card.id) — lines starting with # are ignored. It keeps its id and progress.
        # Edit below the markers; empty the file to cancel.
        === front ===
        \(card.front)
        === back ===
        \(card.back)
        === context ===
        \(card.context ?? "")

        """
    }

    /// Reads the edited file back; nil when it was emptied.
    static func parse(_ text: String, into card: Card) throws -> Card? {
        var sections: [String: [String]] = [:]
        var current: String?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { continue }
            if line.hasPrefix(marker), line.hasSuffix(" ===") {
                current = line.dropFirst(marker.count).dropLast(4).trimmingCharacters(in: .whitespaces)
                sections[current ?? ""] = []
                continue
            }
            if let current { sections[current, default: []].append(String(line)) }
        }
        if sections.isEmpty && text.split(separator: "\n").allSatisfy({ $0.hasPrefix("#") || $0.isEmpty }) {
            return nil
        }
        func field(_ name: String) -> String? {
            sections[name].map {
                TerminalSanitizer.inert($0.joined(separator: "\n")).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        guard let front = field("front"), let back = field("back"), !front.isEmpty, !back.isEmpty else {
            throw EditError(description: "the edited card needs a front and a back; card unchanged")
        }
        var edited = card
        edited.front = front
        edited.back = back
        let paragraph = field("context") ?? ""
        edited.context = paragraph.isEmpty ? nil : paragraph
        return edited
    }
}
