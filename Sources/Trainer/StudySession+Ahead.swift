import Flashcards
import Foundation

extension StudySession {
    enum Offer {
        case queue
        case cram
        case leave(Ending)
    }

    /// Nothing due: says when something will be, and offers more new cards or a review ahead.
    func offerMore() -> Offer {
        let now = context.clock.now
        let title = TerminalSanitizer.inertLine(deck.title)
        if let due = deck.nextDue(after: now) {
            context.say(
                "Nothing is due in \(title) now; the next card is due in \(DurationText.format(due.timeIntervalSince(now)))."
            )
        } else {
            context.say("Nothing is due in \(title).")
        }
        let extraNew = deck.newCardsBeyondLimit(at: now)
        let ahead = deck.reviewAhead(at: now, limit: 1)
        var choices: [String] = []
        if extraNew > 0 {
            let batch = min(extraNew, StudySession.extraNewBatch)
            context.say("  n      learn \(batch) more new card\(batch == 1 ? "" : "s") (\(extraNew) not yet seen)")
            choices.append("n")
        }
        if !ahead.isEmpty {
            context.say("  c      review ahead (cram): the schedule does not change")
            choices.append("c")
        }
        guard !choices.isEmpty else { return .leave(.finished) }
        context.say("  Enter  back to the prompt")
        while true {
            switch context.answers.readInput(prompt: "choose (\(choices.joined(separator: ", ")), Enter)> ") {
            case .end: return .leave(.endOfInput)
            case .interrupted: return .leave(.interrupted)
            case .line(let line):
                switch line.trimmingCharacters(in: .whitespaces).lowercased() {
                case "": return .leave(.finished)
                case "n" where choices.contains("n"):
                    deck.allowMoreNew(min(extraNew, StudySession.extraNewBatch), at: now)
                    return .queue
                case "c" where choices.contains("c"): return .cram
                default: context.say(painter.warn("Type \(choices.joined(separator: " or ")), or Enter."))
                }
            }
        }
    }

    static let extraNewBatch = 10
    static let cramSize = 50

    /// Reviewing ahead: learned cards, soonest due first; nothing is recorded.
    func cram() -> Ending {
        let cards = deck.reviewAhead(at: context.clock.now, limit: StudySession.cramSize)
        context.say(painter.dim("Reviewing ahead: \(cards.count) cards; your ratings are not recorded."))
        var seen = 0
        var right = 0
        defer {
            if seen > 0 {
                context.say(painter.bold("Reviewed ahead: ") + "\(seen) cards · \(right) right; schedule unchanged")
            }
        }
        for original in cards {
            let card = edited[original.id] ?? original
            showFront(card, counts: nil)
            switch context.answers.readInput(prompt: "answer (Enter reveals; q)> ") {
            case .end: return .endOfInput
            case .interrupted: return .interrupted
            case .line(let line):
                let typed = line.trimmingCharacters(in: .whitespaces)
                if typed.lowercased() == "q" { return .finished }
                var correct = true
                if !typed.isEmpty {
                    let match = matcher.match(given: typed, expected: card.back)
                    showMatch(match)
                    correct = match.isCorrect
                }
                showBack(card)
                seen += 1
                if correct && typed.isEmpty {
                    switch context.answers.readInput(prompt: "did you know it? (Y/n, q)> ") {
                    case .end: return .endOfInput
                    case .interrupted: return .interrupted
                    case .line(let answer):
                        let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
                        if word == "q" { return .finished }
                        correct = !word.hasPrefix("n")
                    }
                }
                if correct { right += 1 }
            }
        }
        return .finished
    }
}
