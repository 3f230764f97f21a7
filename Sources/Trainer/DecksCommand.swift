import Flashcards

/// `decks`: every deck with its new, learning and due counts.
enum DecksCommand {
    static var command: ReplCommand {
        ReplCommand(
            name: "decks", usage: "decks", summary: "List the decks with their new, learning and due cards.",
            run: { context, arguments in
                guard arguments.isEmpty else { throw ReplUsageError("decks takes no arguments") }
                list(context)
                return .proceed
            })
    }

    static func list(_ context: ReplContext) {
        let names = context.library.names()
        guard !names.isEmpty else {
            context.say("No decks yet. Make one from an article: build FILE")
            return
        }
        let now = context.clock.now
        var rows: [[String]] = [["deck", "new", "learn", "due", "cards", "title"]]
        for name in names {
            do {
                let o = try context.library.overview(name, at: now)
                rows.append([
                    name.slug, "\(o.counts.new)", "\(o.counts.learning)", "\(o.counts.due)", "\(o.cards)",
                    TerminalSanitizer.inertLine(o.title),
                ])
            } catch {
                rows.append([name.slug, "–", "–", "–", "–", "unreadable: \(error)"])
            }
        }
        let widths = (0..<5).map { column in rows.map { $0[column].count }.max() ?? 0 }
        for (i, row) in rows.enumerated() {
            var line = row[0].padding(toLength: widths[0], withPad: " ", startingAt: 0)
            for column in 1..<5 {
                line += "  " + String(repeating: " ", count: widths[column] - row[column].count) + row[column]
            }
            line += "  " + row[5]
            let text = String(line.prefix(context.console.width ?? Int.max))
            context.console.write((i == 0 ? context.painter.dim(text) : text) + "\n")
        }
    }
}
