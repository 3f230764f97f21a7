/// What can go wrong reading or writing the data directory; each description is one line a
/// user can act on, naming the file.
public enum StorageError: Error, Equatable, CustomStringConvertible {
    case io(path: String, detail: String)
    case missingDeck(name: String, decksDir: String)
    case corrupt(path: String, line: Int?, detail: String)
    case newerFormat(path: String, found: Int, supported: Int)
    /// Another process holds the deck's lock.
    case locked(path: String, pid: Int32?)
    /// A card id that the deck does not have.
    case unknownCard(id: String, deck: String)
    /// Nothing to take back.
    case nothingToUndo

    public var description: String {
        switch self {
        case .io(let path, let detail): "\(path): \(detail)"
        case .missingDeck(let name, let dir): "no deck '\(name)' in \(dir)"
        case .corrupt(let path, let line, let detail):
            if let line { "\(path):\(line): \(detail)" } else { "\(path): \(detail)" }
        case .newerFormat(let path, let found, let supported):
            "\(path): format \(found) is newer than this recall reads (\(supported)); upgrade recall"
        case .locked(let path, let pid):
            if let pid {
                "this deck is being studied by another recall process (pid \(pid)); finish that session first (lock: \(path))"
            } else {
                "this deck is being studied by another recall process; finish that session first (lock: \(path))"
            }
        case .unknownCard(let id, let deck): "deck '\(deck)' has no card '\(id)'"
        case .nothingToUndo: "there is no answer to undo"
        }
    }
}
