import Flashcards

@testable import DeckBuilding

// `CardMaker` as it was before the sixth round of fast paths (a joined copy of every section's
// text, the gist made of whole sentence strings, an array of word hashes per paragraph and
// section), kept as the reference the new code is compared with (`CardFastPathTests`).

extension ReferenceCardMaker {
    /// `Sentences.gist` as it was: whole sentence strings, the abbreviations looked up as
    /// lower-cased strings.
    static func gist(of paragraph: String) -> String {
        let parts = Sentences.split(paragraph, limit: 3, keepRest: false, asciiFastPath: false)
        guard let first = parts.first else { return paragraph }
        let firstCount = first.count
        if firstCount < 100, parts.count > 1, firstCount + parts[1].count < 320 {
            return first + " " + parts[1]
        }
        return first
    }
}

struct ReferenceCardMaker {
    /// - Parameter table: the word table near-duplicate detection counts in, reused from one
    ///   article to the next.
    func cards(for article: Article, table: SimilarityTable = SimilarityTable()) -> (
        cards: [Card], notes: [BuildNote]
    ) {
        var notes = article.notes
        var cards: [Card] = []
        let closing = closingIndex(article)
        var merge = ReferenceMergeTracker(article: article, table: table)
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
                        if let at = cards.firstIndex(where: { $0.id == merge.cardID[target.index] }) {
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
        return Card(kind: .keypoint, front: front, back: "", section: path).referenceWithText(of: section)
    }

    private func untitled(_ section: Section, front: String, article: Article) -> Card {
        Card(kind: .keypoint, front: front, back: "", section: []).referenceWithText(of: section)
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
    /// Fills back and context from a section's text: the gist of its first paragraph, and the
    /// whole text when it says more than the back.
    fileprivate func referenceWithText(of section: Section) -> Card {
        var card = self
        let items = section.listItems + section.terms.map { "\($0.term): \($0.explanation)" }
        if let first = section.paragraphs.first {
            card.back = ReferenceCardMaker.gist(of: first)
            let whole = (section.paragraphs + items).joined(separator: "\n\n")
            card.context = whole == card.back ? nil : whole
        } else {
            card.back = items.joined(separator: "\n")
        }
        return card
    }
}

/// Remembers which key-point sections were kept, to find the one a later section restates.
private struct ReferenceMergeTracker {
    let article: Article
    let similarity: Similarity
    /// Each section's words, from its paragraphs and list items, in order with repeats; each
    /// paragraph is read once.
    let sectionWords: [[Similarity.Word]]
    var signatures: [(index: Int, signature: Similarity.WordSet)] = []
    var cardID: [Int: CardID] = [:]

    init(article: Article, table: SimilarityTable) {
        self.article = article
        var paragraphWords: [[Similarity.Word]] = []
        var sectionWords: [[Similarity.Word]] = []
        for s in article.sections {
            var words: [Similarity.Word] = []
            for paragraph in s.paragraphs {
                let hashes = Similarity.hashes(paragraph)
                words += hashes
                paragraphWords.append(hashes)
            }
            for item in s.listItems { words += Similarity.hashes(item) }
            paragraphWords += s.faqs.map { Similarity.hashes($0.answer.joined(separator: " ")) }
            sectionWords.append(words)
        }
        self.sectionWords = sectionWords
        similarity = Similarity(paragraphWords: paragraphWords, table: table)
    }

    /// The earlier kept section this one restates, if any; otherwise records it as kept.
    mutating func duplicateTarget(of index: Int) -> (index: Int, score: Double)? {
        let signature = similarity.signature(ofWords: sectionWords[index])
        var best: (index: Int, score: Double)?
        for kept in signatures {
            let score = Similarity.score(signature, kept.signature)
            if score >= Similarity.threshold, score > (best?.score ?? 0) { best = (kept.index, score) }
        }
        if best == nil { signatures.append((index, signature)) }
        return best
    }
}

extension CardID {
    /// `derived(kind:question:)` as it was first written, on `String`s: the SHA-256 of the kind,
    /// a unit separator and the question's match key, its first six bytes in hex. The reference
    /// the byte-buffer version is tested against.
    static func derivedReference(kind: CardKind, question: String) -> CardID {
        let key = kind.rawValue + "\u{1F}" + TextNormalizer.matchKey(question)
        return CardID(String(ContentDigest.sha256Hex(Array(key.utf8)).prefix(12)))
    }
}
