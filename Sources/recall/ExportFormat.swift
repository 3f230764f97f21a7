import ArgumentParser
import Interchange

/// The formats `recall export` writes. Adding one is a case here and a branch in
/// `Export.render`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, tsv, anki, quizlet, gift, aiken

    /// Formats meant for spreadsheets: `--bom` and formula neutralization apply.
    var isSpreadsheet: Bool { self == .csv || self == .tsv }

    /// RFC 4180 asks for CRLF; the others are read by tools happy with LF.
    var defaultLineEnding: LineEnding { self == .csv ? .crlf : .lf }
}

/// The formats `recall import` reads.
enum ImportFormatOption: String, CaseIterable, ExpressibleByArgument {
    case auto, csv, tsv, anki

    var format: ImportFormat? { ImportFormat(rawValue: rawValue) }
}

extension LineEnding: ExpressibleByArgument {}
