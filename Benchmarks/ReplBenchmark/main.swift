// Measures the time from pressing a rating to the next card on screen in a study session over
// a large deck: the durable answer (log line written and fsync'd), the next queue, the rating
// preview, and the front written to a terminal-like file descriptor.
//
//   swift build -c release --product ReplBenchmark
//   .build/release/ReplBenchmark [cards] [answers]
import Flashcards
import Foundation
import Storage
import Trainer

#if canImport(Glibc)
    import Glibc
#endif

let arguments = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let cardCount = arguments.first ?? 100_000
let answerCount = arguments.dropFirst().first ?? 300

/// Writes to /dev/null through write(2), as a terminal would be written to.
final class NullConsole: Console {
    let descriptor = open("/dev/null", O_WRONLY)
    var width: Int? { 100 }
    var colorEnabled: Bool { true }
    func write(_ text: String) {
        var text = text
        text.withUTF8 { _ = Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
    func writeError(_ text: String) { write(text) }
}

/// Answers every card: Enter to reveal, then a rating; notes when each rating is handed over
/// and when the session next asks for an answer (the next card is then on screen).
final class TimingReader: LineReader {
    var remaining: Int
    var ratedAt: UInt64?
    var samples: [Double] = []
    var ratings: [String] = ["3", "1", "3", "4", "2"]

    init(answers: Int) { remaining = answers }

    func readLine(prompt: String) -> String? {
        let now = DispatchTime.now().uptimeNanoseconds
        if prompt.hasPrefix("answer") {
            if let ratedAt { samples.append(Double(now - ratedAt) / 1e6) }
            ratedAt = nil
            return remaining > 0 ? "" : "q"
        }
        if prompt.hasPrefix("rate") {
            remaining -= 1
            let rating = ratings[remaining % ratings.count]
            ratedAt = DispatchTime.now().uptimeNanoseconds
            return rating
        }
        return ""  // "choose": Enter
    }
}

let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("recall-repl-bench-\(getpid())")
defer { try? FileManager.default.removeItem(at: root) }
let home = DataHome(root: root)
let name = try DeckName("big")
let cards = (0..<cardCount).map { i in
    Card(
        kind: .faq, front: "What is fact number \(i) of the collection?",
        back: "It is the answer numbered \(i), written out in a few words.",
        context: "A paragraph around fact \(i), as an article would have it.",
        section: ["Part \(i / 1000)", "Section \(i / 50)"])
}
try DeckStore(home: home).save(Deck(title: "Big deck", cards: cards), as: name)

let reader = TimingReader(answers: answerCount)
let library = StorageLibrary(home: home)
let context = ReplContext(reader: reader, console: NullConsole(), home: home, library: library, seed: 1)
let deck = try library.open(name, at: Date(), seed: 1)
// Let enough new cards in today that the session never runs dry.
deck.allowMoreNew(answerCount, at: Date())
let started = DispatchTime.now().uptimeNanoseconds
StudySession(deck: deck, context: context).run()
let total = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

let sorted = reader.samples.sorted()
func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
print("cards: \(cardCount), ratings timed: \(sorted.count), session: \(String(format: "%.2f", total)) s")
print(
    String(
        format: "rating → next card (ms): median %.2f · p90 %.2f · p99 %.2f · max %.2f", percentile(0.5),
        percentile(0.9), percentile(0.99), sorted.last ?? 0))
