import Foundation
import TestSupport
import Testing

struct QuizCommandTests {
    let home = TemporaryDirectory()

    init() throws {
        let deck = try Data(contentsOf: Paths.fixture("QuizzesTests", "geography.json"))
        try home.write("Decks/geography.json", deck)
    }

    func recall(_ arguments: [String], stdin: String? = nil) throws -> RecallProcess.Result {
        try RecallProcess.run(arguments + ["--home", home.path], stdin: stdin.map { Data($0.utf8) })
    }

    /// The responses the answer key gives, in order: a letter, t/f, or the typed answer.
    static func responses(fromMarkdownKey key: String) -> [String] {
        key.split(separator: "\n").compactMap { line -> String? in
            guard let dot = line.firstIndex(of: "."), Int(line[..<dot]) != nil else { return nil }
            let rest = line[line.index(dot, offsetBy: 2)...]
            if rest.hasPrefix("**True**") { return "t" }
            if rest.hasPrefix("**False**") { return "f" }
            if rest.hasPrefix("**") { return String(rest.dropFirst(2).prefix(1)) }
            // A typed answer, Markdown-escaped on the key.
            return String(rest).replacingOccurrences(of: #"\\(.)"#, with: "$1", options: .regularExpression)
        }
    }

    /// Each question's prompt and options, in order, from a sheet or a terminal transcript.
    static func questions(in text: String, promptPrefix: String, optionPrefix: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            if line.hasPrefix(promptPrefix) || line.hasPrefix(optionPrefix) { return String(line) }
            return nil
        }
    }

    @Test func printedSheetAgreesWithTheInteractiveQuiz() throws {
        let printed = try recall(["quiz", "geography", "--print", "--seed", "11", "--questions", "7"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let parts = printed.stdout.components(separatedBy: "\n---\n\n")
        #expect(parts.count == 2)
        let answers = Self.responses(fromMarkdownKey: parts[1])
        #expect(answers.count == 7)

        let taken = try recall(
            ["quiz", "geography", "--seed", "11", "--questions", "7", "--student", "Key Holder"],
            stdin: answers.joined(separator: "\n") + "\n")
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout.contains("Score: 7/7 (100%)"))

        // Same prompts and options in the same order: "**1.** prompt" / "- A. x" on the sheet,
        // "Question 1 of 7" then the prompt / "  A. x" in the terminal.
        let sheetOptions = parts[0].split(separator: "\n").filter { $0.hasPrefix("- ") }.map { $0.dropFirst(2) }
        let terminalOptions = taken.stdout.split(separator: "\n").filter {
            $0.range(of: #"^  [A-D]\. "#, options: .regularExpression) != nil
        }.map { $0.dropFirst(2) }
        #expect(sheetOptions.map { $0.replacingOccurrences(of: "\\", with: "") } == terminalOptions.map(String.init))
        let lines = taken.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let terminalPrompts = lines.indices.filter { lines[$0].hasPrefix("Question ") }.map { String(lines[$0 + 1]) }
        let sheetPrompts = parts[0].split(separator: "\n").filter { $0.hasPrefix("**") }.map {
            String($0.drop { $0 != " " }.dropFirst()).replacingOccurrences(of: "\\", with: "")
        }
        #expect(sheetPrompts == terminalPrompts)
    }

    @Test func printWritesTheSheetAndTheKeyAsSeparateFiles() throws {
        let out = home.url.appendingPathComponent("sheets/quiz.html").path
        try FileManager.default.createDirectory(
            atPath: home.url.appendingPathComponent("sheets").path, withIntermediateDirectories: true)
        let r = try recall(["quiz", "geography", "--print", "--seed", "5", "--format", "html", "--output", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        let sheet = try home.read("sheets/quiz.html")
        let key = try home.read("sheets/quiz-key.html")
        #expect(sheet.contains("Seed 5 · 10 questions"))
        #expect(!sheet.contains("answer key"))
        #expect(key.contains("answer key"))
        #expect(r.stderr.contains("quiz-key.html"))
    }

    @Test func resultsGiveTheGradebookAsTablesOrCSV() throws {
        for (student, answer) in [("Ann", "A"), ("Bo", "B")] {
            let script = Array(repeating: answer + "\nt\nParis", count: 10).joined(separator: "\n") + "\n"
            let r = try recall(
                ["quiz", "geography", "--seed", "3", "--mode", "choice", "--student", student], stdin: script)
            #expect(r.status == 0, "\(r.stderr)")
        }
        let csv = try recall(["quiz", "results", "geography", "--csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.components(separatedBy: "\r\n")
        #expect(rows[0] == "student,date,seed,score,total,percent,seconds,ending")
        #expect(rows[1].hasPrefix("Ann,") && rows[2].hasPrefix("Bo,"))
        #expect(rows[1].contains(",3,") && rows[1].hasSuffix(",completed"))
        #expect(rows[3] == "" && rows[4] == "card,question,asked,right,share")
        #expect(rows.count == 5 + 10 + 1)
        let table = try recall(["quiz", "results", "geography"])
        #expect(table.stdout.contains("Questions, hardest first"))
        #expect(table.stdout.contains("Ann"))
    }

    @Test func badUsageExits64AndDomainErrorsExit1() throws {
        #expect(try recall(["quiz", "geography", "--output", "x.md"]).status == 64)
        #expect(try recall(["quiz", "geography", "--time-limit", "soon"]).status == 64)
        #expect(try recall(["quiz", "geography", "--mode", "essay"]).status == 64)
        #expect(try recall(["quiz", "geography", "--print", "--exam"]).status == 64)
        let missing = try recall(["quiz", "nope", "--print"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("Error: no deck 'nope'"))
        #expect(try recall(["quiz", "results", "nope"]).status == 1)
        let help = try RecallProcess.run(["quiz", "--help"])
        #expect(help.stdout.contains("results") && help.stdout.contains("take"))
    }

    @Test func timeLimitsAreReadInTheUsualShapes() throws {
        let r = try recall(
            ["quiz", "geography", "--seed", "1", "--questions", "1", "--time-limit", "1:30", "--student", "Al"],
            stdin: "x\n")
        #expect(r.stdout.contains("Time limit: 1:30."))
        let minutes = try recall(
            ["quiz", "geography", "--seed", "1", "--questions", "1", "--time-limit", "2", "--student", "Al"],
            stdin: "x\n")
        #expect(minutes.stdout.contains("Time limit: 2:00."))
    }
}

extension QuizCommandTests {
    @Test func theSeededQuizCanBePrintedForAnLMS() throws {
        let gift = try recall(["quiz", "geography", "--print", "--seed", "42", "--format", "gift"])
        #expect(gift.status == 0, "\(gift.stderr)")
        #expect(gift.stdout.contains("::Q1 "))
        let aiken = try recall(["quiz", "geography", "--print", "--seed", "42", "--format", "aiken"])
        #expect(aiken.status == 0)
        #expect(aiken.stdout.contains("ANSWER: "))
        // Seed 42's typed question cannot be carried by Aiken, and says so.
        #expect(aiken.stderr.contains("Skipped card g08: question 8: typed questions cannot be written"))
    }
}
