/// Where a card is in FSRS's state machine, numbered as py-fsrs numbers its `State`.
///
/// There is no "new" state: a card that was never reviewed has no `CardSchedule` at all
/// (see `CardProgress.schedule`), and `Scheduler.newCard(at:)` starts it in `learning` at step 0.
public enum LearningState: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case learning = 1
    case review = 2
    case relearning = 3

    public var description: String {
        switch self {
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }
}
