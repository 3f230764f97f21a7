import Dispatch
import Flashcards
import Storage

/// A deck read on another thread while this one reads the file to import: two large passes
/// that each use every core in halves, and overlapped fill each other's idle moments (the
/// single-threaded start and end of each), about a tenth of a large re-import's time.
///
/// Only reading: what it finds (or the error) is used exactly where `import` would have read
/// the deck itself, after the file has been read without error.
final class DeckPreload: @unchecked Sendable {
    let name: DeckName
    private let group = DispatchGroup()
    /// Written on the other thread before it leaves `group`; read only after waiting for it.
    private var result: Result<DeckStore.Loaded?, StorageError> = .success(nil)

    init(_ name: DeckName, from store: DeckStore) {
        self.name = name
        DispatchQueue.global().async(group: group) { [self] in
            result = Result { () throws(StorageError) in store.exists(name) ? try store.loadNotingFile(name) : nil }
        }
    }

    /// The deck as `loadNotingFile` read it, nil when there is no such deck.
    func loaded() throws(StorageError) -> DeckStore.Loaded? {
        group.wait()
        return try result.get()
    }
}
