import Foundation
import Trainer

/// The process's stdout and stderr as a `Console`. Writes go straight to the file descriptors,
/// unbuffered, so a prompt is on screen before input is read.
final class StandardConsole: Console {
    func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    func writeError(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
    var width: Int? { nil }
    var colorEnabled: Bool { false }
}
