import Flashcards
import Foundation
import Scheduling

extension StudyIndex {
    /// Brings a deck's study index up to date after its deck file was rewritten, so the next
    /// `recall due` does not find it stale and read the JSON files.
    ///
    /// Best effort, like every index write: nothing happens when the deck has no progress
    /// directory, when its progress files do not read cleanly (the next full load reports them),
    /// or when the deck file or the log was replaced meanwhile; a failure leaves the index stale,
    /// never the command failed. The deck file is already durable when this runs.
    /// - Parameters:
    ///   - cards: the deck exactly as written.
    ///   - written: the identity of the file written, taken before its rename; the index is
    ///     written only while the deck file is still that one.
    static func refresh(
        home: DataHome, deck name: DeckName, cards deck: Deck, written: FileIdentity
    ) {
        let paths = ProgressPaths(home: home, deck: name)
        let deckPath = DeckStore(home: home).url(for: name).path
        guard FileBytes.exists(paths.directory.path),
            let before = basisBeforeReading(paths: paths, deckPath: deckPath), before.deck == written,
            let replay = try? ProgressReplay.load(paths), replay.warnings.isEmpty,
            let basis = basis(
                before, readTo: replay.end, snapshotCovers: replay.snapshotCovers, paths: paths, deckPath: deckPath)
        else { return }
        // The recent answers as a full load has them (no clock here to trim them by).
        write(deck: deck, progress: replay.progress, recent: replay.recent, basis: basis, to: paths.studyIndex)
    }
}
