import BatonModel

/// How a simulation runs, beyond what the scenario says. The defaults suit every real design;
/// the limits only stop absurd inputs from running for ever or exhausting memory.
public struct SimulationOptions: Hashable, Sendable {
    /// The flow a load line without `flow` runs; nil means the file's default flow (its
    /// top-level steps), or its first flow when it has no top-level steps.
    public var defaultFlow: FlowID?
    /// Seconds per row of the time series; nil picks a round width giving at most 600 rows.
    public var interval: Double?
    /// Refuse a scenario whose load lines would start more runs than this (on average).
    public var maximumArrivals: Int
    /// Stop with an error after this many events and steps in one run.
    public var maximumEvents: Int
    /// Stop with an error after this many events and steps at one instant of simulated time.
    public var maximumEventsPerInstant: Int
    /// Stop with an error when more requests and messages than this are in flight at once.
    public var maximumInFlight: Int
    /// Recovery: goodput must be back to this share of its level before the trigger.
    public var recoveryThreshold: Double
    /// Recovery: seconds of goodput averaged to decide whether it is back (at least 5 intervals).
    public var recoveryWindow: Double
    /// Recovery: seconds before the trigger over which its normal level is measured.
    public var baselineWindow: Double

    public init(defaultFlow: FlowID? = nil, interval: Double? = nil,
                maximumArrivals: Int = 50_000_000, maximumEvents: Int = 1_000_000_000,
                maximumEventsPerInstant: Int = 10_000_000, maximumInFlight: Int = 10_000_000, recoveryThreshold: Double = 0.95,
                recoveryWindow: Double = 5, baselineWindow: Double = 60) {
        self.defaultFlow = defaultFlow
        self.interval = interval
        self.maximumArrivals = maximumArrivals
        self.maximumEvents = maximumEvents
        self.maximumEventsPerInstant = maximumEventsPerInstant
        self.maximumInFlight = maximumInFlight
        self.recoveryThreshold = recoveryThreshold
        self.recoveryWindow = recoveryWindow
        self.baselineWindow = baselineWindow
    }
}
