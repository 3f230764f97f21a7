/// The question sheet and answer key as one self-contained HTML page each.
///
/// Printing: `@page` sets margins that fit both A4 (210 × 297 mm) and Letter (8.5 × 11 in) and
/// leaves the paper size to the printer; nothing is wider than the narrower page; a question
/// never breaks across pages; the answer key starts on a new page when both are in one file.
enum HTMLSheet {
    static let style = """
        @page { size: auto; margin: 15mm 15mm 18mm 15mm; }
        html { font-family: "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.4; color: #000; }
        body { max-width: 170mm; margin: 0 auto; padding: 1em; }
        h1 { font-size: 16pt; margin: 0 0 0.2em; }
        .meta { color: #333; margin: 0 0 0.8em; }
        .student { margin: 0 0 1.2em; }
        .blank { display: inline-block; border-bottom: 1px solid #000; min-width: 50mm; }
        ol.questions { padding-left: 0; list-style: none; }
        .question { margin: 0 0 1em; padding: 0.4em 0; border-top: 1px solid #ccc; }
        .prompt { font-weight: bold; white-space: pre-wrap; overflow-wrap: anywhere; }
        .how { font-style: italic; color: #333; font-size: 9.5pt; margin: 0.2em 0; }
        ol.options { list-style: upper-alpha; margin: 0.3em 0 0 1.6em; padding: 0; }
        ol.options li, .proposed, .answer { white-space: pre-wrap; overflow-wrap: anywhere; }
        .proposed { border-left: 3px solid #999; padding-left: 0.6em; margin: 0.3em 0; }
        .line { border-bottom: 1px solid #000; height: 2em; width: 100%; }
        table.key { border-collapse: collapse; width: 100%; }
        table.key td, table.key th { border: 1px solid #999; padding: 0.2em 0.4em; vertical-align: top; text-align: left; }
        @media print {
          body { max-width: none; padding: 0; }
          .question, table.key tr { break-inside: avoid; page-break-inside: avoid; }
          .key { break-before: page; page-break-before: always; }
          a { color: inherit; text-decoration: none; }
        }
        """

    static func title(_ quiz: Quiz) -> String { quiz.deckTitle + ": quiz" }

    static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(style)
        </style>
        </head>
        <body>

        """ + body + "</body>\n</html>\n"
    }

    static func questionsBody(_ quiz: Quiz) -> String {
        var out = "<h1>\(escape(title(quiz)))</h1>\n"
        out += "<p class=\"meta\">\(escape(QuizSheet.subtitle(quiz)))</p>\n"
        out +=
            "<p class=\"student\">Name: <span class=\"blank\"></span> &nbsp; Date: <span class=\"blank\"></span></p>\n"
        out += "<ol class=\"questions\">\n"
        for question in quiz.questions {
            out += "<li class=\"question\" id=\"q\(question.number)\">\n"
            out += "<div class=\"prompt\">\(question.number). \(escape(question.prompt))</div>\n"
            out += "<p class=\"how\">\(escape(QuizSheet.instruction(question)))</p>\n"
            switch question.form {
            case .choice(let options, _):
                out += "<ol class=\"options\">\n"
                for option in options { out += "<li>\(escape(option))</li>\n" }
                out += "</ol>\n"
            case .truefalse(let proposed, _):
                out += "<div class=\"proposed\">\(escape(proposed))</div>\n"
                out += "<p>True &nbsp;/&nbsp; False</p>\n"
            case .typed:
                out += "<div class=\"line\"></div>\n"
            }
            out += "</li>\n"
        }
        return out + "</ol>\n"
    }

    static func keyBody(_ quiz: Quiz) -> String {
        var out = "<h1>\(escape(quiz.deckTitle + ": answer key"))</h1>\n"
        out += "<p class=\"meta\">\(escape(QuizSheet.subtitle(quiz)))</p>\n"
        out += "<table class=\"key\">\n<tr><th>#</th><th>Answer</th></tr>\n"
        for question in quiz.questions {
            let key = QuizSheet.keyLine(question)
            var cell = key.response.isEmpty ? "" : "<strong>\(escape(key.response))</strong>"
            if let answer = key.answer {
                cell += (cell.isEmpty ? "" : " ") + "<span class=\"answer\">\(escape(answer))</span>"
            }
            out += "<tr><td>\(question.number)</td><td>\(cell)</td></tr>\n"
        }
        return out + "</table>\n"
    }

    /// Escapes text for HTML element content and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(ch)
            }
        }
        return out
    }
}
