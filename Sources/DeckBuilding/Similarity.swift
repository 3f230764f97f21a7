/// How much two sections say the same thing, for merging the restated paragraphs of SEO articles.
///
/// Jaccard similarity of the sections' word sets, leaving out short words, common function
/// words, and the words most of the article uses (its topic words, whatever the language), so
/// what is compared is what each section says in particular. Measured on the seed article: the
/// restated pairs score 0.31 and 0.48, the nearest distinct pair 0.10.
struct Similarity {
    /// Sections at or above this score are near-duplicates.
    static let threshold = 0.22

    /// A word, as a 64-bit hash of its lower-cased UTF-8 (FNV-1a): a collision only nudges a
    /// score.
    typealias Word = UInt64
    /// A set of words as a sorted array without repeats: cheaper to build and compare than a
    /// hashed set for the hundred-odd words of a section.
    typealias WordSet = [Word]

    /// How many paragraphs hold each word (`SimilarityTable`); function words count as
    /// `Int32.max`, so a word is common when it counts `limit`.
    private let table: SimilarityTable
    private let limit: Int32

    /// Learns the article's common words from the words of all of its paragraphs (a word may
    /// repeat within a paragraph; it counts once there). The counts go into `table`, cleared
    /// first: a build passes one table for all of its articles, so its memory is reused.
    init(paragraphWords: [[Word]], table: SimilarityTable = SimilarityTable()) {
        var words: [Word] = []
        var paragraphs: [Range<Int>] = []
        for p in paragraphWords {
            paragraphs.append(words.count..<(words.count + p.count))
            words += p
        }
        self.init(words: words, paragraphs: paragraphs, table: table)
    }

    /// `init(paragraphWords:table:)` with every paragraph's words in one array: paragraph `i`
    /// is `words[paragraphs[i]]`.
    init(words: [Word], paragraphs: [Range<Int>], table: SimilarityTable) {
        let limit = max(3, Int((0.3 * Double(paragraphs.count)).rounded(.up)))
        let total = paragraphs.reduce(0) { $0 + $1.count }
        var capacity = 16
        while capacity < (total + Similarity.functionWords.count) * 3 / 2 { capacity <<= 1 }
        table.clear(capacity: capacity)
        let keys = table.keys
        let counts = table.counts
        // `seenIn` stamps the paragraph that last counted a word, so a repeat within a
        // paragraph is not counted.
        let seenIn = table.seenIn
        let limit32 = Int32(clamping: limit)
        words.withUnsafeBufferPointer { words in
            for (paragraph, range) in paragraphs.enumerated() {
                let stamp = Int32(truncatingIfNeeded: paragraph)
                for w in words[range] {
                    // No branch on "seen in this paragraph" or "new word": both are taken
                    // at random, and their mispredictions were most of this loop's time.
                    let slot = table.slot(of: w)
                    counts[slot] &+= Int32(truncatingIfNeeded: Similarity.bit(seenIn[slot] != stamp))
                    seenIn[slot] = stamp
                    keys[slot] = w
                }
            }
        }
        for w in Similarity.functionWords {
            let slot = table.slot(of: w)
            keys[slot] = w
            counts[slot] = Int32.max
        }
        self.table = table
        self.limit = limit32
    }

    /// Whether a word is one of the article's common words or a function word.
    @inline(__always)
    private func isCommon(_ w: Word) -> Bool {
        let slot = table.slot(of: w)
        return Similarity.bit(table.counts[slot] >= limit) & Similarity.bit(table.keys[slot] == w) != 0
    }

    /// `signature(set(words))` for words in any order with repeats: the common words are
    /// looked up and left out first, so only the distinctive ones are sorted.
    func signature(ofWords words: ArraySlice<Word>) -> WordSet {
        // Each word is stored, and kept (`count` moves on) only when it is not common: no
        // branch on a coin toss.
        var out = WordSet(unsafeUninitializedCapacity: words.count) { out, count in
            var n = 0
            for w in words {
                out[n] = w
                n &+= Int(truncatingIfNeeded: Similarity.bit(!isCommon(w)))
            }
            count = n
        }
        Similarity.formSet(&out)
        return out
    }

    /// 1 for true, 0 for false.
    @inline(__always)
    static func bit(_ b: Bool) -> UInt64 { UInt64(unsafeBitCast(b, to: UInt8.self)) }

    func signature(ofWords words: [Word]) -> WordSet { signature(ofWords: words[...]) }

    /// The distinctive words among a text's words.
    func signature(_ words: WordSet) -> WordSet { words.filter { !isCommon($0) } }

    /// Sorted, without repeats.
    static func set(_ words: [Word]) -> WordSet {
        var sorted = words
        formSet(&sorted)
        return sorted
    }

    /// Sorts the words and drops repeats, in place.
    static func formSet(_ sorted: inout [Word]) {
        sort(&sorted)
        var write = 0
        for read in sorted.indices where write == 0 || sorted[read] != sorted[write - 1] {
            sorted[write] = sorted[read]
            write += 1
        }
        sorted.removeLast(sorted.count - write)
    }

    /// Words that say nothing about a section's subject (English, Spanish, German, French).
    static let functionWords: WordSet = set(
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

    /// Jaccard similarity of two word sets.
    static func score(_ a: WordSet, _ b: WordSet) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var shared = 0
        var i = 0
        var j = 0
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                // Each step moves past the smaller word (both when equal) without a branch on
                // which: that one was mispredicted at random.
                while i < a.count && j < b.count {
                    let x = a[i]
                    let y = b[j]
                    shared &+= Int(truncatingIfNeeded: bit(x == y))
                    i &+= Int(truncatingIfNeeded: bit(x <= y))
                    j &+= Int(truncatingIfNeeded: bit(y <= x))
                }
            }
        }
        return Double(shared) / Double(a.count + b.count - shared)
    }

    /// The hashes of the words of three or more letters in a text, in order, repeats kept.
    static func hashes(_ text: String) -> [Word] { FastText.wordHashes(in: text, minimumLength: minimumLength) }

    /// Words shorter than this many bytes are left out.
    static let minimumLength = 3

    /// Sorts words in place: an unstable quicksort, which for plain integers gives the same
    /// order as the standard library's stable sort at a fraction of its cost.
    static func sort(_ words: inout [Word]) {
        words.withUnsafeMutableBufferPointer { b in
            guard b.count > 1 else { return }
            var stack: [(Int, Int)] = [(0, b.count - 1)]
            while let (low, high) = stack.popLast() {
                var lo = low
                var hi = high
                while hi - lo > 16 {
                    let mid = lo + (hi - lo) / 2
                    if b[mid] < b[lo] { b.swapAt(mid, lo) }
                    if b[hi] < b[lo] { b.swapAt(hi, lo) }
                    if b[hi] < b[mid] { b.swapAt(hi, mid) }
                    let pivot = b[mid]
                    var i = lo
                    var j = hi
                    while i <= j {
                        while b[i] < pivot { i += 1 }
                        while pivot < b[j] { j -= 1 }
                        if i <= j {
                            b.swapAt(i, j)
                            i += 1
                            j -= 1
                        }
                    }
                    // Keep the smaller side for later, so the stack stays logarithmic.
                    if j - lo < hi - i {
                        if lo < j { stack.append((lo, j)) }
                        lo = i
                    } else {
                        if i < hi { stack.append((i, hi)) }
                        hi = j
                    }
                }
                if lo < hi {
                    for k in (lo + 1)...hi {
                        let v = b[k]
                        var m = k - 1
                        while m >= lo && v < b[m] {
                            b[m + 1] = b[m]
                            m -= 1
                        }
                        b[m + 1] = v
                    }
                }
            }
        }
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

/// The open-addressing word table `Similarity` counts an article's words in (`counts` 0: a
/// free slot), kept from one article to the next: its memory grows to the largest article's
/// and is cleared, not freed, so each article no longer faults in a fresh zeroed table. Only
/// the first `capacity` slots are in use; an article's table is valid until the next `clear`.
final class SimilarityTable {
    private(set) var keys: UnsafeMutablePointer<Similarity.Word>
    private(set) var counts: UnsafeMutablePointer<Int32>
    private(set) var seenIn: UnsafeMutablePointer<Int32>
    private(set) var capacity = 0
    private var allocated = 0

    init() {
        keys = .allocate(capacity: 0)
        counts = .allocate(capacity: 0)
        seenIn = .allocate(capacity: 0)
    }

    deinit {
        keys.deallocate()
        counts.deallocate()
        seenIn.deallocate()
    }

    /// Empties the first `capacity` slots (a power of two) for a new article.
    func clear(capacity: Int) {
        if capacity > allocated {
            keys.deallocate()
            counts.deallocate()
            seenIn.deallocate()
            keys = .allocate(capacity: capacity)
            counts = .allocate(capacity: capacity)
            seenIn = .allocate(capacity: capacity)
            allocated = capacity
        }
        // A key is read only where its count is not 0, so keys need no clearing.
        counts.initialize(repeating: 0, count: capacity)
        seenIn.initialize(repeating: -1, count: capacity)
        self.capacity = capacity
    }

    /// The slot that holds `w`, or the free slot where it goes (linear probing).
    ///
    /// One branch per slot, taken only on a collision: the probe ends where the key is `w` or
    /// the slot is free, which is where `min` of the two is 0 (a free slot whose stale key is
    /// `w` ends it either way). A branch on "free or not" was taken at random.
    @inline(__always)
    func slot(of w: Similarity.Word) -> Int {
        let mask = capacity - 1
        var slot = Int(truncatingIfNeeded: (w &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
        while min(keys[slot] ^ w, UInt64(UInt32(bitPattern: counts[slot]))) != 0 { slot = (slot + 1) & mask }
        return slot
    }
}
