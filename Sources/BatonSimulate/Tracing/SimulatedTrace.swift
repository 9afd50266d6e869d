/// What one traced run of a simulation did, as spans: who worked on what, from when to when,
/// nested as the work was (`baton simulate --traces`).
///
/// The values are the simulator's own — participants and interactions by their model index,
/// times in seconds of simulated time — so this target needs to know nothing of trace formats.
/// Turning them into OpenTelemetry spans, with the semantic conventions a reader maps back, is
/// the façade's job (`Sources/Baton/SimulationSpans.swift`), as drawing a result is.
public struct SimulatedTrace: Hashable, Sendable {
    /// The run's arrival number in the scenario (0 for the first run to arrive): with the seed,
    /// what makes a trace's identity, never a random draw.
    public var run: Int
    /// The flow the run executed (`FlowID.rawValue`).
    public var flow: Int
    /// Its spans in the order they started (ties in the order the engine opened them); the
    /// first is the run's root.
    public var spans: [SimulatedSpan]
}

/// One span of a traced run.
public struct SimulatedSpan: Hashable, Sendable {
    /// What the span stands for.
    public enum Role: UInt8, Hashable, Sendable {
        /// The run itself, at the initiator of its flow's first step: its first span, from the
        /// arrival until the run's response.
        case flow
        /// One attempt of an interaction, seen by its initiator: from when it was made until the
        /// initiator heard its outcome (or stopped waiting).
        case call
        /// The same attempt at its passive end: from when a server took it until its handling
        /// and block were done (an attempt refused, swallowed by a hang or still waiting has
        /// none). Its steps are its children.
        case handling
        /// One attempt to put a message into a queue or topic.
        case send
        /// A standing consumer handling a message: its parent is the send that put the message
        /// there; its handling steps are its children.
        case consumption
        /// A fetch from a channel inside a block: from the fetch until its message's handling
        /// and block were done.
        case fetch
    }

    public var role: Role
    /// The index of the parent span in the trace, -1 for the root.
    public var parent: Int
    /// Whose span it is (`ParticipantID.rawValue`).
    public var participant: Int
    /// The interaction it belongs to (`InteractionID.rawValue`), -1 for the flow's span.
    public var interaction: Int
    /// Seconds from the start of the scenario.
    public var start: Double
    public var end: Double
    public var outcome: SimulatedOutcome
    /// Which attempt of its interaction this is: 1 for the first, 2 for the first retry, …
    public var attempt: Int
}

/// How a span's work ended.
public enum SimulatedOutcome: UInt8, Hashable, Sendable {
    case success
    /// An error: the availability draw, an `errors` fault, or a failed step of the block.
    case failure
    /// The initiator stopped waiting.
    case timeout
    /// Refused at once: down, waiting line full, rate limit spent, channel full.
    case rejected
    /// Failed at once by the initiator's own open circuit breaker, never sent.
    case shortCircuited

    public var isSuccess: Bool { self == .success }
}

/// The traces of one run of a scenario, and what was left out of them.
public struct SimulatedTraces: Hashable, Sendable {
    public var traces: [SimulatedTrace] = []
    /// One run in `every` was traced (spread evenly over the scenario, warm-up included).
    public var every = 1
    /// Traced runs still unfinished when the scenario ended (a trace is kept only once
    /// everything its run caused has settled, as a collector waits for a trace to complete).
    public var unfinished = 0
    /// Traced runs left out because they had more than `SpanLog.maximumSpansPerTrace` spans, or
    /// came after `SpanLog.maximumSpans` spans in all.
    public var tooLarge = 0

    public init() {}
}
