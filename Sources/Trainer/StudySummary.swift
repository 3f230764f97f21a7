import Flashcards
import Foundation

/// What a session did: cards answered, how many right, how long.
struct StudySummary {
    let started: Date
    private(set) var cards = 0
    /// Answers other than Again, the way Anki counts "correct".
    private(set) var correct = 0

    init(started: Date) { self.started = started }

    mutating func record(_ rating: Rating) {
        cards += 1
        if rating != .again { correct += 1 }
    }

    mutating func unrecord(_ rating: Rating) {
        cards -= 1
        if rating != .again { correct -= 1 }
    }

    var correctShare: Int { cards == 0 ? 0 : Int((Double(correct) / Double(cards) * 100).rounded()) }

    /// `Session: 12 cards · 83% correct · 6m 12s · 14 due tomorrow`
    func line(ending: Date, dueTomorrow: Int?, painter: Painter) -> String {
        var parts = [
            cards == 1 ? "1 card" : "\(cards) cards",
            "\(correctShare)% correct",
            DurationText.format(ending.timeIntervalSince(started)),
        ]
        if let dueTomorrow { parts.append("\(dueTomorrow) due tomorrow") }
        return painter.bold("Session: ") + parts.joined(separator: " · ")
    }
}
