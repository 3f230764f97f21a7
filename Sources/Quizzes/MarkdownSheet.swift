/// The question sheet and answer key as Markdown; card text is escaped so it prints as written.
enum MarkdownSheet {
    static func questions(_ quiz: Quiz) -> String {
        var out = "# \(escape(quiz.deckTitle)): quiz\n\n"
        out += "\(QuizSheet.subtitle(quiz))\n\n"
        out += "Name: ______________________  Date: ____________\n"
        for question in quiz.questions {
            out += "\n**\(question.number).** \(block(question.prompt, indent: 0))\n\n"
            out += "*\(QuizSheet.instruction(question))*\n\n"
            switch question.form {
            case .choice(let options, _):
                for (i, option) in options.enumerated() {
                    out += "- \(QuizQuestion.letter(i)). \(block(option, indent: 2))\n"
                }
            case .truefalse(let proposed, _):
                out += "> \(block(proposed, indent: 0, prefix: "> "))\n\n"
                out += "True / False\n"
            case .typed:
                out += "Answer: ________________________________________\n"
            }
        }
        return out
    }

    static func answerKey(_ quiz: Quiz) -> String {
        var out = "# \(escape(quiz.deckTitle)): answer key\n\n"
        out += "\(QuizSheet.subtitle(quiz))\n\n"
        for question in quiz.questions {
            let key = QuizSheet.keyLine(question)
            var line = "\(question.number). "
            if !key.response.isEmpty { line += "**\(key.response)**" }
            if let answer = key.answer {
                if !key.response.isEmpty { line += " " }
                line += block(answer, indent: 3)
            }
            out += line + "\n"
        }
        return out
    }

    /// Escaped text whose line breaks stay inside the list item or quote they belong to.
    static func block(_ text: String, indent: Int, prefix: String? = nil) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }
        let joiner = "  \n" + (prefix ?? String(repeating: " ", count: indent))
        return lines.joined(separator: joiner)
    }

    /// Backslash-escapes what Markdown could read as syntax in one line: inline markup anywhere,
    /// and list, heading or rule markers at the start of the line.
    static func escape(_ line: String) -> String {
        var out = ""
        for ch in line {
            if "\\`*_{}[]<>#|~&!".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        if let first = out.first, "-+=".contains(first) { out.insert("\\", at: out.startIndex) }
        let digits = out.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, let next = out.dropFirst(digits.count).first, next == "." || next == ")" {
            out.insert("\\", at: out.index(out.startIndex, offsetBy: digits.count))
        }
        return out
    }
}
