import BatonModel
import BatonSyntax

/// A cycle in the sync dependency graph, including re-entrant calls along one call tree.
public struct SyncCycle: Rule {
    public init() {}
    public var descriptor: RuleDescriptor { Self.descriptor }

    public static let descriptor = RuleDescriptor(
        id: "sync-cycle",
        defaultSeverity: .error,
        summary: "participants wait on each other synchronously, directly or through others",
        rationale: """
            A synchronous call couples the caller to the callee's latency and availability. When the \
            calls form a cycle, every participant on it depends on itself: a slowdown anywhere \
            feeds back into the whole loop, thread pools drain each other, and a re-entrant call can \
            deadlock outright. None of them can be deployed, scaled or taken down independently.
            """,
        details: """
            Builds the sync dependency graph (an edge initiator → passive end for every `->` and \
            `<-`) and reports every elementary cycle in it once (`A -> A` is a cycle of one), at the \
            interaction that closes it: for each edge of the cycle take its first interaction, and \
            the cycle closes at the last of those in document order; notes point at the others. A \
            call tree that calls back into a participant already waiting on its path (re-entrancy) \
            is such a cycle and its message says so. A tangle with very many cycles is cut short \
            after 50 findings, with a note. A cycle of more than 10 participants is shown by its \
            first and last 5, with notes at the first 10 of its other interactions.
            """,
        triggering: [
            RuleExample("""
                service Orders  [timeout=1s]
                service Billing [timeout=1s]
                Orders -> Billing : createInvoice
                ↓Billing -> Orders : getOrder
                """),
            RuleExample("""
                service A [timeout=1s]
                service B [timeout=1s]
                service C [timeout=1s]
                A -> B : one {
                  B -> C : two {
                    ↓C -> A : three
                  }
                }
                """),
            RuleExample("""
                service Self [timeout=1s]
                ↓Self -> Self : recurse
                """),
            RuleExample("""
                service A [timeout=1s]
                service B [timeout=1s]
                service C [timeout=1s]
                A -> B : ab
                ↓B -> A : ba
                B -> C : bc
                ↓C -> B : cb
                """),
        ],
        nonTriggering: [
            RuleExample("""
                service Orders  [timeout=1s]
                queue   Invoices [ttl=1h, dlq=InvoiceDLQ]
                queue   InvoiceDLQ [ttl=24h]
                service Billing [timeout=1s, idempotent]
                Orders -> Billing : createInvoice
                Billing ->> Invoices : InvoiceCreated
                Orders <- Invoices : InvoiceCreated [timeout=5s]
                Billing <- InvoiceDLQ : failed [timeout=5s]
                """),
            RuleExample("""
                service Orders  [timeout=1s]
                service Billing [timeout=1s]
                Orders -> Billing : createInvoice
                Billing ->> Orders : InvoiceCreated
                """),
        ])

    /// Findings per strongly connected component before the rest is summarised, and the search
    /// steps allowed per component: elementary cycles can be exponentially many.
    public static let maxCyclesPerComponent = 50
    static let maxStepsPerComponent = 200_000

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        // Only the edges inside a component can close a cycle.
        let components = context.syncGraph.stronglyConnectedComponents()
        var componentOf = Array(repeating: -1, count: model.participants.count)
        for (number, component) in components.enumerated() {
            for participant in component { componentOf[participant.rawValue] = number }
        }
        let firstInteraction = FirstInteractions(context.syncGraph, of: model, componentOf: componentOf)
        var findings: [Finding] = []
        // Per participant, whether it is in the component searched and on the search's path:
        // made once and left all false after each component (sets hashed each at every step).
        var marks = CycleMarks(participants: model.participants.count)
        let successors = FlatSuccessors(context.syncGraph)
        for component in components {
            let hasSelfLoop = component.count == 1 && firstInteraction.of(component[0], component[0]) != nil
            guard component.count > 1 || hasSelfLoop else { continue }
            let (cycles, complete) = Self.elementaryCycles(in: component.sorted(), successors: successors, marks: &marks)
            for (index, cycle) in cycles.enumerated() {
                var finding = self.finding(for: cycle, firstInteraction: firstInteraction, context: context)
                if !complete, index == cycles.count - 1 {
                    finding.notes.append(.note("more cycles run through \(context.names(component)); only the first \(cycles.count) are reported"))
                }
                findings.append(finding)
            }
        }
        findings.sort { ($0.span.file, $0.span.start, $0.message) < ($1.span.file, $1.span.start, $1.message) }
        return findings
    }

    /// Every elementary cycle of the component, each once: found from its smallest participant,
    /// by a depth-first search that only visits larger ones. Stops early (complete == false)
    /// after `maxCyclesPerComponent` cycles or `maxStepsPerComponent` steps.
    ///
    /// A large design's tangle takes every step allowed, so a step is kept cheap (`search`):
    /// the graph and the marks are read through their buffers, and the search's frames are in
    /// room made once for the component (no participant is on the path twice). A step was 52
    /// instructions with arrays, each read checked and each write first asking whether the
    /// array was shared; it is 24.
    static func elementaryCycles(in component: [ParticipantID], successors: FlatSuccessors,
                                 marks: inout CycleMarks) -> (cycles: [[ParticipantID]], complete: Bool) {
        for member in component { marks.isMember[member.rawValue] = true }
        defer { for member in component { marks.isMember[member.rawValue] = false } }
        return withUnsafeTemporaryAllocation(of: Frame.self, capacity: component.count) { frames in
            successors.starts.withUnsafeBufferPointer { starts in
                successors.targets.withUnsafeBufferPointer { targets in
                    marks.withBuffers { isMember, isOnPath in
                        search(component, frames: frames, starts: starts, targets: targets,
                               isMember: isMember, isOnPath: isOnPath)
                    }
                }
            }
        }
    }

    /// A participant on the search's path, and the index in the successors' `targets` of its
    /// next successor to try.
    typealias Frame = (node: ParticipantID, next: Int)

    /// `elementaryCycles`' search, over the successors' `starts` and `targets`
    /// (`FlatSuccessors`), with `frames` room for the longest path. Leaves `isOnPath` all false.
    private static func search(_ component: [ParticipantID], frames: UnsafeMutableBufferPointer<Frame>,
                               starts: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<ParticipantID>,
                               isMember: UnsafeBufferPointer<Bool>, isOnPath: UnsafeMutableBufferPointer<Bool>)
        -> (cycles: [[ParticipantID]], complete: Bool) {
        var cycles: [[ParticipantID]] = []
        var steps = 0
        for start in component {
            frames[0] = (start, starts[start.rawValue])
            var depth = 1
            isOnPath[start.rawValue] = true
            while depth > 0 {
                steps += 1
                if steps > maxStepsPerComponent || cycles.count >= maxCyclesPerComponent {
                    for frame in frames[..<depth] { isOnPath[frame.node.rawValue] = false }
                    return (cycles, false)
                }
                let (node, next) = frames[depth - 1]
                guard next < starts[node.rawValue + 1] else {
                    depth -= 1
                    isOnPath[node.rawValue] = false
                    continue
                }
                frames[depth - 1].next = next + 1
                let successor = targets[next]
                guard isMember[successor.rawValue], successor >= start else { continue }
                if successor == start {
                    cycles.append(frames[..<depth].map(\.node))
                } else if !isOnPath[successor.rawValue] {
                    frames[depth] = (successor, starts[successor.rawValue])
                    depth += 1
                    isOnPath[successor.rawValue] = true
                }
            }
        }
        return (cycles, true)
    }

    /// `elementaryCycles`' marks, by participant id: all false between components.
    struct CycleMarks {
        var isMember: [Bool]
        var isOnPath: [Bool]

        init(participants: Int) {
            isMember = Array(repeating: false, count: participants)
            isOnPath = Array(repeating: false, count: participants)
        }

        /// `body` given the marks' memory: the members to read, the path to write.
        mutating func withBuffers<Result>(_ body: (UnsafeBufferPointer<Bool>, UnsafeMutableBufferPointer<Bool>) -> Result)
            -> Result {
            isMember.withUnsafeBufferPointer { isMember in
                isOnPath.withUnsafeMutableBufferPointer { isOnPath in body(isMember, isOnPath) }
            }
        }
    }

    /// The first sync interaction (in document order) from one participant to another, for
    /// the edges inside a component (only those can close a cycle): by the position of the
    /// passive end among the initiator's successors, which the sync graph keeps sorted. No edge
    /// is hashed: a large design's components hold most of its sync interactions, and a
    /// dictionary of edges was most of this rule's time.
    struct FirstInteractions {
        private let successors: [[ParticipantID]]
        /// Per participant, aligned with its successors (empty outside components).
        private let first: [[InteractionID?]]

        init(_ graph: SyncGraph, of model: Model, componentOf: [Int]) {
            successors = graph.successors
            var first: [[InteractionID?]] = Array(repeating: [], count: graph.count)
            for from in graph.successors.indices where !graph.successors[from].isEmpty {
                var own: [InteractionID?] = []
                for id in graph.outgoing[from] {
                    // `outgoing` and `successors` come from the same interactions, so the
                    // passive end is always found.
                    let to = model.interactions[id.rawValue].to
                    guard componentOf[from] == componentOf[to.rawValue],
                          let slot = Self.slot(of: to, in: graph.successors[from]) else { continue }
                    if own.isEmpty { own = Array(repeating: nil, count: graph.successors[from].count) }
                    if own[slot] == nil { own[slot] = id }
                }
                first[from] = own
            }
            self.first = first
        }

        /// The first interaction from `from` to `to`, when they are in one component.
        func of(_ from: ParticipantID, _ to: ParticipantID) -> InteractionID? {
            guard let slot = Self.slot(of: to, in: successors[from.rawValue]),
                  slot < first[from.rawValue].count else { return nil }
            return first[from.rawValue][slot]
        }

        /// Where `to` is in the sorted `successors` (binary search).
        private static func slot(of to: ParticipantID, in successors: [ParticipantID]) -> Int? {
            var low = 0
            var high = successors.count
            while low < high {
                let mid = (low + high) / 2
                if successors[mid] < to { low = mid + 1 } else { high = mid }
            }
            return low < successors.count && successors[low] == to ? low : nil
        }
    }

    /// `cycle` lists participants p0 → p1 → … → pk → p0.
    private func finding(for cycle: [ParticipantID], firstInteraction: FirstInteractions, context: CheckContext) -> Finding {
        let model = context.model
        let edges = cycle.indices.map { (from: cycle[$0], to: cycle[($0 + 1) % cycle.count]) }
        let interactions = edges.compactMap { firstInteraction.of($0.from, $0.to) }
        let closing = interactions.max() ?? interactions[0]
        // Read the cycle from the closing edge's passive end round to its initiator.
        let offset = edges.firstIndex { $0.from == model[closing].from && $0.to == model[closing].to }
            .map { ($0 + 1) % cycle.count } ?? 0
        let ordered = (0..<cycle.count).map { cycle[(offset + $0) % cycle.count] }
        let text = Describe.chain(ordered + [ordered[0]], context.name)
        let notes = Describe.notes(ofSorted: interactions.filter { $0 != closing },
                                   rest: { "and \($0) more interactions of the cycle" }) {
            Diagnostic.Note(context.describe($0), at: model[$0].span)
        }
        // Re-entrancy: the call tree calls back into a participant that is waiting on this path.
        let target = model[closing].to
        let path = context.syncPath(to: closing)
        let reentrant = path.dropLast().contains { model[$0].from == target || model[$0].to == target }
        let message: FindingText = reentrant
            ? "re-entrant synchronous call: '\(context.name(model[closing].from))' calls back '\(context.name(target))', which is already waiting on this call path (\(text))"
            : "synchronous call cycle: \(text)"
        return Finding(
            at: model[closing].span, message, notes: notes,
            help: "break the cycle: make one of these interactions asynchronous (a message through a queue), or move the shared data to one side")
    }
}
