/// The line break between records.
public enum LineEnding: String, CaseIterable, Sendable {
    /// `\r\n`, as RFC 4180 and Excel expect.
    case crlf
    /// `\n`, as Unix tools expect.
    case lf

    public var text: String {
        switch self {
        case .crlf: "\r\n"
        case .lf: "\n"
        }
    }
}
