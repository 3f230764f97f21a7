import Foundation
import Trainer

/// Reads lines with Swift's `readLine()`: for scripts and pipes, where readline would echo the
/// prompt and input back to stdout (DESIGN.md), and until the readline reader is wired in.
final class PlainLineReader: LineReader {
    func readLine(prompt: String) -> String? {
        FileHandle.standardOutput.write(Data(prompt.utf8))
        return Swift.readLine(strippingNewline: true)
    }
}
