/// One problem in an input file, at a line (1-based, counting every physical line).
public struct InputProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }

    /// `path:line: error: message`, the form compilers and swift-format use.
    public func diagnostic(path: String) -> String {
        if let line { "\(path):\(line): error: \(message)" } else { "\(path): error: \(message)" }
    }
}

/// What can go wrong converting decks to and from other tools' formats.
public enum InterchangeError: Error, Equatable, CustomStringConvertible {
    /// The input file has problems; all of them, in line order.
    case invalidInput([InputProblem])
    /// Output options that cannot produce a correct file.
    case badOption(String)

    public var description: String {
        switch self {
        case .invalidInput(let problems):
            problems.map(\.description).joined(separator: "\n")
        case .badOption(let message): message
        }
    }

    static func input(line: Int?, _ message: String) -> InterchangeError {
        .invalidInput([InputProblem(line: line, message)])
    }
}
