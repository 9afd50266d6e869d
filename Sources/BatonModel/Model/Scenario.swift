import BatonSyntax

/// A `scenario` block: an offered load, injected faults and the outcomes CI may expect, under
/// which `baton simulate` executes the design (docs/simulation.md).
///
/// Every time is in seconds from the start of the scenario, every rate per second and every
/// percentage a fraction in 0…1, so the simulator never sees units.
public struct Scenario: Hashable, Sendable {
    public var name: String
    /// Seconds simulated; always positive.
    public var duration: Double
    /// Seconds at the start excluded from statistics, when declared; see `effectiveWarmup`.
    public var warmup: Double?
    /// The random generator's seed: the same seed gives the same run, byte for byte.
    public var seed: UInt64
    /// In document order: where windows overlap, the later line wins.
    public var loads: [LoadLine]
    public var faults: [Fault]
    public var expectations: [Expectation]
    /// The whole block.
    public var span: Span
    public var nameSpan: Span

    public init(name: String, duration: Double, warmup: Double? = nil, seed: UInt64 = Scenario.defaultSeed,
                loads: [LoadLine] = [], faults: [Fault] = [], expectations: [Expectation] = [],
                span: Span, nameSpan: Span) {
        self.name = name
        self.duration = duration
        self.warmup = warmup
        self.seed = seed
        self.loads = loads
        self.faults = faults
        self.expectations = expectations
        self.span = span
        self.nameSpan = nameSpan
    }

    public static let defaultSeed: UInt64 = 1
    /// The share of the duration excluded from statistics when `warmup` is not declared.
    public static let defaultWarmupShare = 0.1

    /// The declared warm-up, else a tenth of the duration.
    public var effectiveWarmup: Double { warmup ?? duration * Self.defaultWarmupShare }
}

/// A span of scenario time, in seconds from the start: `from 3m to 3m5s`.
public struct TimeWindow: Hashable, Sendable {
    public var from: Double
    public var to: Double

    public init(from: Double, to: Double) {
        self.from = from
        self.to = to
    }

    public func contains(_ time: Double) -> Bool { time >= from && time < to }
}

/// `load 40/s [flow "Refunds"] [from A to B]`: Poisson arrivals, each starting one run of a flow.
public struct LoadLine: Hashable, Sendable {
    /// Arrivals per second.
    public var rate: Double
    /// The flow each arrival runs; nil means the file's default flow.
    public var flow: FlowID?
    /// nil means the whole scenario.
    public var window: TimeWindow?
    public var span: Span

    public init(rate: Double, flow: FlowID? = nil, window: TimeWindow? = nil, span: Span) {
        self.rate = rate
        self.flow = flow
        self.window = window
        self.span = span
    }
}

/// `fault Stripe down from 4m to 5m`: what goes wrong with one participant, and when.
public struct Fault: Hashable, Sendable {
    public var participant: ParticipantID
    public var effect: Effect
    public var window: TimeWindow
    public var span: Span

    public init(participant: ParticipantID, effect: Effect, window: TimeWindow, span: Span) {
        self.participant = participant
        self.effect = effect
        self.window = window
        self.span = span
    }

    public enum Effect: Hashable, Sendable {
        /// Every attempt is refused at once.
        case down
        /// Attempts are accepted and never answered: callers time out.
        case hang
        /// Handling time multiplied by the factor (`slow x10`).
        case slow(factor: Double)
        /// Each attempt fails with this probability, 0…1 (`errors 30%`).
        case errors(probability: Double)
        /// `concurrency` scaled by this fraction, 0…1 (`capacity 25%`).
        case capacity(fraction: Double)
    }
}

/// `expect …`: an outcome `baton simulate --check` verifies (finding `scenario-expectation`).
public struct Expectation: Hashable, Sendable {
    public var measure: Measure
    /// The line as written (in the layout `baton fmt` gives it), for reports.
    public var text: String
    public var span: Span

    public init(measure: Measure, text: String, span: Span) {
        self.measure = measure
        self.text = text
        self.span = span
    }

    public enum Measure: Hashable, Sendable {
        /// `expect goodput >= 95% [after 6m]`: succeeded runs ÷ started runs, 0…1, over the
        /// measured part of the scenario or from `after` on.
        case goodput(Comparison, fraction: Double, after: Double?)
        /// `expect p99 ["Checkout"] <= 2s`: a response-time percentile (0…1, 0.99 for p99) of one
        /// flow, or of every run when no flow is named; seconds.
        case responseTime(percentile: Double, flow: FlowID?, Comparison, seconds: Double)
        /// `expect amplification ["createPayment"] <= 1.5`: attempts ÷ first attempts of one
        /// interaction, or the largest over all when none is named.
        case amplification(interaction: InteractionID?, Comparison, value: Double)
        /// `expect recovers within 30s`: after every fault window and load spike, goodput is back
        /// to its pre-fault level within this many seconds.
        case recovers(within: Double)
        /// `expect queue Orders max 100`: the channel's depth never exceeds the count.
        case queueMax(channel: ParticipantID, max: Int)
    }

    public enum Comparison: String, Hashable, Sendable, CaseIterable {
        case lessOrEqual = "<="
        case less = "<"
        case greaterOrEqual = ">="
        case greater = ">"

        public func holds(_ actual: Double, _ expected: Double) -> Bool {
            switch self {
            case .lessOrEqual: actual <= expected
            case .less: actual < expected
            case .greaterOrEqual: actual >= expected
            case .greater: actual > expected
            }
        }
    }
}
