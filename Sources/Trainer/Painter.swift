@preconcurrency import Rainbow

/// The few styles recall uses, applied through Rainbow only when the console allows colour.
public struct Painter: Sendable {
    public let enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
        if enabled {
            // Rainbow decides from its own globals; the console has already decided for us
            // (terminal, NO_COLOR), so tell Rainbow to emit codes.
            Rainbow.outputTarget = .console
            Rainbow.enabled = true
        }
    }

    public init(console: Console) { self.init(enabled: console.colorEnabled) }

    public func bold(_ text: String) -> String { enabled ? text.bold : text }
    public func dim(_ text: String) -> String { enabled ? text.dim : text }
    public func accent(_ text: String) -> String { enabled ? text.cyan : text }
    public func good(_ text: String) -> String { enabled ? text.green : text }
    public func bad(_ text: String) -> String { enabled ? text.red : text }
    public func warn(_ text: String) -> String { enabled ? text.yellow : text }

    /// A block of the stats heatmap: shades of green by level 0–4 (0 is a dim dot).
    public func heat(_ level: Int) -> String {
        guard enabled else { return ["·", "░", "▒", "▓", "█"][max(0, min(4, level))] }
        let codes: [UInt8] = [236, 22, 28, 34, 46]
        return "■".bit8(codes[max(0, min(4, level))])
    }
}
