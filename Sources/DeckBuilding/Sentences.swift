/// Splits running text into sentences, well enough to take "the point in a sentence or two".
enum Sentences {
    /// Abbreviations that end in a period without ending a sentence (lower-case, no period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "prof", "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "e.g", "i.e",
        "eg", "ie", "no", "fig", "approx", "dept", "sra", "dra", "z.b", "bzw", "ca", "usw",
    ]

    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        let chars = Array(text)
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "。" || c == "！" || c == "？" {
                sentences.append(String(chars[start...i]))
                start = i + 1
            } else if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < chars.count, "\"”’»)".contains(chars[end]) { end += 1 }
                let atEnd = end >= chars.count
                if atEnd || (chars[end].isWhitespace && endsSentence(chars, dot: i, next: end)) {
                    let sentence = String(chars[start..<end]).trimmed
                    if !sentence.isEmpty { sentences.append(sentence) }
                    start = end
                    i = end
                    continue
                }
            }
            i += 1
        }
        if start < chars.count {
            let rest = String(chars[start...]).trimmed
            if !rest.isEmpty { sentences.append(rest) }
        }
        return sentences.map(\.trimmed).filter { !$0.isEmpty }
    }

    /// Whether the mark at `dot` ends a sentence: not after an abbreviation or an initial, and
    /// followed by something that can start one.
    private static func endsSentence(_ chars: [Character], dot: Int, next: Int) -> Bool {
        var j = next
        while j < chars.count, chars[j].isWhitespace { j += 1 }
        guard j < chars.count else { return true }
        let following = chars[j]
        if following.isLowercase { return false }
        guard chars[dot] == "." else { return true }
        var k = dot
        while k > 0, !chars[k - 1].isWhitespace { k -= 1 }
        let word = String(chars[k..<dot]).lowercased()
        if abbreviations.contains(word) { return false }
        // An initial ("J. Smith", "U.S. officials"): one letter before the period.
        if let lastPart = word.split(separator: ".").last, lastPart.count == 1, lastPart.first?.isLetter == true {
            return false
        }
        return true
    }

    /// The first sentence, and the second too when the first is short: a card's back.
    static func gist(of paragraph: String) -> String {
        let parts = split(paragraph)
        guard let first = parts.first else { return paragraph }
        if first.count < 100, parts.count > 1, first.count + parts[1].count < 320 {
            return first + " " + parts[1]
        }
        return first
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
