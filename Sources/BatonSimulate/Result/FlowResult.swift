import BatonModel

/// What happened to the runs of one flow.
///
/// Runs are counted by arrival: the figures cover the runs that arrived after the warm-up.
public struct FlowResult: Hashable, Sendable {
    public var flow: FlowID
    public var name: String
    /// Runs that arrived during the measured part.
    public var started: Figure
    /// Of those, runs whose steps all succeeded by the end of the scenario.
    public var succeeded: Figure
    /// Of those, runs that failed: a top-level step failed after its retries.
    public var failed: Figure
    /// Of those, runs still in progress at the end (waiting in a line, or on a hung call).
    public var unfinished: Figure
    /// Runs started per second of the measured part (the offered load, as drawn).
    public var offeredLoad: Figure
    /// Runs succeeded per second of the measured part.
    public var goodput: Figure
    /// succeeded ÷ started, 0…1; nil when no run started.
    public var successRatio: Figure?
    /// Seconds from arrival until the run's last step returned, over succeeded runs (what the
    /// user feels).
    public var responseTime: LatencySummary
    /// Seconds from arrival until everything the run caused (messages, callbacks and their
    /// handling, abandoned work) had settled, over succeeded runs.
    public var completionTime: LatencySummary

    public init(flow: FlowID, name: String, started: Figure, succeeded: Figure, failed: Figure, unfinished: Figure,
                offeredLoad: Figure, goodput: Figure, successRatio: Figure?, responseTime: LatencySummary,
                completionTime: LatencySummary) {
        self.flow = flow
        self.name = name
        self.started = started
        self.succeeded = succeeded
        self.failed = failed
        self.unfinished = unfinished
        self.offeredLoad = offeredLoad
        self.goodput = goodput
        self.successRatio = successRatio
        self.responseTime = responseTime
        self.completionTime = completionTime
    }
}

/// A distribution of durations, in seconds.
public struct LatencySummary: Hashable, Sendable {
    /// How many durations were measured.
    public var count: Figure
    /// nil when nothing was measured (likewise below).
    public var mean: Figure?
    /// Median, within 1%.
    public var p50: Figure?
    /// 95th percentile, within 1%.
    public var p95: Figure?
    /// 99th percentile, within 1%.
    public var p99: Figure?
    /// The longest, exact.
    public var max: Figure?
    /// Every duration measured, pooled over the replications: ask it for any other quantile.
    public var sketch: QuantileSketch

    public init(count: Figure, mean: Figure?, p50: Figure?, p95: Figure?, p99: Figure?, max: Figure?, sketch: QuantileSketch) {
        self.count = count
        self.mean = mean
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
        self.sketch = sketch
    }

    init(sketch: QuantileSketch) {
        self.init(count: Figure(Double(sketch.count)), mean: sketch.mean.map { Figure($0) },
                  p50: sketch.quantile(0.5).map { Figure($0) }, p95: sketch.quantile(0.95).map { Figure($0) },
                  p99: sketch.quantile(0.99).map { Figure($0) }, max: sketch.maximum.map { Figure($0) }, sketch: sketch)
    }

    /// A percentile (0…1): from the figures for p50, p95 and p99 (means over runs), else from the
    /// pooled sketch.
    public func percentile(_ q: Double) -> Double? {
        switch q {
        case 0.5: return p50?.value
        case 0.95: return p95?.value
        case 0.99: return p99?.value
        case 1: return max?.value
        default: return sketch.quantile(q)
        }
    }
}
