/// How much two sections say the same thing, for merging the restated paragraphs of SEO articles.
///
/// Jaccard similarity of the sections' word sets, leaving out short words, common function
/// words, and the words most of the article uses (its topic words, whatever the language), so
/// what is compared is what each section says in particular. Measured on the seed article: the
/// restated pairs score 0.31 and 0.48, the nearest distinct pair 0.10.
struct Similarity {
    /// Sections at or above this score are near-duplicates.
    static let threshold = 0.22

    private let common: Set<String>

    /// Learns the article's common words from all of its paragraphs.
    init(paragraphs: [String]) {
        var documentFrequency: [String: Int] = [:]
        for p in paragraphs {
            for word in Similarity.words(p) { documentFrequency[word, default: 0] += 1 }
        }
        let limit = max(3, Int((0.3 * Double(paragraphs.count)).rounded(.up)))
        common = Set(documentFrequency.filter { $0.value >= limit }.keys)
    }

    /// The distinctive words of a text.
    func signature(_ text: String) -> Set<String> {
        Similarity.words(text).subtracting(common).subtracting(Similarity.functionWords)
    }

    /// Words that say nothing about a section's subject (English, Spanish, German, French).
    static let functionWords: Set<String> = [
        "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our",
        "out", "has", "his", "how", "its", "may", "new", "now", "own", "who", "did", "get", "than", "that", "this",
        "with", "from", "have", "more", "most", "other", "some", "such", "into", "over", "also", "only", "very",
        "when", "what", "which", "while", "will", "would", "could", "should", "there", "their", "they", "them",
        "then", "these", "those", "been", "being", "were", "does", "each", "about", "after", "before", "because",
        "between", "both", "through", "under", "where", "your", "many", "much", "well", "just", "even", "still",
        "los", "las", "del", "por", "para", "con", "una", "uno", "que", "como", "más", "pero", "sus", "este",
        "esta", "entre", "sin", "sobre", "también", "der", "die", "das", "und", "den", "dem", "des", "ein",
        "eine", "einen", "mit", "von", "für", "ist", "sind", "auch", "nicht", "sich", "les", "une", "est",
        "dans", "pour", "par", "sur", "avec", "qui", "pas", "plus", "aux", "ses", "son",
    ]

    static func score(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// Lower-case words of three or more letters; apostrophes and punctuation split words.
    static func words(_ text: String) -> Set<String> {
        var words = Set<String>()
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 3 { words.insert(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let v = scalar.value
                if (0x61...0x7A).contains(v) || (0x30...0x39).contains(v) {
                    current.append(scalar)
                } else if (0x41...0x5A).contains(v) {
                    current.append(Unicode.Scalar(v + 32) ?? scalar)
                } else {
                    flush()
                }
            } else if scalar.properties.isAlphabetic {
                if scalar.properties.changesWhenLowercased {
                    current.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    current.append(scalar)
                }
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
