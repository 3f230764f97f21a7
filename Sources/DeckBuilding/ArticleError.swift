/// Why an article could not be read; each description is the line a user reads, naming the file.
public enum ArticleError: Error, Equatable, CustomStringConvertible {
    case missing(path: String)
    case unreadable(path: String, detail: String)
    case empty(path: String)
    case binary(path: String, offset: Int)
    case utf16(path: String)
    case invalidUTF8(path: String, offset: Int)
    case tooLarge(path: String, limit: Int)
    case nothingToExtract(path: String)
    case noArticles(directory: String)

    public var description: String {
        switch self {
        case .missing(let path): "\(path): no such file or directory"
        case .unreadable(let path, let detail): "\(path): cannot read: \(detail)"
        case .empty(let path): "\(path): the file is empty"
        case .binary(let path, let offset):
            "\(path): not a text file (NUL byte at byte offset \(offset))"
        case .utf16(let path): "\(path): UTF-16 text; save the article as UTF-8"
        case .invalidUTF8(let path, let offset): "\(path): invalid UTF-8 at byte offset \(offset)"
        case .tooLarge(let path, let limit):
            "\(path): larger than the \(limit / 1_048_576) MiB limit for one article"
        case .nothingToExtract(let path):
            "\(path): nothing to extract (no section with text under a heading, no question with an answer)"
        case .noArticles(let directory):
            "\(directory): no articles in this directory (.txt, .md, .markdown, .html, .htm)"
        }
    }
}
