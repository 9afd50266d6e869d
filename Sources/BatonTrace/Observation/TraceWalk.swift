/// One interaction in one trace: a call, send or fetch that a span (or a client and server span
/// pair) shows, with the steps nested in it.
struct StepOccurrence {
    var key: InteractionKey
    /// The initiator's view of it (the client span where there is one).
    var start: Int64
    var end: Int64
    /// The callee's own time (`ObservedMeasures.latency`); `unknownTime` when no span shows it.
    var ownTime: Int64
    var failed: Bool
    /// The span says it is a request sent again.
    var resent: Bool
    var evidence: SpanReference
    var steps: [StepOccurrence]

    /// The own time of a call no span of the callee shows: counted as a call, not in latencies.
    static let unknownTime: Int64 = -1
}

/// What one root span (a trace's root, or an orphan) starts: the flow it belongs to and its
/// top-level steps, the async continuations (consumers) last.
struct RootOccurrence {
    var flow: FlowKey
    var orphan: Bool
    var start: Int64
    var evidence: SpanReference
    var steps: [StepOccurrence]
}

/// A root operation: the service where it starts, how, and its label.
struct FlowKey: Hashable {
    var service: EntityID
    var kind: SpanKind
    var label: String
}

/// Walks one trace: links each span to its parent, then reads the interactions off the tree
/// with the mapping rules of docs/traces.md.
///
/// - Nesting comes from parent ids only. A span whose parent is missing is a root (an orphan);
///   a span that starts before its parent (clock skew) is still its child; parent chains that
///   loop are cut.
/// - Where a child span is in another service than its parent, a conversation crossed a
///   boundary: a sync call (a server span under a client span, or any span under a span of
///   another service), unless the child consumes a message or its parent produced one — then
///   it is an async continuation, which a design writes as a fetch at the top of the flow.
/// - Within a service, client spans are calls to stores (`db.system`), to peers that have no
///   spans (`peer.service`, `server.address`) or wrap the calls nested in them; producer and
///   consumer spans send to and fetch from channels; everything else (internal spans, nested
///   server spans) is transparent: its children are the service's steps.
struct TraceWalk {
    let signatures: [SpanSignature]
    var entities = EntityTable(signatures: [])
    // The current trace; the arrays are reused from trace to trace.
    var spans: [SpanDigest] = []
    var parent: [Int32] = []
    var firstChild: [Int32] = []
    var lastChild: [Int32] = []
    var nextSibling: [Int32] = []
    var nextSameID: [Int32] = []
    var indexByID: [UInt64: Int32] = [:]
    var continuations: [Int] = []
    var tooDeep = 0

    init(signatures: [SpanSignature]) {
        self.signatures = signatures
    }

    mutating func walk(_ slice: ArraySlice<SpanDigest>, entities: inout EntityTable,
                       statistics: inout ObservationStatistics) -> [RootOccurrence] {
        self.entities = entities
        defer {
            entities = self.entities
            self.entities = EntityTable(signatures: [])
        }
        link(slice, statistics: &statistics)
        tooDeep = 0
        var roots: [RootOccurrence] = []
        for index in spans.indices where parent[index] < 0 {
            roots.append(root(index))
        }
        statistics.tooDeep += tooDeep
        return roots
    }

    // MARK: - The tree

    /// Resolves parents and builds the child lists (children in the order they started).
    mutating func link(_ slice: ArraySlice<SpanDigest>, statistics: inout ObservationStatistics) {
        spans.removeAll(keepingCapacity: true)
        spans.append(contentsOf: slice)
        let count = spans.count
        parent = [Int32](repeating: -1, count: count)
        firstChild = [Int32](repeating: -1, count: count)
        lastChild = [Int32](repeating: -1, count: count)
        nextSibling = [Int32](repeating: -1, count: count)
        nextSameID = [Int32](repeating: -1, count: count)
        indexByID.removeAll(keepingCapacity: true)
        for index in stride(from: count - 1, through: 0, by: -1) {
            if let other = indexByID[spans[index].spanID] { nextSameID[index] = other }
            indexByID[spans[index].spanID] = Int32(index)
        }
        for index in 0..<count where spans[index].parentID != 0 {
            if let found = resolveParent(of: index) {
                parent[index] = Int32(found)
            } else {
                statistics.orphans += 1
            }
        }
        breakCycles(statistics: &statistics)
        for index in 0..<count {
            let up = Int(parent[index])
            guard up >= 0 else { continue }
            if spans[index].start < spans[up].start { statistics.startsBeforeParent += 1 }
            if lastChild[up] < 0 { firstChild[up] = Int32(index) } else { nextSibling[Int(lastChild[up])] = Int32(index) }
            lastChild[up] = Int32(index)
        }
    }

    /// The span a parent id names. Ids are unique but for Zipkin's shared spans (a client and
    /// its server with one id): of several, the one in the child's own service is its parent.
    func resolveParent(of index: Int) -> Int? {
        let service = serviceOf(index)
        var sameService: Int?, client: Int?, any: Int?
        var candidate = indexByID[spans[index].parentID].map(Int.init)
        while let current = candidate {
            if current != index {
                any = any ?? current
                if !spans[current].sharesID { client = client ?? current }
                if serviceOf(current) == service, !spans[index].sharesID { sameService = sameService ?? current }
            }
            let next = Int(nextSameID[current])
            candidate = next >= 0 ? next : nil
        }
        return sameService ?? client ?? any
    }

    /// Makes a root of one span on every loop of parents, so every walk up ends.
    mutating func breakCycles(statistics: inout ObservationStatistics) {
        // 0 unvisited, 1 on the current path, 2 done.
        var state = [UInt8](repeating: 0, count: spans.count)
        var path: [Int] = []
        for start in spans.indices where state[start] == 0 {
            var current = start
            path.removeAll(keepingCapacity: true)
            while current >= 0, state[current] == 0 {
                state[current] = 1
                path.append(current)
                current = Int(parent[current])
            }
            if current >= 0, state[current] == 1 {
                // `current` is on the path: its parent link closes the loop.
                parent[current] = -1
                statistics.cycles += 1
            }
            for index in path { state[index] = 2 }
        }
    }

    // MARK: - Facts about a span

    func signature(_ index: Int) -> SpanSignature { signatures[Int(spans[index].signature)] }
    func serviceOf(_ index: Int) -> EntityID { entities.serviceOf[Int(spans[index].signature)] }
    func targetOf(_ index: Int) -> EntityID? { entities.targetOf[Int(spans[index].signature)] }

    func messagingOperation(_ index: Int) -> MessagingOperation? {
        if case .messaging(_, _, let operation, _, _) = signature(index).target { return operation }
        return nil
    }

    func isReceive(_ index: Int) -> Bool { signature(index).kind == .consumer || messagingOperation(index) == .receive }
    func isSend(_ index: Int) -> Bool { signature(index).kind == .producer || messagingOperation(index) == .send }

    /// The channel a messaging span uses: its destination; for a consumer without one, its
    /// parent producer's; else a channel named after the span.
    mutating func channel(of index: Int) -> EntityID {
        if let known = targetOf(index) { return known }
        let up = Int(parent[index])
        if up >= 0, isSend(up), let known = targetOf(up) { return known }
        let name = signature(index).label
        return entities.entity(.channel, named: name.isEmpty ? "unnamed channel" : name, kind: .queue)
    }

    // MARK: - Steps

    mutating func root(_ index: Int) -> RootOccurrence {
        continuations.removeAll(keepingCapacity: true)
        let service = serviceOf(index)
        let signature = self.signature(index)
        var steps: [StepOccurrence] = []
        var kind = signature.kind
        if signature.kind == .server {
            var block: [StepOccurrence] = []
            collect(under: index, service: service, depth: 1, into: &block)
            let key = InteractionKey(initiator: entities.caller(), arrow: .call, passive: service, label: signature.label)
            steps.append(StepOccurrence(key: key, start: spans[index].start, end: spans[index].end,
                                        ownTime: ownTime(index, block: block), failed: spans[index].isError,
                                        resent: spans[index].isResent, evidence: spans[index].reference, steps: block))
        } else if isReceive(index) {
            kind = .consumer
            continuations.append(index)
        } else {
            if kind == .unspecified { kind = .internal }
            process(index, parent: nil, service: service, depth: 1, into: &steps)
        }
        var next = 0
        while next < continuations.count {
            let continuation = continuations[next]
            next += 1
            steps.append(consumption(continuation))
        }
        // A client root (a program that only calls) is named by the operation it called.
        var label = signature.label
        if kind == .client, let first = steps.first, !first.key.label.isEmpty { label = first.key.label }
        return RootOccurrence(flow: FlowKey(service: service, kind: kind, label: label),
                              orphan: spans[index].parentID != 0, start: spans[index].start,
                              evidence: spans[index].reference, steps: steps)
    }

    /// An async continuation: the consumer fetches from the channel, then handles the message
    /// (its steps follow the fetch).
    mutating func consumption(_ index: Int) -> StepOccurrence {
        let service = serviceOf(index)
        let channel = channel(of: index)
        var handling: [StepOccurrence] = []
        if isReceive(index) {
            collect(under: index, service: service, depth: 1, into: &handling)
        } else {
            process(index, parent: nil, service: service, depth: 1, into: &handling)
        }
        let key = InteractionKey(initiator: service, arrow: .fetch, passive: channel, label: signature(index).label)
        return StepOccurrence(key: key, start: spans[index].start, end: spans[index].end,
                              ownTime: ownTime(index, block: handling), failed: spans[index].isError,
                              resent: spans[index].isResent, evidence: spans[index].reference, steps: handling)
    }

    /// The steps of `service` under span `index`, in the order they started.
    mutating func collect(under index: Int, service: EntityID, depth: Int, into steps: inout [StepOccurrence]) {
        var child = Int(firstChild[index])
        while child >= 0 {
            process(child, parent: index, service: service, depth: depth + 1, into: &steps)
            child = Int(nextSibling[child])
        }
    }

    mutating func process(_ index: Int, parent up: Int?, service: EntityID, depth: Int, into steps: inout [StepOccurrence]) {
        guard depth <= TraceObserver.maxDepth else {
            tooDeep += 1
            return
        }
        let signature = self.signature(index)
        let own = serviceOf(index)
        if own != service {
            if isReceive(index) || up.map(isSend) == true {
                continuations.append(index)
                return
            }
            // A conversation crossed into another service and waits for it: a sync call.
            var block: [StepOccurrence] = []
            if signature.kind == .server {
                collect(under: index, service: own, depth: depth, into: &block)
            } else {
                process(index, parent: nil, service: own, depth: depth, into: &block)
            }
            let client = up.flatMap { self.signature($0).kind == .client ? $0 : nil }
            let label = signature.kind == .server || client == nil ? signature.label : self.signature(client ?? index).label
            let outer = client ?? index
            steps.append(StepOccurrence(
                key: InteractionKey(initiator: service, arrow: .call, passive: own, label: label),
                start: spans[outer].start, end: spans[outer].end, ownTime: ownTime(index, block: block),
                failed: spans[index].isError || client.map { spans[$0].isError } == true,
                resent: client.map { spans[$0].isResent } == true, evidence: spans[outer].reference, steps: block))
            return
        }
        if case .database(_, _, let reads) = signature.target, let store = targetOf(index) {
            steps.append(leaf(index, InteractionKey(initiator: service, arrow: reads ? .fetch : .call, passive: store, label: signature.label)))
            return
        }
        switch messagingOperation(index) {
        case .send?:
            if case .messaging(nil, _, _, _, _) = signature.target {
                let callee = directCallee(of: index, service: service)
                if let passive = callee.map(serviceOf) ?? targetOf(index) {
                    // A send to no destination that another service handles (its server span
                    // below, or its name in peer.service), or that names an external peer: an
                    // async call straight to it (a webhook, a fire-and-forget request).
                    var block: [StepOccurrence] = []
                    var send = leaf(index, InteractionKey(initiator: service, arrow: .send, passive: passive, label: signature.label))
                    if let callee {
                        collect(under: callee, service: passive, depth: depth + 1, into: &block)
                        send.ownTime = ownTime(callee, block: block)
                    } else if entities.entities[passive.rawValue].kind == .service {
                        // A traced service that never handled it: its own time is unknown.
                        send.ownTime = StepOccurrence.unknownTime
                    }
                    send.steps = block
                    steps.append(send)
                    return
                }
            }
            steps.append(leaf(index, InteractionKey(initiator: service, arrow: .send, passive: channel(of: index), label: signature.label)))
            collect(under: index, service: service, depth: depth, into: &steps)
            return
        case .receive?:
            var handling: [StepOccurrence] = []
            collect(under: index, service: service, depth: depth, into: &handling)
            var fetch = leaf(index, InteractionKey(initiator: service, arrow: .fetch, passive: channel(of: index), label: signature.label))
            fetch.ownTime = ownTime(index, block: handling)
            fetch.steps = handling
            steps.append(fetch)
            return
        case .settle?:
            collect(under: index, service: service, depth: depth, into: &steps)
            return
        case nil:
            break
        }
        if signature.kind == .client {
            var inner: [StepOccurrence] = []
            collect(under: index, service: service, depth: depth, into: &inner)
            if inner.isEmpty {
                // Nothing below it: the callee has no spans of its own — or it is a traced
                // service whose server span is missing because it never handled this attempt
                // (refused it, or its caller gave up while it waited). Then the span's time is
                // the caller's wait, not the callee's work, and the callee's own time is unknown.
                let peer = targetOf(index) ?? entities.unknownPeer()
                var call = leaf(index, InteractionKey(initiator: service, arrow: .call, passive: peer, label: signature.label))
                if entities.entities[peer.rawValue].kind == .service { call.ownTime = StepOccurrence.unknownTime }
                steps.append(call)
            } else {
                // A wrapper around the calls it made (two instrumentations of one request).
                steps.append(contentsOf: inner)
            }
            return
        }
        collect(under: index, service: service, depth: depth, into: &steps)
    }

    /// The server span of another service that handles a send, if any.
    func directCallee(of index: Int, service: EntityID) -> Int? {
        var child = Int(firstChild[index])
        while child >= 0 {
            if signature(child).kind == .server, serviceOf(child) != service { return child }
            child = Int(nextSibling[child])
        }
        return nil
    }

    func leaf(_ index: Int, _ key: InteractionKey) -> StepOccurrence {
        StepOccurrence(key: key, start: spans[index].start, end: spans[index].end, ownTime: spans[index].duration,
                       failed: spans[index].isError, resent: spans[index].isResent, evidence: spans[index].reference, steps: [])
    }

    /// A span's duration less the time in the sync steps of its block (their union, so calls
    /// made in parallel count once), never below 0.
    func ownTime(_ index: Int, block: [StepOccurrence]) -> Int64 {
        let start = spans[index].start
        let end = spans[index].end
        var waited: Int64 = 0
        var coveredUntil = start
        for step in block.sorted(by: { $0.start < $1.start }) where step.key.arrow.isSync {
            let from = max(step.start, coveredUntil)
            let to = min(step.end, end)
            if to > from {
                // Saturating: times from a file may be anything.
                waited = waited.addingReportingOverflow(to.subtractingReportingOverflow(from).partialValue).partialValue
                coveredUntil = to
            }
        }
        let (own, overflow) = spans[index].duration.subtractingReportingOverflow(waited)
        return overflow ? 0 : max(0, own)
    }
}
