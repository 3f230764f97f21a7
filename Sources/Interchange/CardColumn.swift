/// The columns of recall's own CSV and TSV, in the order `export` writes them.
public enum CardColumn: String, CaseIterable, Sendable {
    case id, front, back, kind, section, tags, context

    /// The header row `export` writes.
    public static let header: [String] = allCases.map(\.rawValue)

    /// Other names for the same columns, as other tools head them (Quizlet's term and
    /// definition, Anki's Front/Back/GUID), compared case-insensitively.
    static let aliases: [String: CardColumn] = [
        "question": .front, "term": .front, "answer": .back, "definition": .back,
        "guid": .id, "extra": .context, "deck section": .section,
    ]

    /// The column a header cell names, or nil when it names none.
    public init?(header: String) {
        let key = header.trimmingCharacters(in: .whitespaces).lowercased()
        if let column = CardColumn(rawValue: key) {
            self = column
        } else if let column = CardColumn.aliases[key] {
            self = column
        } else {
            return nil
        }
    }
}
