// Tracing (`baton simulate --traces`): the engine opens and closes spans of the runs its
// `SpanLog` samples, at the moments the work starts and ends. Each task carries the span its
// steps nest in (`TaskState.span`, inherited from its parent when it is allocated) and the span
// it closes when it ends (`openSpan`); a message carries the span of the send that made it.
// None of it changes what the simulation does: no random draw, no event, no figure depends on
// whether a run is traced.

extension Engine {
    /// A run arrived: the log decides whether it is traced, and opens its root span at the
    /// initiator of its flow's first step.
    mutating func traceArrival(run: Int, flow: Int) {
        guard spanLog.isOn else { return }
        runs[run].trace = spanLog.arrive(flow: flow, participant: flowInitiators[flow], at: now)
    }

    /// Opens a span in the run's trace; -1 when the run is not traced (or its trace is full).
    mutating func openSpan(run: Int, _ role: SimulatedSpan.Role, parent: Int32, participant: Int, site: Int,
                           attempt: Int = 1) -> Int32 {
        guard run >= 0 else { return -1 }
        let slot = Int(runs[run].trace)
        guard slot >= 0 else { return -1 }
        return spanLog.open(slot, role: role, parent: parent, participant: participant,
                            interaction: site >= 0 ? sites[site].interaction : -1, attempt: attempt, at: now)
    }

    mutating func closeSpan(run: Int, _ span: Int32, _ outcome: Outcome) {
        guard span >= 0, run >= 0 else { return }
        let slot = Int(runs[run].trace)
        guard slot >= 0 else { return }
        spanLog.close(slot, span: span, outcome: outcome, at: now)
    }

    /// The run's response: its root span ends.
    mutating func traceResponse(run: Int, succeeded: Bool) {
        guard runs[run].trace >= 0 else { return }
        closeSpan(run: run, 0, succeeded ? .success : .failure)
    }

    /// Everything the run caused has settled: its trace is finished.
    mutating func traceCompletion(run: Int) {
        let slot = Int(runs[run].trace)
        guard slot >= 0 else { return }
        spanLog.complete(slot)
        runs[run].trace = -1
    }

    /// An attempt of a call or send begins: its client (or producer) span, under the call's.
    mutating func traceAttempt(call: Int) {
        let run = tasks[call].run
        guard run >= 0, runs[run].trace >= 0 else { return }
        let site = tasks[call].node
        let role: SimulatedSpan.Role = sites[site].mode == .send ? .send : .call
        tasks[call].openSpan = openSpan(run: run, role, parent: tasks[call].span, participant: sites[site].initiator,
                                        site: site, attempt: tasks[call].counter)
    }

    /// The attempt in progress ended, as its initiator sees it.
    mutating func traceAttemptEnded(call: Int, _ outcome: Outcome) {
        let span = tasks[call].openSpan
        guard span >= 0 else { return }
        closeSpan(run: tasks[call].run, span, outcome)
        tasks[call].openSpan = -1
    }

    /// A server took an attempt: its server span, under the attempt's client span.
    mutating func traceServerStart(attempt: Int) {
        let run = tasks[attempt].run
        guard run >= 0, runs[run].trace >= 0, tasks[attempt].span >= 0 else { return }
        let site = tasks[attempt].node
        let span = openSpan(run: run, .handling, parent: tasks[attempt].span, participant: sites[site].target, site: site,
                            attempt: tasks[attempt].counter)
        tasks[attempt].span = span
        tasks[attempt].openSpan = span
    }

    /// A task that owns a span (a server's attempt, a consumer's handling, a fetch) ended.
    mutating func traceTaskEnded(_ task: Int, _ outcome: Outcome) {
        let span = tasks[task].openSpan
        guard span >= 0 else { return }
        closeSpan(run: tasks[task].run, span, outcome)
        tasks[task].openSpan = -1
    }

    /// A standing consumer starts handling a message: its consumer span, under the send that
    /// put the (first) message there.
    mutating func traceHandling(_ handling: Int, message: Int) {
        let run = tasks[handling].run
        guard run >= 0, runs[run].trace >= 0 else {
            tasks[handling].span = -1
            return
        }
        let consumer = consumerSpecs[tasks[handling].node]
        let span = messages[message].span >= 0
            ? openSpan(run: run, .consumption, parent: messages[message].span, participant: consumer.participant,
                       site: consumer.site, attempt: messages[message].receives)
            : -1
        tasks[handling].span = span
        tasks[handling].openSpan = span
    }

    /// A fetch inside a block begins: its consumer span, under the fetching step's.
    mutating func traceFetch(_ fetch: Int) {
        let run = tasks[fetch].run
        guard run >= 0, runs[run].trace >= 0 else { return }
        let site = tasks[fetch].node
        let span = openSpan(run: run, .fetch, parent: tasks[fetch].span, participant: sites[site].initiator, site: site)
        tasks[fetch].span = span
        tasks[fetch].openSpan = span
    }

    /// The participant that starts each flow's runs: the initiator of its first step (-1 for a
    /// flow without one, whose runs have nothing to trace).
    static func flowInitiators(program: Program) -> [Int] {
        program.flowRoots.map { root in firstInitiator(program, node: root, depth: 0) }
    }

    private static func firstInitiator(_ program: Program, node: Int, depth: Int) -> Int {
        guard node >= 0, node < program.nodes.count, depth < 256 else { return -1 }
        switch program.nodes[node] {
        case .step(let site):
            // A standing consumer's interaction is not a step of the run.
            let mode = program.sites[site].mode
            return mode == .consume || mode == .inert ? -1 : program.sites[site].initiator
        case .loop(_, let body):
            return firstInitiator(program, node: body, depth: depth + 1)
        case .sequence(let first, let count), .parallel(let first, let count), .choice(let first, let count):
            for index in first..<(first + count) {
                let found = firstInitiator(program, node: program.nodeChildren[index], depth: depth + 1)
                if found >= 0 { return found }
            }
            return -1
        }
    }
}
