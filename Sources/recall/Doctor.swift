import ArgumentParser
import Foundation
import Storage

/// `recall doctor`: checks a data directory and reports, changing nothing.
struct Doctor: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check decks and progress files for damage.",
        discussion: "Prints one line per finding (path:line: severity: message); exits 1 on any error or warning.")

    @OptionGroup var homeOptions: HomeOptions

    func run() throws {
        let home = homeOptions.dataHome
        let findings = ProgressDoctor(home: home).check()
        for f in findings { print(f.description) }
        let problems = findings.filter { $0.severity != .note }.count
        if problems == 0 {
            print("\(home.root.path): ok")
        } else {
            throw RecallFailure(message: "\(problems) problem(s) found in \(home.root.path)")
        }
    }
}
