/// What a step did, measured over every span that showed it.
public struct ObservedMeasures: Hashable, Sendable {
    /// Spans that showed it (attempts, retries included).
    public var calls = 0
    /// Of those, the ones that failed (span status error).
    public var errors = 0
    /// The callee's own time per call: a server span's duration less the sync calls it waited
    /// for, a client span's duration where the callee has no spans.
    public var latency = LatencySketch()
    /// The most retries one call needed, and the retries in all.
    public var maxRetries = 0
    public var retries = 0

    public init() {}

    public var errorRate: Double { calls > 0 ? Double(errors) / Double(calls) : 0 }

    public mutating func merge(_ other: ObservedMeasures) {
        calls += other.calls
        errors += other.errors
        latency.merge(other.latency)
        maxRetries = max(maxRetries, other.maxRetries)
        retries += other.retries
    }
}

/// One step of an observed flow, with what happens inside it.
public struct ObservedStep: Hashable, Sendable {
    public var key: InteractionKey
    public var measures: ObservedMeasures
    /// The steps nested in it: the callee's block for a call. For a fetch they are what the
    /// consumer does with what it fetched, which a design writes right after the fetch.
    public var steps: [ObservedStep]
    /// In how many of the enclosing step's occurrences it showed up, out of how many:
    /// fewer than all makes it optional.
    public var presentIn: Int
    public var outOf: Int
    /// The most times, and the times in all, that it ran (apart from retries) within one
    /// occurrence of the enclosing step: more than once is a loop.
    public var maxRepeats: Int
    public var repeats: Int
    /// The first span that showed it (the one of the smallest trace id).
    public var evidence: SpanReference

    /// Whether it did not run every time the enclosing step ran.
    public var isOptional: Bool { presentIn < outOf }
}

/// The spans that start at one root operation, merged into one flow.
public struct ObservedFlow: Hashable, Sendable {
    /// The root operation's label (a route, an RPC method, a span name).
    public var name: String
    /// The service where it starts.
    public var service: EntityID
    /// How many roots (traces, or orphaned parts of traces) start this way.
    public var roots: Int
    /// Of those, how many start at a span whose parent is missing.
    public var orphanRoots: Int
    public var steps: [ObservedStep]
    public var evidence: SpanReference
}

/// One interaction over all flows, with what it did everywhere: what a design's interaction is
/// compared with.
public struct ObservedInteraction: Hashable, Sendable {
    public var key: InteractionKey
    public var measures: ObservedMeasures
    public var evidence: SpanReference
}

/// Counts about the spans themselves, for the summary and for the reader of a design who
/// wonders how much to trust it.
public struct ObservationStatistics: Hashable, Sendable {
    public var spans = 0
    public var traces = 0
    /// Spans whose parent id names no span of their trace: read as roots.
    public var orphans = 0
    /// Spans that start before their parent (clock skew between hosts): nesting follows
    /// parent ids, never timestamps, so they stay where their parent id puts them.
    public var startsBeforeParent = 0
    /// Spans that end before they start: their duration is read as 0.
    public var negativeDurations = 0
    /// Parent chains that loop: the loop is cut and the span made a root.
    public var cycles = 0
    /// Places where a trace nests deeper than inference follows (`TraceObserver.maxDepth`):
    /// what is below them is not read.
    public var tooDeep = 0
}

/// Everything the traces show about the running system: its participants, the flows that start
/// at each root operation, and every interaction with its measures. `baton infer` writes it as
/// a design; a drift check compares a design with it.
public struct ObservedSystem: Hashable, Sendable {
    public var entities: [ObservedEntity]
    /// Sorted by roots, most first, then by name.
    public var flows: [ObservedFlow]
    /// Sorted by key.
    public var interactions: [ObservedInteraction]
    public var statistics: ObservationStatistics

    public subscript(id: EntityID) -> ObservedEntity { entities[id.rawValue] }

    /// The entity a design's participant name (or display label) matches, by `NameKey`.
    public func entity(matching name: String) -> ObservedEntity? {
        entities.first { $0.matches(name) }
    }
}
