/// The spans of the runs a simulation traces, while it runs: which runs are traced, the spans of
/// those in progress, and the finished traces.
///
/// Bounded: at most `limit` runs are traced, each of at most `maximumSpansPerTrace` spans, and
/// `maximumSpans` in all, so however long the scenario, the traces stay a few megabytes. Runs
/// are sampled evenly (one in `every`, from the expected number of arrivals), so the traces
/// cover the whole scenario — its faults and spikes too — rather than its first seconds.
/// Off (`limit` 0), it costs the engine one comparison per span it would open.
struct SpanLog {
    /// The most spans one traced run may have: a run with more (an unbounded retry loop) is left out.
    static let maximumSpansPerTrace = 1_000
    /// The most spans recorded in all (about 500 MB of OTLP JSON at the most).
    static let maximumSpans = 1_000_000

    let limit: Int
    let every: Int
    /// Runs that have arrived, traced or not.
    var arrivals = 0
    var sampled = 0
    var recorded = 0
    /// Traces in progress, by slot (`RunState.trace`).
    var active: [ActiveTrace] = []
    var freeSlots: [Int] = []
    var result = SimulatedTraces()

    struct ActiveTrace {
        var run = 0
        var flow = 0
        var spans: [SimulatedSpan] = []
        var open = 0
        var tooLarge = false
    }

    /// `expectedArrivals`: the mean number of runs the scenario starts.
    init(limit: Int, expectedArrivals: Double) {
        self.limit = max(0, limit)
        let ratio = limit > 0 ? expectedArrivals / Double(limit) : 1
        every = ratio.isFinite && ratio >= 2 ? Int(ratio.rounded(.down)) : 1
        result.every = every
    }

    var isOn: Bool { limit > 0 }

    /// A run arrives: the slot of its trace when it is to be traced, else -1.
    mutating func arrive(flow: Int, participant: Int, at time: Double) -> Int32 {
        let number = arrivals
        arrivals += 1
        guard participant >= 0, sampled < limit, number % every == 0 else { return -1 }
        sampled += 1
        var trace = ActiveTrace(run: number, flow: flow)
        trace.spans.append(SimulatedSpan(role: .flow, parent: -1, participant: participant, interaction: -1,
                                         start: time, end: .nan, outcome: .success, attempt: 1))
        trace.open = 1
        recorded += 1
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = free
            active[slot] = trace
        } else {
            slot = active.count
            active.append(trace)
        }
        return Int32(truncatingIfNeeded: slot)
    }

    /// Opens a span in trace `slot`; its index, or -1 when the trace is full.
    mutating func open(_ slot: Int, role: SimulatedSpan.Role, parent: Int32, participant: Int, interaction: Int,
                       attempt: Int, at time: Double) -> Int32 {
        guard !active[slot].tooLarge else { return -1 }
        guard active[slot].spans.count < Self.maximumSpansPerTrace, recorded < Self.maximumSpans else {
            active[slot].tooLarge = true
            return -1
        }
        recorded += 1
        active[slot].open += 1
        active[slot].spans.append(SimulatedSpan(role: role, parent: Int(parent), participant: participant,
                                                interaction: interaction, start: time, end: .nan, outcome: .success,
                                                attempt: attempt))
        return Int32(truncatingIfNeeded: active[slot].spans.count - 1)
    }

    mutating func close(_ slot: Int, span: Int32, outcome: Outcome, at time: Double) {
        let index = Int(span)
        guard index >= 0, index < active[slot].spans.count, active[slot].spans[index].end.isNaN else { return }
        active[slot].spans[index].end = time
        active[slot].spans[index].outcome = SimulatedOutcome(outcome)
        active[slot].open -= 1
    }

    /// Everything the run caused has settled: its trace is finished.
    mutating func complete(_ slot: Int) {
        let trace = active[slot]
        active[slot] = ActiveTrace()
        freeSlots.append(slot)
        if trace.tooLarge {
            result.tooLarge += 1
        } else if trace.open > 0 {
            result.unfinished += 1
        } else {
            result.traces.append(SimulatedTrace(run: trace.run, flow: trace.flow, spans: trace.spans))
        }
    }

    /// The scenario ended: traces still in progress are left out, and the rest come in the order
    /// their runs arrived.
    mutating func finish() -> SimulatedTraces {
        // A free slot holds an empty trace; one in use has at least its root span.
        for slot in active.indices where !active[slot].spans.isEmpty {
            if active[slot].tooLarge { result.tooLarge += 1 } else { result.unfinished += 1 }
        }
        active.removeAll()
        freeSlots.removeAll()
        result.traces.sort { $0.run < $1.run }
        return result
    }
}

extension SimulatedOutcome {
    init(_ outcome: Outcome) {
        switch outcome {
        case .success: self = .success
        case .failure: self = .failure
        case .timeout: self = .timeout
        case .rejected: self = .rejected
        case .shortCircuited: self = .shortCircuited
        }
    }
}
