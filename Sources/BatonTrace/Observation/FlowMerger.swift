/// Merges the steps of every root occurrence into one tree per flow, and every occurrence of an
/// interaction into its measures.
///
/// Steps of one parent are told apart by their key. Within one occurrence of a parent, a step
/// seen again right after it failed (or that says it was resent) is a retry of it; seen again
/// otherwise, it is repeated (a loop). Siblings are ordered by when they start, on average,
/// after their parent starts: nesting is from parent ids, order from the clock of the service
/// that makes the calls.
struct FlowMerger {
    /// A node of the merged tree, in an arena (`nodes`).
    struct Node {
        var key: InteractionKey
        var measures = ObservedMeasures()
        var children: [Int] = []
        var childIndex: [InteractionKey: Int] = [:]
        /// Occurrences of the parent merged into this node's parent… and into this node: how
        /// often this node's own children had the chance to appear.
        var merges = 0
        var presentIn = 0
        var maxRepeats = 0
        var repeats = 0
        var offsetSum: Double = 0
        /// Positions among the parent occurrence's steps: the order when start times tie.
        var positionSum: Double = 0
        var evidence: SpanReference
    }

    struct Flow {
        var key: FlowKey
        var root: Int
        var roots = 0
        var orphanRoots = 0
        var evidence: SpanReference
    }

    var nodes: [Node] = []
    var flows: [Flow] = []
    var flowIndex: [FlowKey: Int] = [:]

    mutating func merge(_ occurrence: RootOccurrence) {
        let flow: Int
        if let known = flowIndex[occurrence.flow] {
            flow = known
        } else {
            flow = flows.count
            let placeholder = InteractionKey(initiator: occurrence.flow.service, arrow: .call, passive: occurrence.flow.service, label: "")
            nodes.append(Node(key: placeholder, evidence: occurrence.evidence))
            flows.append(Flow(key: occurrence.flow, root: nodes.count - 1, evidence: occurrence.evidence))
            flowIndex[occurrence.flow] = flow
        }
        flows[flow].roots += 1
        if occurrence.orphan { flows[flow].orphanRoots += 1 }
        merge(occurrence.steps, into: flows[flow].root, parentStart: occurrence.start)
    }

    /// Merges one occurrence's steps (those of one occurrence of the parent node).
    mutating func merge(_ steps: [StepOccurrence], into parent: Int, parentStart: Int64) {
        nodes[parent].merges += 1
        // The steps grouped by key, in the order their first occurrence started.
        var order: [InteractionKey] = []
        var groups: [InteractionKey: [Int]] = [:]
        for (position, step) in steps.enumerated() {
            if groups[step.key] == nil { order.append(step.key) }
            groups[step.key, default: []].append(position)
        }
        for key in order {
            let positions = groups[key] ?? []
            let child = node(for: key, under: parent, evidence: steps[positions[0]].evidence)
            nodes[child].presentIn += 1
            nodes[child].offsetSum += Double(steps[positions[0]].start) - Double(parentStart)
            nodes[child].positionSum += Double(positions[0])
            var runs = 0
            var retriesInRun = 0
            var previousFailed = false
            for position in positions {
                let step = steps[position]
                if runs > 0, previousFailed || step.resent {
                    retriesInRun += 1
                    nodes[child].measures.retries += 1
                } else {
                    runs += 1
                    retriesInRun = 0
                }
                nodes[child].measures.maxRetries = max(nodes[child].measures.maxRetries, retriesInRun)
                previousFailed = step.failed
                nodes[child].measures.calls += 1
                if step.failed { nodes[child].measures.errors += 1 }
                if step.ownTime != StepOccurrence.unknownTime { nodes[child].measures.latency.add(step.ownTime) }
                merge(step.steps, into: child, parentStart: step.start)
            }
            nodes[child].maxRepeats = max(nodes[child].maxRepeats, runs)
            nodes[child].repeats += runs
        }
    }

    mutating func node(for key: InteractionKey, under parent: Int, evidence: SpanReference) -> Int {
        if let known = nodes[parent].childIndex[key] { return known }
        nodes.append(Node(key: key, evidence: evidence))
        let index = nodes.count - 1
        nodes[parent].children.append(index)
        nodes[parent].childIndex[key] = index
        return index
    }

    // MARK: - The result

    /// Who is ever a passive end, and which services consume each channel.
    func usage() -> (passive: Set<EntityID>, consumers: [EntityID: Set<EntityID>]) {
        var passive = Set<EntityID>()
        var consumers: [EntityID: Set<EntityID>] = [:]
        let roots = Set(flows.map(\.root))
        for (index, node) in nodes.enumerated() where !roots.contains(index) {
            if node.key.arrow == .fetch { consumers[node.key.passive, default: []].insert(node.key.initiator) }
            passive.insert(node.key.passive)
        }
        return (passive, consumers)
    }

    func step(_ index: Int, outOf: Int) -> ObservedStep {
        let node = nodes[index]
        return ObservedStep(key: node.key, measures: node.measures, steps: children(of: index), presentIn: node.presentIn,
                            outOf: outOf, maxRepeats: node.maxRepeats, repeats: node.repeats, evidence: node.evidence)
    }

    /// A node's children, ordered by their mean start after the parent's start, then by key.
    func children(of index: Int) -> [ObservedStep] {
        let parent = nodes[index]
        let ordered = parent.children.sorted { lhs, rhs in
            let left = nodes[lhs].offsetSum / Double(max(1, nodes[lhs].presentIn))
            let right = nodes[rhs].offsetSum / Double(max(1, nodes[rhs].presentIn))
            if left != right { return left < right }
            let leftPosition = nodes[lhs].positionSum / Double(max(1, nodes[lhs].presentIn))
            let rightPosition = nodes[rhs].positionSum / Double(max(1, nodes[rhs].presentIn))
            if leftPosition != rightPosition { return leftPosition < rightPosition }
            return nodes[lhs].key < nodes[rhs].key
        }
        return ordered.map { step($0, outOf: parent.merges) }
    }

    func system(entities table: EntityTable, statistics: ObservationStatistics) -> ObservedSystem {
        let (passive, consumers) = usage()
        let entities = table.finish(passive: passive, consumers: consumers)
        var observedFlows = flows.map { flow in
            ObservedFlow(name: flow.key.label, service: flow.key.service, roots: flow.roots, orphanRoots: flow.orphanRoots,
                         steps: children(of: flow.root), evidence: flow.evidence)
        }
        observedFlows.sort { lhs, rhs in
            if lhs.roots != rhs.roots { return lhs.roots > rhs.roots }
            if lhs.name != rhs.name { return Array(lhs.name.utf8).lexicographicallyPrecedes(Array(rhs.name.utf8)) }
            if lhs.service != rhs.service { return lhs.service < rhs.service }
            return lhs.evidence < rhs.evidence
        }
        var interactions: [InteractionKey: ObservedInteraction] = [:]
        let roots = Set(flows.map(\.root))
        for (index, node) in nodes.enumerated() where !roots.contains(index) {
            if var known = interactions[node.key] {
                known.measures.merge(node.measures)
                known.evidence = min(known.evidence, node.evidence)
                interactions[node.key] = known
            } else {
                interactions[node.key] = ObservedInteraction(key: node.key, measures: node.measures, evidence: node.evidence)
            }
        }
        return ObservedSystem(entities: entities, flows: observedFlows,
                              interactions: interactions.values.sorted { $0.key < $1.key }, statistics: statistics)
    }
}
