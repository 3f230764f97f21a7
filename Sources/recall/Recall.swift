import ArgumentParser
import Foundation

@main
struct Recall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "Turn articles into flashcards, and remember them.",
        version: "0.1.0",
        subcommands: [
            Build.self, Review.self, Due.self, Doctor.self, QuizCommand.self, Export.self, Import.self,
            Optimize.self, Evaluate.self, ImportReviews.self, Drill.self, BenchStorage.self, Study.self, Stats.self,
        ]
    )

    @OptionGroup var homeOptions: HomeOptions

    /// With no subcommand, recall opens the REPL.
    func run() throws {
        let status = ReplLauncher.run(home: homeOptions.dataHome)
        if status != 0 { throw ExitCode(status) }
    }

    /// One exit policy for every command (STYLE.md): usage errors exit 64 with usage text,
    /// domain errors print `Error: …` to stderr and exit 1.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as RecallFailure {
            FileHandle.standardError.write(Data("Error: \(failure.message)\n".utf8))
            Foundation.exit(failure.code)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            if exitCode(for: error) == .success { exit(withError: error) }  // --help, --version
            if isParseError(error) {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(64)
            }
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Foundation.exit(1)
        }
    }

    private static func isParseError(_ error: Error) -> Bool {
        // ArgumentParser reports bad usage through its own error types; domain errors are ours.
        let name = String(reflecting: type(of: error))
        return name.hasPrefix("ArgumentParser.")
    }
}

/// A domain failure that has already been turned into the sentence the user reads.
struct RecallFailure: Error {
    var message: String
    var code: Int32 = 1
}
