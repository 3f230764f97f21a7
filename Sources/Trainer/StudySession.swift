import Flashcards
import Foundation

/// One study session over a deck: front, typed answer or reveal, back, rating, again, until
/// nothing is left or the learner stops. Input, output and time come in from outside, so the
/// whole session runs in tests from a script.
public final class StudySession {
    /// How a session ended, so the REPL knows whether to go on.
    public enum Ending: Equatable, Sendable {
        /// Nothing left, or `q`.
        case finished
        /// Ctrl-C during a card: back to the prompt.
        case interrupted
        /// Ctrl-D: the REPL saves and exits too.
        case endOfInput
    }

    let deck: StudyDeck
    let context: ReplContext
    let matcher = AnswerMatcher()
    let editor: CardEditor
    var summary: StudySummary
    /// Cards answered in this session, last last, for undo.
    var answered: [(card: CardID, rating: Rating)] = []
    /// Cards edited during the session: shown with their new text until the deck is reloaded.
    var edited: [CardID: Card] = [:]
    /// The card an undo brought back: shown next, whatever the queue's order.
    var undone: CardID?

    public init(deck: StudyDeck, context: ReplContext) {
        self.deck = deck
        self.context = context
        self.editor = CardEditor(context: context)
        summary = StudySummary(started: context.clock.now)
    }

    var painter: Painter { context.painter }

    /// Runs the session and prints its summary.
    @discardableResult
    public func run() -> Ending {
        let ending = studyQueue()
        finish()
        return ending
    }

    private func studyQueue() -> Ending {
        if deck.next(at: context.clock.now) == nil {
            switch offerMore() {
            case .queue: break
            case .cram: return cram()
            case .leave(let ending): return ending
            }
        }
        while true {
            let now = context.clock.now
            let comeback = undone.flatMap { deck.card($0) }.map { (card: $0, counts: deck.counts(at: now)) }
            undone = nil
            guard let next = comeback ?? deck.next(at: now) else {
                context.say(painter.good("Nothing more is due in \(TerminalSanitizer.inertLine(deck.title)) today."))
                return .finished
            }
            let card = edited[next.card.id] ?? next.card
            switch study(card, counts: next.counts) {
            case .next: continue
            case .leave(let ending): return ending
            }
        }
    }

    enum Step {
        case next
        case leave(Ending)
    }

    /// One card, from front to rating (or to a key that moves on).
    private func study(_ original: Card, counts: StudyCounts) -> Step {
        var card = original
        let shown = context.clock.now
        showFront(card, counts: counts)
        var suggestion: Rating = .good
        front: while true {
            switch context.answers.readInput(prompt: "answer (Enter reveals; u s b e q)> ") {
            case .end: return .leave(.endOfInput)
            case .interrupted: return .leave(.interrupted)
            case .line(let line):
                let typed = line.trimmingCharacters(in: .whitespaces)
                if let key = SessionKey(rawValue: typed.lowercased()) {
                    switch handle(key, card: &card) {
                    case .stay:
                        showFront(card, counts: deck.counts(at: context.clock.now))
                        continue front
                    case .step(let step): return step
                    }
                }
                if !typed.isEmpty {
                    let match = matcher.match(given: typed, expected: card.back)
                    showMatch(match)
                    suggestion = match.suggestedRating
                }
                break front
            }
        }
        showBack(card)
        let intervals = deck.intervals(for: card.id, at: context.clock.now)
        context.say(ratingLine(intervals, suggestion: suggestion))
        while true {
            switch context.answers.readInput(prompt: "rate (1-4, Enter = \(suggestion.rawValue); u s b e q)> ") {
            case .end: return .leave(.endOfInput)
            case .interrupted: return .leave(.interrupted)
            case .line(let line):
                let typed = line.trimmingCharacters(in: .whitespaces).lowercased()
                if let key = SessionKey(rawValue: typed) {
                    switch handle(key, card: &card) {
                    case .stay:
                        showBack(card)
                        context.say(ratingLine(intervals, suggestion: suggestion))
                        continue
                    case .step(let step): return step
                    }
                }
                guard let rating = typed.isEmpty ? suggestion : Rating(argument: typed) else {
                    context.say(
                        painter.warn("Type 1–4 (or again, hard, good, easy), Enter for \(suggestion), or u s b e q."))
                    continue
                }
                let now = context.clock.now
                do {
                    try deck.answer(card.id, rating: rating, at: now, duration: min(now.timeIntervalSince(shown), 600))
                } catch {
                    context.complain("the answer was not saved: \(error)")
                    return .leave(.finished)
                }
                answered.append((card.id, rating))
                summary.record(rating)
                return .next
            }
        }
    }

    enum KeyOutcome {
        case stay
        case step(Step)
    }

    private func handle(_ key: SessionKey, card: inout Card) -> KeyOutcome {
        let now = context.clock.now
        do {
            switch key {
            case .quit:
                return .step(.leave(.finished))
            case .undo:
                guard let last = answered.last else {
                    context.say(painter.warn("Nothing to undo in this session."))
                    return .stay
                }
                guard let id = try deck.undo() else {
                    context.say(painter.warn("Nothing to undo."))
                    return .stay
                }
                answered.removeLast()
                summary.unrecord(last.rating)
                context.say(painter.dim("Undone: the last answer is taken back."))
                undone = id
                return .step(.next)
            case .suspend:
                try deck.suspend(card.id, at: now)
                context.say(painter.dim("Suspended; it will not come up until you unsuspend it."))
                return .step(.next)
            case .bury:
                try deck.bury(card.id, at: now)
                context.say(painter.dim("Buried until tomorrow."))
                return .step(.next)
            case .edit:
                if let changed = try editor.edit(card) {
                    try deck.update(changed)
                    edited[changed.id] = changed
                    card = changed
                    context.say(painter.dim("Saved; the card keeps its progress."))
                } else {
                    context.say(painter.dim("No change."))
                }
                return .stay
            }
        } catch {
            context.complain(String(describing: error))
            return .stay
        }
    }

    private func finish() {
        let now = context.clock.now
        do { try deck.close() } catch { context.complain("saving progress: \(error)") }
        guard summary.cards > 0 else { return }
        context.say(summary.line(ending: now, dueTomorrow: deck.dueTomorrow(after: now), painter: painter))
    }
}

/// The keys a learner can type instead of an answer or a rating.
enum SessionKey: String, CaseIterable {
    case undo = "u"
    case suspend = "s"
    case bury = "b"
    case edit = "e"
    case quit = "q"
}
