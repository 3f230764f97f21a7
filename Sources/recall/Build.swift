import ArgumentParser

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Turn articles into a deck.")

    @OptionGroup var homeOptions: HomeOptions

    @Argument(help: "Article files, directories of them, or - for stdin.")
    var articles: [String]

    func run() throws {
        throw RecallFailure(message: "build is not implemented yet")
    }
}
