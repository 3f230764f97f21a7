import Flashcards

/// The card rules: what in an article becomes a card, and what does not (with the reason).
///
/// - Each FAQ pair is a card of kind `faq`: the question as written, the answer.
/// - Each section with text under its heading is a `keypoint`: the front asks about the heading
///   (with its parent for context), the back is the point in a sentence or two, the section's
///   text is the `context`. A heading with only sub-headings (or only questions) is a parent.
/// - Each `**Term**: explanation` list item is a `term` card; its section keeps its key point.
/// - The untitled introduction and closing make one card each at most.
/// - A section that restates an earlier one is merged into it; its heading becomes an alias.
struct CardMaker {
    /// - Parameter table: the word table near-duplicate detection counts in, reused from one
    ///   article to the next.
    func cards(for article: Article, table: SimilarityTable = SimilarityTable()) -> (
        cards: [Card], notes: [BuildNote]
    ) {
        var notes = article.notes
        var cards: [Card] = []
        let closing = closingIndex(article)
        var merge = MergeTracker(article: article, table: table)
        var seenFirstHeading = false

        for (index, section) in article.sections.enumerated() {
            let path = article.path(of: index)
            if let heading = section.heading {
                seenFirstHeading = true
                if section.hasText {
                    if let target = merge.duplicateTarget(of: index) {
                        let score = Int((target.score * 100).rounded())
                        notes.append(
                            BuildNote(
                                .merged, line: section.line,
                                "“\(heading)” restates “\(article.sections[target.index].heading ?? "")” (\(score)% similar); merged, heading kept as an alias"
                            ))
                        if let id = merge.cardID[target.index], let at = cards.firstIndex(where: { $0.id == id }) {
                            cards[at].aliases.append(heading)
                        }
                    } else {
                        let card = keyPoint(section, heading: heading, path: path, article: article)
                        merge.cardID[index] = card.id
                        cards.append(card)
                    }
                } else if article.hasChildren(index) || !section.faqs.isEmpty {
                    notes.append(BuildNote(.parent, line: section.line, "“\(heading)” only introduces what follows it"))
                } else {
                    notes.append(BuildNote(.skipped, line: section.line, "heading with no text under it “\(heading)”"))
                }
            } else if section.hasText {
                if !seenFirstHeading {
                    cards.append(untitled(section, front: introFront(article), article: article))
                } else if index == closing {
                    cards.append(untitled(section, front: closingFront(article), article: article))
                } else {
                    notes.append(
                        BuildNote(
                            .skipped, line: section.line,
                            "untitled text between sections (only the introduction and the closing make a card)"))
                }
            }
            for term in section.terms {
                cards.append(
                    Card(kind: .term, front: term.term, back: term.explanation, section: path))
            }
            for faq in section.faqs {
                cards.append(
                    Card(kind: .faq, front: faq.question, back: faq.answer.joined(separator: "\n\n"), section: path))
            }
        }
        return (cards, notes)
    }

    private func keyPoint(_ section: Section, heading: String, path: [String], article: Article) -> Card {
        let parent = section.parent.flatMap { article.sections[$0].heading }
        let front =
            if let parent { "What is the key point of “\(heading)” in “\(parent)”?" } else {
                "What is the key point of “\(heading)”?"
            }
        let text = Card.text(of: section)
        return Card(kind: .keypoint, front: front, back: text.back, context: text.context, section: path)
    }

    private func untitled(_ section: Section, front: String, article: Article) -> Card {
        let text = Card.text(of: section)
        return Card(kind: .keypoint, front: front, back: text.back, context: text.context, section: [])
    }

    private func introFront(_ article: Article) -> String {
        article.title.map { "What is “\($0)” about?" } ?? "What is the article about?"
    }

    private func closingFront(_ article: Article) -> String {
        article.title.map { "What does “\($0)” conclude?" } ?? "What does the article conclude?"
    }

    /// The last untitled section with text after the first heading: the closing.
    private func closingIndex(_ article: Article) -> Int? {
        guard let firstHeading = article.sections.firstIndex(where: { $0.heading != nil }) else { return nil }
        return article.sections.indices.last {
            $0 > firstHeading && article.sections[$0].heading == nil && article.sections[$0].hasText
        }
    }
}

extension Card {
    /// A key point's back and context from its section's text: the gist of its first
    /// paragraph, and the whole text when it says more than the back.
    fileprivate static func text(of section: Section) -> (back: String, context: String?) {
        guard let first = section.paragraphs.first else { return (items(of: section).joined(separator: "\n"), nil) }
        let back = Sentences.gist(of: first)
        // A lone paragraph is the whole text as it is (most sections): no joined copy.
        let whole =
            section.paragraphs.count == 1 && section.listItems.isEmpty && section.terms.isEmpty
            ? first : (section.paragraphs + items(of: section)).joined(separator: "\n\n")
        return (back, whole == back ? nil : whole)
    }

    /// A section's list items, then its terms as `term: explanation`.
    private static func items(of section: Section) -> [String] {
        section.listItems + section.terms.map { "\($0.term): \($0.explanation)" }
    }
}

/// Remembers which key-point sections were kept, to find the one a later section restates.
private struct MergeTracker {
    let article: Article
    let similarity: Similarity
    /// The words of every paragraph, list item and FAQ answer of the article, in one array,
    /// each text hashed once (`Similarity.hashes`).
    let words: [Similarity.Word]
    /// Each section's words, from its paragraphs and list items, in order with repeats: a
    /// range of `words`.
    let sectionWords: [Range<Int>]
    var signatures: [(index: Int, signature: Similarity.WordSet)] = []
    /// The id of the card each kept section made.
    var cardID: [CardID?]

    init(article: Article, table: SimilarityTable) {
        self.article = article
        var words: [Similarity.Word] = []
        // What `appendWordHashes` makes room for: half a word per byte of text.
        var room = 0
        for s in article.sections {
            for text in s.paragraphs { room += text.utf8.count / 2 + 1 }
            for text in s.listItems { room += text.utf8.count / 2 + 1 }
            for faq in s.faqs { for text in faq.answer { room += text.utf8.count / 2 + 1 } }
        }
        words.reserveCapacity(room)
        // What `Similarity` counts as a paragraph: each paragraph, and each FAQ answer whole.
        var paragraphs: [Range<Int>] = []
        var sectionWords: [Range<Int>] = []
        sectionWords.reserveCapacity(article.sections.count)
        for s in article.sections {
            let start = words.count
            for paragraph in s.paragraphs {
                let from = words.count
                FastText.appendWordHashes(in: paragraph, minimumLength: Similarity.minimumLength, to: &words)
                paragraphs.append(from..<words.count)
            }
            for item in s.listItems {
                FastText.appendWordHashes(in: item, minimumLength: Similarity.minimumLength, to: &words)
            }
            sectionWords.append(start..<words.count)
            // An answer's paragraphs one after another: the words of the paragraphs joined
            // with spaces, without joining them.
            for faq in s.faqs {
                let from = words.count
                for part in faq.answer {
                    FastText.appendWordHashes(in: part, minimumLength: Similarity.minimumLength, to: &words)
                }
                paragraphs.append(from..<words.count)
            }
        }
        self.words = words
        self.sectionWords = sectionWords
        cardID = Array(repeating: nil, count: article.sections.count)
        similarity = Similarity(words: words, paragraphs: paragraphs, table: table)
    }

    /// The earlier kept section this one restates, if any; otherwise records it as kept.
    mutating func duplicateTarget(of index: Int) -> (index: Int, score: Double)? {
        let signature = similarity.signature(ofWords: words[sectionWords[index]])
        var best: (index: Int, score: Double)?
        for kept in signatures {
            let score = Similarity.score(signature, kept.signature)
            if score >= Similarity.threshold, score > (best?.score ?? 0) { best = (kept.index, score) }
        }
        if best == nil { signatures.append((index, signature)) }
        return best
    }
}
