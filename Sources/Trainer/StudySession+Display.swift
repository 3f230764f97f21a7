import Flashcards
import Foundation

extension StudySession {
    /// The section path and the session's counts, then the question.
    func showFront(_ card: Card, counts: StudyCounts?) {
        let path = card.section.isEmpty ? deck.title : card.section.joined(separator: " › ")
        let place = TerminalSanitizer.inertLine(path)
        context.say()
        if let counts {
            let tally = "new \(counts.new) · learning \(counts.learning) · due \(counts.due)"
            let width = context.console.width ?? 80
            if place.count + tally.count + 2 <= width {
                let gap = String(repeating: " ", count: width - place.count - tally.count)
                context.console.write(painter.dim(place) + gap + painter.accent(tally) + "\n")
            } else {
                context.say(painter.dim(place))
                context.say(painter.accent(tally))
            }
        } else {
            context.say(painter.dim(place))
        }
        context.say(painter.bold("Q: ") + TerminalSanitizer.inert(card.front))
    }

    /// The score, the verdict and the word-level diff of a typed answer.
    func showMatch(_ match: AnswerMatch) {
        let percent = Int((match.score * 100).rounded())
        let verdict =
            match.isCorrect
            ? painter.good("✓ \(percent)% correct")
            : painter.bad("✗ \(percent)%")
        context.say(verdict + painter.dim(" · suggests \(match.suggestedRating)"))
        // With no word in common a diff is only the whole answer in brackets: the back says it.
        let overlaps = match.diff.contains { change in
            switch change {
            case .same, .near: true
            case .missing, .extra: false
            }
        }
        guard overlaps else { return }
        let words = match.diff.map { change -> String in
            switch change {
            case .same(let word): TerminalSanitizer.inertLine(word)
            case .near(let given, let expected):
                painter.warn("[\(TerminalSanitizer.inertLine(given))→\(TerminalSanitizer.inertLine(expected))]")
            case .missing(let word): painter.good("[+\(TerminalSanitizer.inertLine(word))]")
            case .extra(let word): painter.bad("[-\(TerminalSanitizer.inertLine(word))]")
            }
        }
        context.say(words.joined(separator: " "), indent: "  ")
    }

    /// The answer, then the paragraph it came from when that says more.
    func showBack(_ card: Card) {
        context.say(painter.bold("A: ") + TerminalSanitizer.inert(card.back))
        if let paragraph = Self.contextBeyondBack(card) {
            context.say(painter.dim(TerminalSanitizer.inert(paragraph)), indent: "   ")
        }
    }

    /// The context paragraph less what the back already said: nothing when it says no more,
    /// the rest when it begins with the back.
    static func contextBeyondBack(_ card: Card) -> String? {
        guard let paragraph = card.context?.trimmingCharacters(in: .whitespacesAndNewlines), !paragraph.isEmpty,
            TextNormalizer.matchKey(paragraph) != TextNormalizer.matchKey(card.back)
        else { return nil }
        let back = card.back.trimmingCharacters(in: .whitespacesAndNewlines)
        guard paragraph.hasPrefix(back) else { return paragraph }
        let rest = paragraph.dropFirst(back.count).trimmingCharacters(in: .whitespacesAndNewlines)
        return rest.isEmpty ? nil : "… " + rest
    }

    /// `1 Again 10m · 2 Hard 1d · 3 Good 3d · 4 Easy 8d`, the suggestion in bold.
    func ratingLine(_ intervals: [Rating: String], suggestion: Rating) -> String {
        Rating.allCases.map { rating in
            let label = "\(rating.rawValue) \(rating) \(intervals[rating] ?? "?")"
            return rating == suggestion ? painter.bold(label) : label
        }.joined(separator: " · ")
    }
}

/// Durations as a learner reads them: `45s`, `6m 12s`, `1h 3m`, `2d 4h`.
enum DurationText {
    static func format(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        let days = total / 86_400
        let hours = total % 86_400 / 3600
        let minutes = total % 3600 / 60
        let secs = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return secs > 0 ? "\(minutes)m \(secs)s" : "\(minutes)m" }
        return "\(secs)s"
    }
}
