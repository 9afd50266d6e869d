import BatonModel

/// The scenario interval by interval (warm-up included): what a chart draws and what CSV rows
/// hold. Every array has `count` entries, entry i describing [i·interval, (i+1)·interval) (the
/// last one may be cut short by the duration). Rates are per second of the interval; merged
/// replications hold the mean per interval.
public struct TimeSeries: Hashable, Sendable {
    /// Seconds per interval.
    public var interval: Double
    /// Number of intervals.
    public var count: Int
    /// The load the scenario asks for (all flows), runs per second.
    public var scheduledLoad: [Double]
    /// Runs that arrived (all flows), per second.
    public var offeredLoad: [Double]
    /// Runs that succeeded, counted when they finished (all flows), per second.
    public var goodput: [Double]
    /// Runs that failed, counted when they finished (all flows), per second.
    public var failures: [Double]
    /// Response-time percentiles of the runs that succeeded in the interval (all flows),
    /// seconds; nil where none did.
    public var responseP50: [Double?]
    public var responseP95: [Double?]
    public var responseP99: [Double?]
    /// Attempts that reached a passive end, all interactions, per second.
    public var attempts: [Double]
    public var flows: [FlowSeries]
    public var participants: [ParticipantSeries]
    public var channels: [ChannelSeries]
    public var interactions: [InteractionSeries]

    public init(interval: Double, count: Int, scheduledLoad: [Double], offeredLoad: [Double], goodput: [Double],
                failures: [Double], responseP50: [Double?], responseP95: [Double?], responseP99: [Double?],
                attempts: [Double], flows: [FlowSeries], participants: [ParticipantSeries], channels: [ChannelSeries],
                interactions: [InteractionSeries]) {
        self.interval = interval
        self.count = count
        self.scheduledLoad = scheduledLoad
        self.offeredLoad = offeredLoad
        self.goodput = goodput
        self.failures = failures
        self.responseP50 = responseP50
        self.responseP95 = responseP95
        self.responseP99 = responseP99
        self.attempts = attempts
        self.flows = flows
        self.participants = participants
        self.channels = channels
        self.interactions = interactions
    }

    /// Seconds from the start of the scenario to the start of interval `index`.
    public func start(_ index: Int) -> Double { Double(index) * interval }
}

/// One flow, interval by interval.
public struct FlowSeries: Hashable, Sendable {
    public var flow: FlowID
    /// The load its load lines ask for, runs per second.
    public var scheduledLoad: [Double]
    /// Runs that arrived, per second.
    public var offeredLoad: [Double]
    /// Runs that succeeded, by the time they finished, per second.
    public var goodput: [Double]
    /// Runs that failed, by the time they finished, per second.
    public var failures: [Double]
    /// Response-time percentiles of its runs that succeeded in the interval, seconds.
    public var responseP50: [Double?]
    public var responseP95: [Double?]
    public var responseP99: [Double?]

    public init(flow: FlowID, scheduledLoad: [Double], offeredLoad: [Double], goodput: [Double], failures: [Double],
                responseP50: [Double?], responseP95: [Double?], responseP99: [Double?]) {
        self.flow = flow
        self.scheduledLoad = scheduledLoad
        self.offeredLoad = offeredLoad
        self.goodput = goodput
        self.failures = failures
        self.responseP50 = responseP50
        self.responseP95 = responseP95
        self.responseP99 = responseP99
    }
}

/// One station or driver, interval by interval.
public struct ParticipantSeries: Hashable, Sendable {
    public var participant: ParticipantID
    /// Mean waiting line over the interval.
    public var meanWaiting: [Double]
    /// Longest waiting line in the interval.
    public var maxWaiting: [Double]
    /// Mean servers in use over the interval.
    public var meanBusy: [Double]

    public init(participant: ParticipantID, meanWaiting: [Double], maxWaiting: [Double], meanBusy: [Double]) {
        self.participant = participant
        self.meanWaiting = meanWaiting
        self.maxWaiting = maxWaiting
        self.meanBusy = meanBusy
    }
}

/// One queue or topic, interval by interval.
public struct ChannelSeries: Hashable, Sendable {
    public var participant: ParticipantID
    /// Mean messages waiting over the interval.
    public var meanDepth: [Double]
    /// Most messages waiting in the interval.
    public var maxDepth: [Double]

    public init(participant: ParticipantID, meanDepth: [Double], maxDepth: [Double]) {
        self.participant = participant
        self.meanDepth = meanDepth
        self.maxDepth = maxDepth
    }
}

/// One interaction, interval by interval.
public struct InteractionSeries: Hashable, Sendable {
    public var interaction: InteractionID
    /// Attempts that reached the passive end, per second.
    public var attempts: [Double]
    /// First attempts (operations started), per second.
    public var firstAttempts: [Double]

    public init(interaction: InteractionID, attempts: [Double], firstAttempts: [Double]) {
        self.interaction = interaction
        self.attempts = attempts
        self.firstAttempts = firstAttempts
    }
}
