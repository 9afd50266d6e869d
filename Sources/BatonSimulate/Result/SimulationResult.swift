import BatonModel

/// What one simulation (or the merge of several replications) measured.
///
/// Conventions everywhere: times in seconds, rates per second, shares as fractions in 0…1,
/// counts as plain numbers. Figures describe the *measured* part of the scenario (after the
/// warm-up) unless their documentation says otherwise; channel accounting and the time series
/// cover the whole scenario. With several replications, every figure is the mean over the runs
/// with its 95% confidence interval, and the time series is the mean per interval.
public struct SimulationResult: Hashable, Sendable {
    /// The scenario's name.
    public var scenario: String
    /// Seconds simulated.
    public var duration: Double
    /// Seconds at the start excluded from the figures (not from the time series).
    public var warmup: Double
    /// The seed of the (first) run; replication i used seed + i.
    public var seed: UInt64
    /// How many replications were merged (1 for a single run).
    public var runs: Int
    /// Events and steps the engine processed per run: a measure of the work done.
    public var events: Figure
    /// Per flow that has load, in the model's flow order.
    public var flows: [FlowResult]
    /// Per interaction the engine executes, in document order — also those no loaded flow
    /// reaches (all zero), so replications always have the same rows.
    public var interactions: [InteractionResult]
    /// Per service, external, store and driver, in declaration order (also idle ones).
    public var participants: [ParticipantResult]
    /// Per queue and topic, in declaration order.
    public var channels: [ChannelResult]
    /// One verdict per fault window and per load spike, in scenario order (faults first).
    public var recovery: [RecoveryVerdict]
    /// One outcome per `expect` line, in scenario order.
    public var expectations: [ExpectationOutcome]
    /// Per statistics interval, over the whole scenario (warm-up included).
    public var series: TimeSeries

    public init(scenario: String, duration: Double, warmup: Double, seed: UInt64, runs: Int, events: Figure,
                flows: [FlowResult], interactions: [InteractionResult], participants: [ParticipantResult],
                channels: [ChannelResult], recovery: [RecoveryVerdict], expectations: [ExpectationOutcome],
                series: TimeSeries) {
        self.scenario = scenario
        self.duration = duration
        self.warmup = warmup
        self.seed = seed
        self.runs = runs
        self.events = events
        self.flows = flows
        self.interactions = interactions
        self.participants = participants
        self.channels = channels
        self.recovery = recovery
        self.expectations = expectations
        self.series = series
    }

    /// Whether every expectation held (true when there are none).
    public var expectationsHold: Bool { expectations.allSatisfy(\.passed) }

    public func flow(_ id: FlowID) -> FlowResult? { flows.first { $0.flow == id } }
    public func interaction(_ id: InteractionID) -> InteractionResult? { interactions.first { $0.interaction == id } }
    public func participant(_ id: ParticipantID) -> ParticipantResult? { participants.first { $0.participant == id } }
    public func channel(_ id: ParticipantID) -> ChannelResult? { channels.first { $0.participant == id } }
}
