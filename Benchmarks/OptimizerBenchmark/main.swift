// Fits FSRS-6 parameters to a review log and prints the parameters, the fitting time and the
// held-out scores as JSON, for Benchmarks/optimizer.py to compare with the Rust fsrs crate.
//
//     OptimizerBenchmark LOG.csv [--evaluate w0,w1,…,w20]
//
// LOG.csv has the columns card,time_ms,rating. The held-out cards are ParameterFitting's own
// fixed fifth (CardHistory.isHeldOut); fitting uses the rest.
import Flashcards
import Foundation
import ParameterFitting
import Scheduling

struct Output: Encodable {
    var cards: Int
    var trainingCards: Int
    var seconds: Double
    var parameters: [Double]
    var heldOut: Evaluation
    var heldOutDefaults: Evaluation
    var heldOutOther: Evaluation?
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("OptimizerBenchmark: \(message)\n".utf8))
    exit(1)
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first else { fail("usage: OptimizerBenchmark LOG.csv [--evaluate w0,…,w20]") }
var other: [Double]?
if let flag = arguments.firstIndex(of: "--evaluate"), arguments.index(after: flag) < arguments.endIndex {
    other = arguments[arguments.index(after: flag)].split(separator: ",").compactMap { Double($0) }
}
guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { fail("cannot read \(path)") }
var byCard: [String: [HistoricalReview]] = [:]
var order: [String] = []
for line in text.split(separator: "\n").dropFirst() {
    let fields = line.split(separator: ",")
    guard fields.count >= 3, let ms = Double(fields[1]), let value = Int(fields[2]),
        let rating = Rating(rawValue: value)
    else { continue }
    let card = String(fields[0])
    if byCard[card] == nil { order.append(card) }
    byCard[card, default: []].append(HistoricalReview(rating: rating, time: Date(timeIntervalSince1970: ms / 1000)))
}
let histories = order.map { CardHistory(card: CardID($0), reviews: byCard[$0] ?? []) }
let training = histories.filter { !$0.isHeldOut }
let heldOut = histories.filter(\.isHeldOut)

let clock = ContinuousClock()
var parameters: [Double] = []
let elapsed = clock.measure {
    do { parameters = try ParameterFitter().fit(training) } catch { fail("\(error)") }
}
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
let defaults = SchedulerConfiguration.defaultParameters
let output = Output(
    cards: histories.count, trainingCards: training.count, seconds: seconds, parameters: parameters,
    heldOut: Evaluation(parameters: parameters, histories: heldOut),
    heldOutDefaults: Evaluation(parameters: defaults, histories: heldOut),
    heldOutOther: other.map { Evaluation(parameters: $0, histories: heldOut) })
let encoder = JSONEncoder()
encoder.outputFormatting = [.sortedKeys]
guard let json = try? encoder.encode(output) else { fail("cannot encode the result") }
print(String(decoding: json, as: UTF8.self))
