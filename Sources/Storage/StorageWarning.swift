/// Something recall noticed and repaired or skipped while reading, to show the user.
public struct StorageWarning: Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var message: String

    public var description: String {
        if let line { "\(path):\(line): warning: \(message)" } else { "\(path): warning: \(message)" }
    }
}
