/// Cuts the scenario into equal statistics intervals (the time series' rows).
///
/// The width is a round number (1, 2 or 5 × a power of ten seconds) giving at most
/// `maximumIntervals` rows, so a ten-minute scenario is reported second by second and memory
/// stays bounded however long the scenario is.
struct IntervalClock: Sendable {
    static let maximumIntervals = 600

    /// Seconds per interval.
    let width: Double
    /// Number of intervals; the last may be shorter than `width`.
    let count: Int
    let duration: Double
    let warmup: Double

    init(duration: Double, warmup: Double, width requested: Double? = nil) {
        self.duration = duration
        self.warmup = warmup
        var width = requested ?? Self.roundWidth(duration / Double(Self.maximumIntervals))
        if !(width > 0) || duration / width > Double(Self.maximumIntervals * 10) {
            width = Self.roundWidth(duration / Double(Self.maximumIntervals))
        }
        self.width = width
        self.count = Swift.max(1, Int((duration / width).rounded(.up)))
    }

    /// The smallest of 1, 2 or 5 × 10^k that is at least `raw`.
    static func roundWidth(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        var power = 1e-6
        while power * 10 <= raw { power *= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where power * step >= raw * (1 - 1e-12) {
            return power * step
        }
        return power * 10
    }

    @inline(__always)
    func index(_ time: Double) -> Int {
        let raw = Int(time / width)
        return raw < 0 ? 0 : (raw >= count ? count - 1 : raw)
    }

    func start(_ index: Int) -> Double { Double(index) * width }
    func end(_ index: Int) -> Double { Swift.min(duration, Double(index + 1) * width) }
    /// The interval's length in seconds (the last one may be cut short by the duration).
    func length(_ index: Int) -> Double { Swift.max(0, end(index) - start(index)) }
}
