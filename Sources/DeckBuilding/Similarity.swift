/// How much two sections say the same thing, for merging the restated paragraphs of SEO articles.
///
/// Jaccard similarity of the sections' word sets, leaving out short words, common function
/// words, and the words most of the article uses (its topic words, whatever the language), so
/// what is compared is what each section says in particular. Measured on the seed article: the
/// restated pairs score 0.31 and 0.48, the nearest distinct pair 0.10.
struct Similarity {
    /// Sections at or above this score are near-duplicates.
    static let threshold = 0.22

    /// A word, as a 64-bit hash of its lower-cased UTF-8 (FNV-1a): sets of these are much
    /// cheaper than sets of strings, and a collision only nudges a score.
    typealias Word = UInt64

    private let common: Set<Word>

    /// Learns the article's common words from the word sets of all of its paragraphs.
    init(paragraphWords: [Set<Word>]) {
        var documentFrequency: [Word: Int] = [:]
        for words in paragraphWords {
            for word in words { documentFrequency[word, default: 0] += 1 }
        }
        let limit = max(3, Int((0.3 * Double(paragraphWords.count)).rounded(.up)))
        common = Set(documentFrequency.filter { $0.value >= limit }.keys).union(Similarity.functionWords)
    }

    /// The distinctive words among a text's words.
    func signature(_ words: Set<Word>) -> Set<Word> { words.subtracting(common) }

    /// Words that say nothing about a section's subject (English, Spanish, German, French).
    static let functionWords: Set<Word> = Set(
        [
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
        ].map { hash(Array($0.utf8)[...]) })

    static func score(_ a: Set<Word>, _ b: Set<Word>) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let shared = a.intersection(b).count
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The words of three or more letters in a text, lower-cased; punctuation splits words.
    static func words(_ text: String) -> Set<Word> {
        var words = Set<Word>()
        FastText.forEachWord(in: text) { if $0.count >= 3 { words.insert(hash($0)) } }
        return words
    }

    static func hash(_ bytes: some Collection<UInt8>) -> Word {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// The text's words in lower case, one space between them: a cheap fold for phrase search.
    static func fold(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        FastText.forEachWord(in: text) {
            if !out.isEmpty { out.append(0x20) }
            out.append(contentsOf: $0)
        }
        return out
    }
}
