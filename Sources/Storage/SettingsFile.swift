import Foundation
import Scheduling

/// `Progress/<slug>/settings.json`: the deck's study settings; defaults when absent.
public enum SettingsFile {
    public static func load(_ path: String) throws(StorageError) -> DeckSettings {
        guard let bytes = try FileBytes.read(path) else { return .default }
        do {
            return try JSONDecoder().decode(DeckSettings.self, from: Data(bytes))
        } catch SchedulingError.newerFormat(let found, let supported) {
            throw .newerFormat(path: path, found: found, supported: supported)
        } catch {
            throw .corrupt(path: path, line: nil, detail: "bad settings: \(error)")
        }
    }

    /// Writes the settings atomically, pretty-printed with sorted keys for hand editing.
    public static func save(_ settings: DeckSettings, to path: String) throws(StorageError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard var data = try? encoder.encode(settings) else { preconditionFailure("settings not encodable") }
        data.append(0x0A)
        try AtomicFile.write(data, to: URL(fileURLWithPath: path))
    }
}
