import ArgumentParser
import Flashcards
import Foundation
import Quizzes
import Storage
import Trainer

struct QuizTakeCommand: ParsableCommand {
    /// What `--print` writes.
    enum PrintFormat: String, CaseIterable, ExpressibleByArgument {
        case markdown, html, gift, aiken
    }

    static let configuration = CommandConfiguration(
        commandName: "take",
        abstract: "Take a quiz in the terminal, or print it with --print (the default subcommand of quiz)."
    )

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "The deck's name (its file under Decks/ without .json).")
    var deck: String

    @Option(help: "How many questions (at most the deck's cards).")
    var questions: Int = QuizGenerator.defaultQuestionCount

    @Option(help: "mixed, choice, truefalse or typed.")
    var mode: QuizMode = .mixed

    @Option(help: "The seed: the same deck and seed give the same quiz everywhere (default: a random one).")
    var seed: UInt64?

    @Flag(help: "Show which answers were right only at the end.")
    var exam = false

    @Option(help: "Time allowed: 90s, 10m, 1h, 1:30 (minutes:seconds), or a number of minutes.")
    var timeLimit: String?

    @Option(help: "The student's name (asked for when missing).")
    var student: String?

    @Flag(name: .customLong("print"), help: "Write the question sheet and the answer key instead of asking.")
    var printSheet = false

    @Option(help: "With --print: markdown or html (sheet and key), or gift or aiken (this quiz for an LMS).")
    var format: PrintFormat = .markdown

    @Option(
        help: ArgumentHelp(
            "With --print: write the sheet to FILE and the key to FILE-key (default: both to stdout).",
            valueName: "FILE"))
    var output: String?

    func validate() throws {
        if questions < 1 { throw ValidationError("--questions must be at least 1 (got \(questions))") }
        if printSheet {
            if exam || timeLimit != nil || student != nil {
                throw ValidationError("--exam, --time-limit and --student are for taking a quiz, not with --print")
            }
        } else if output != nil {
            throw ValidationError("--output needs --print")
        }
        if let timeLimit, Self.seconds(timeLimit) == nil {
            throw ValidationError("--time-limit '\(timeLimit)' is not a duration such as 90s, 10m, 1:30 or 5")
        }
    }

    func run() throws {
        let home = homeOptions.dataHome
        let name: DeckName
        do { name = try DeckName(deck) } catch { throw RecallFailure(message: error.description) }
        let loaded: Deck
        do { loaded = try DeckStore(home: home).load(name) } catch { throw RecallFailure(message: error.description) }
        let seed = seed ?? UInt64.random(in: 1...999_999)
        let quiz: Quiz
        do {
            quiz = try QuizGenerator(mode: mode, questionCount: questions, seed: seed).generate(from: loaded)
        } catch { throw RecallFailure(message: error.description) }

        if printSheet {
            try writeSheet(quiz)
            return
        }
        let options = QuizSessionOptions(exam: exam, timeLimit: timeLimit.flatMap(Self.seconds), student: student)
        let session = QuizSession(
            quiz: quiz, deck: name.slug, options: options, reader: PlainLineReader(), console: StandardConsole(),
            store: QuizResultStore(home: home))
        do { try session.run() } catch { throw RecallFailure(message: error.description) }
    }

    private func writeSheet(_ quiz: Quiz) throws {
        let stderr = FileHandle.standardError
        for note in quiz.notes { stderr.write(Data("Note: \(TerminalSanitizer.inertLine(note))\n".utf8)) }
        let sheetFormat: QuizSheet.Format
        switch format {
        case .markdown: sheetFormat = .markdown
        case .html: sheetFormat = .html
        case .gift: return try writeExchange(GIFTFormat.render(quiz))
        case .aiken: return try writeExchange(AikenFormat.render(quiz))
        }
        let sheet = QuizSheet(quiz: quiz, format: sheetFormat)
        guard let output else {
            FileHandle.standardOutput.write(Data(sheet.combined.utf8))
            return
        }
        var sheetURL = URL(fileURLWithPath: output)
        if sheetURL.pathExtension.isEmpty { sheetURL.appendPathExtension(sheetFormat.fileExtension) }
        // quiz.html → quiz-key.html, beside it.
        let keyName = sheetURL.deletingPathExtension().lastPathComponent + "-key." + sheetURL.pathExtension
        let keyFile = sheetURL.deletingLastPathComponent().appendingPathComponent(keyName)
        do {
            try Data(sheet.questions.utf8).write(to: sheetURL, options: .atomic)
            try Data(sheet.answerKey.utf8).write(to: keyFile, options: .atomic)
        } catch {
            throw RecallFailure(message: "cannot write the sheet: \(error.localizedDescription)")
        }
        stderr.write(Data("Wrote \(sheetURL.path) and the answer key \(keyFile.path) (seed \(quiz.seed)).\n".utf8))
    }

    /// A GIFT or Aiken file of the quiz: to `--output` or stdout; what it could not carry, to stderr.
    private func writeExchange(_ rendering: FormatRendering) throws {
        for skipped in rendering.skipped {
            FileHandle.standardError.write(Data("Skipped \(TerminalSanitizer.inertLine(skipped.description))\n".utf8))
        }
        guard let output else {
            FileHandle.standardOutput.write(Data(rendering.text.utf8))
            return
        }
        do { try Data(rendering.text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic) } catch {
            throw RecallFailure(message: "cannot write \(output): \(error.localizedDescription)")
        }
    }

    /// Seconds in `90s`, `10m`, `1h`, `1:30`, or a bare number of minutes; nil when not a
    /// positive duration.
    static func seconds(_ text: String) -> TimeInterval? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        var value: Double?
        if let colon = t.firstIndex(of: ":") {
            if let m = Int(t[..<colon]), let s = Int(t[t.index(after: colon)...]), m >= 0, (0..<60).contains(s) {
                value = Double(m * 60 + s)
            }
        } else if let last = t.last, let unit = ["s": 1.0, "m": 60, "h": 3600][String(last)] {
            value = Double(t.dropLast()).map { $0 * unit }
        } else {
            value = Double(t).map { $0 * 60 }
        }
        guard let value, value.isFinite, value > 0 else { return nil }
        return value
    }
}
