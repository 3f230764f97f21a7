import ArgumentParser
import Flashcards
import Foundation
import Storage

extension DeckName {
    /// A deck name from the command line; a bad one is a usage error.
    static func parse(_ text: String) throws -> DeckName {
        do { return try DeckName(text) } catch { throw ValidationError(error.description) }
    }
}

/// Runs a library call, turning its errors into the sentence the user reads (exit 1).
func failing<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as StorageError {
        throw RecallFailure(message: error.description)
    } catch let error as RecallFailure {
        throw error
    } catch {
        throw RecallFailure(message: "\(error)")
    }
}

enum StorageWarnings {
    /// Warnings go to stderr, one a line, so they never mix with data on stdout.
    static func print(_ warnings: [StorageWarning]) {
        for w in warnings {
            FileHandle.standardError.write(Data("\(TerminalSanitizer.inertLine(w.description))\n".utf8))
        }
    }
}
