/// Finds where each record of delimited text starts, and refuses malformed quoting.
///
/// CSV.swift parses fields but reports neither line numbers nor an unclosed quote (it reads to
/// the end of the file instead). This pass walks the same records with the same rules (a
/// field is quoted when it starts with `"`, `""` inside is a quote, CR, LF and CRLF end a
/// record) so that every row CSV.swift returns can be named by its line, and bad quoting is
/// an error rather than a silently merged card. It only looks; it never unquotes.
struct RecordScanner {
    struct Record: Equatable {
        /// The 1-based line the record starts on.
        var line: Int
        /// The record's first byte is `#` (Anki skips such lines as comments).
        var startsWithHash: Bool
    }

    var delimiter: UInt8

    func scan(_ bytes: some Collection<UInt8>, firstLine: Int = 1) throws(InterchangeError) -> [Record] {
        let bytes = Array(bytes)
        let quote: UInt8 = 0x22
        let cr: UInt8 = 0x0D
        let lf: UInt8 = 0x0A
        var records: [Record] = []
        var line = firstLine
        var i = 0
        var atRecordStart = true
        var atFieldStart = true
        while i < bytes.count {
            if atRecordStart {
                records.append(Record(line: line, startsWithHash: bytes[i] == 0x23))
                atRecordStart = false
            }
            let byte = bytes[i]
            if atFieldStart && byte == quote {
                let openedOn = line
                i += 1
                atFieldStart = false
                quoted: while true {
                    guard i < bytes.count else {
                        throw .input(
                            line: openedOn, "unbalanced quotes: the quoted field that starts here is never closed")
                    }
                    switch bytes[i] {
                    case quote:
                        if i + 1 < bytes.count && bytes[i + 1] == quote {
                            i += 2
                            continue quoted
                        }
                        i += 1
                        guard i < bytes.count else { break quoted }
                        if bytes[i] == delimiter {
                            i += 1
                            atFieldStart = true
                        } else if bytes[i] != cr && bytes[i] != lf {
                            throw .input(
                                line: line,
                                "unbalanced quotes: text after a closing quote (write a quote inside a quoted field as \"\")"
                            )
                        }
                        break quoted
                    case lf:
                        line += 1
                        i += 1
                    case cr:
                        line += 1
                        i += (i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                    default:
                        i += 1
                    }
                }
                continue
            }
            atFieldStart = false
            switch byte {
            case delimiter:
                atFieldStart = true
                i += 1
            case lf, cr:
                line += 1
                i += (byte == cr && i + 1 < bytes.count && bytes[i + 1] == lf) ? 2 : 1
                atRecordStart = true
                atFieldStart = true
            default:
                i += 1
            }
        }
        return records
    }
}
