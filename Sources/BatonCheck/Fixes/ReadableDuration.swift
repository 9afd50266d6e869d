/// Durations a fix writes into a design: rounded up to a number people write (`600ms`,
/// `1500ms`, `2s`), never down, so a derived timeout still covers what it was derived from.
enum ReadableDuration {
    /// Leading figures of a readable duration, times a power of ten milliseconds.
    static let steps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8]

    /// The smallest readable duration of at least `seconds` (1ms at least).
    static func roundingUp(_ seconds: Double) -> (seconds: Double, text: String) {
        let milliseconds = max(1, seconds * 1000)
        var scale = 1.0
        while scale * 10 <= milliseconds { scale *= 10 }
        // Below the first step of this decade's scale means the next decade starts it.
        let figure = steps.first { $0 * scale >= milliseconds * (1 - 1e-12) } ?? 10
        let rounded = (figure * scale).rounded()
        return (rounded / 1000, text(milliseconds: rounded))
    }

    /// The largest readable duration of at most `seconds`; nil below 1ms.
    static func roundingDown(_ seconds: Double) -> (seconds: Double, text: String)? {
        let milliseconds = seconds * 1000
        guard milliseconds >= 1, milliseconds.isFinite else { return nil }
        var scale = 1.0
        while scale * 10 <= milliseconds { scale *= 10 }
        let figure = steps.last { $0 * scale <= milliseconds * (1 + 1e-12) } ?? 1
        let rounded = (figure * scale).rounded()
        return (rounded / 1000, text(milliseconds: rounded))
    }

    /// `250ms`, `1500ms`, `2s`, `5m`: whole seconds as seconds, whole minutes past a minute as
    /// minutes, anything else in milliseconds.
    static func text(milliseconds: Double) -> String {
        let whole = Int(milliseconds)
        let text: FindingText
        if whole % 60_000 == 0, whole >= 120_000 {
            text = "\(whole / 60_000)m"
        } else if whole % 1000 == 0 {
            text = "\(whole / 1000)s"
        } else {
            text = "\(whole)ms"
        }
        return text.string
    }
}
