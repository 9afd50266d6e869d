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
            `<-`) and reports each strongly connected component once — a tangle of several cycles is \
            one finding. It points at the interaction that closes the cycle: the last one in document \
            order among the component's edges, with notes at the other edges of the cycle shown in the \
            message. A call tree that calls back into a participant already waiting on its path \
            (re-entrancy) is such a cycle and is reported the same way.
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

    private struct Edge: Hashable {
        var from: ParticipantID
        var to: ParticipantID
    }

    public func check(_ context: CheckContext, options: RuleOptionValues) -> [Finding] {
        let model = context.model
        let components = context.syncGraph.stronglyConnectedComponents()
        var componentOf = Array(repeating: -1, count: model.participants.count)
        for (index, component) in components.enumerated() {
            for member in component { componentOf[member.rawValue] = index }
        }
        // The sync interactions inside each component, in document order.
        var edges: [Int: [InteractionID]] = [:]
        var componentOrder: [Int] = []
        for id in context.interactions(where: { $0.isSynchronous }) {
            let interaction = context.model[id]
            let component = componentOf[interaction.from.rawValue]
            guard component == componentOf[interaction.to.rawValue] else { continue }
            if components[component].count == 1, interaction.from != interaction.to { continue }
            if edges[component] == nil { componentOrder.append(component) }
            edges[component, default: []].append(interaction.id)
        }
        var findings: [Finding] = []
        for component in componentOrder {
            guard let inside = edges[component], let closing = inside.last else { continue }
            findings.append(finding(closing: closing, edges: inside, members: components[component],
                                    componentOf: componentOf, component: component, context: context))
        }
        return findings.sorted { $0.span.start < $1.span.start || ($0.span.start == $1.span.start && $0.span.file < $1.span.file) }
    }

    private func finding(closing: InteractionID, edges: [InteractionID], members: [ParticipantID],
                         componentOf: [Int], component: Int, context: CheckContext) -> Finding {
        let model = context.model
        var firstEdge: [Edge: InteractionID] = [:]
        for id in edges {
            let edge = Edge(from: model[id].from, to: model[id].to)
            if firstEdge[edge] == nil { firstEdge[edge] = id }
        }
        let u = model[closing].from
        let v = model[closing].to
        // Shortest way back from v to u inside the component: v -> ... -> u.
        var back: [ParticipantID] = [v]
        if u != v {
            var previous: [ParticipantID: ParticipantID] = [v: v]
            var queue = [v]
            var head = 0
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for next in context.syncGraph.successors[node.rawValue] where componentOf[next.rawValue] == component {
                    guard previous[next] == nil else { continue }
                    previous[next] = node
                    if next == u { break search }
                    queue.append(next)
                }
            }
            var path: [ParticipantID] = []
            var node = u
            while node != v, let before = previous[node] {
                path.append(node)
                node = before
            }
            back = [v] + path.reversed()
        }
        let cycle = back + [v]  // v -> ... -> u -> v
        let text = cycle.map(context.name).joined(separator: " -> ")
        var notes: [Diagnostic.Note] = []
        for index in 0..<(cycle.count - 1) {
            let edge = Edge(from: cycle[index], to: cycle[index + 1])
            if edge == Edge(from: u, to: v) { continue }
            if let id = firstEdge[edge] { notes.append(.init(context.describe(id), at: model[id].span)) }
        }
        if members.count > Set(cycle).count {
            notes.append(.init("the cycle is part of a larger tangle of synchronous dependencies between \(context.names(members))"))
        }
        // Re-entrancy: the call tree calls back into a participant that is waiting on this path.
        let path = context.syncPath(to: closing)
        let reentrant = path.dropLast().contains { model[$0].from == v || model[$0].to == v }
        let message = reentrant
            ? "re-entrant synchronous call: '\(context.name(u))' calls back '\(context.name(v))', which is already waiting on this call path (\(text))"
            : "synchronous call cycle: \(text)"
        return Finding(
            at: model[closing].span, message, notes: notes,
            help: "break the cycle: make one of these interactions asynchronous (a message through a queue), or move the shared data to one side")
    }
}
