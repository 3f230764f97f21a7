import Foundation

/// The formats `import` reads.
public enum ImportFormat: String, CaseIterable, Sendable {
    /// recall's CSV, or any comma-separated file with a header row.
    case csv
    /// The same with tabs.
    case tsv
    /// Anki's text format: `#key:value` header lines, then notes (an Anki "Notes in Plain Text"
    /// export, or recall's `anki` export).
    case anki

    /// Guesses the format: `#separator:` style header lines mean Anki; else the extension;
    /// else a tab in the first line means TSV.
    public static func detect(_ data: Data, fileName: String) -> ImportFormat {
        var bytes = data.prefix(4096)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let head = String(decoding: bytes, as: UTF8.self)
        let firstLine = head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first ?? ""
        if let key = AnkiImport.headerKey(of: firstLine), AnkiImport.knownKeys.contains(key) { return .anki }
        switch (fileName as NSString).pathExtension.lowercased() {
        case "csv": return .csv
        case "tsv", "tab": return .tsv
        default: return firstLine.contains("\t") ? .tsv : .csv
        }
    }
}
