// The structural half of a layered layout (phases 1–4, see `rankLayered`): which edges are
// turned around to break cycles, the layers and the order within them. It depends on the
// graph's structure only, so it can be computed before the nodes are sized.

public struct LayeredRanking: Sendable {
    /// What the ranking was computed for: nodes' clusters, edges' ends, which have labels and
    /// their priorities, clusters' parents. A graph with the same structure can be placed with this ranking.
    struct Structure: Hashable, Sendable {
        var nodeClusters: [Int?]
        var edges: [Int]
        var labelled: [Bool]
        var priorities: [Int]
        var clusterParents: [Int?]

        init(_ graph: LayeredGraph) {
            nodeClusters = graph.nodes.map(\.cluster)
            edges = graph.edges.flatMap { [$0.from, $0.to] }
            labelled = graph.edges.map { $0.labelSize != nil }
            priorities = graph.edges.map(\.priority)
            clusterParents = graph.clusters.map(\.parent)
        }
    }

    let ranked: RankedOrder
    let structure: Structure

    init(ranked: RankedOrder, graph: LayeredGraph) {
        self.ranked = ranked
        self.structure = Structure(graph)
    }

    /// The first layering tried, profiled (see `layeringProfile`): the same for every graph with
    /// this structure, whatever layering the ranking kept.
    public var profile: LayeringProfile { ranked.profile }

    func fits(_ graph: LayeredGraph) -> Bool {
        Structure(graph) == structure
    }

    /// Whether edge `edge` is laid out against its own direction, to break a cycle (it is still
    /// drawn from its source to its target).
    public func isReversed(_ edge: Int) -> Bool {
        edge >= 0 && edge < ranked.reversed.count && ranked.reversed[edge]
    }

    /// For every node, how many edge ends meet it on the side facing the earlier layers (left, or
    /// top) and on the side facing the later ones (right, or bottom). Self-loops are not counted.
    public var endsPerSide: [(before: Int, after: Int)] {
        let nodeCount = structure.nodeClusters.count
        var ends = Array(repeating: (before: 0, after: 0), count: nodeCount)
        for e in 0..<structure.labelled.count {
            let from = structure.edges[2 * e], to = structure.edges[2 * e + 1]
            guard from >= 0, from < nodeCount, to >= 0, to < nodeCount, from != to else { continue }
            let (tail, head) = isReversed(e) ? (to, from) : (from, to)
            ends[tail].after += 1
            ends[head].before += 1
        }
        return ends
    }
}

extension LayeredRanking {
    /// For every node, whether a self-loop hangs on it (where loops go, no edge ends go).
    var hasSelfLoop: [Bool] {
        var looped = Array(repeating: false, count: structure.nodeClusters.count)
        for e in 0..<structure.labelled.count {
            let from = structure.edges[2 * e], to = structure.edges[2 * e + 1]
            if from == to, from >= 0, from < looped.count { looped[from] = true }
        }
        return looped
    }
}

extension LayeredGraph.Edge {
    func isValid(nodeCount: Int) -> Bool {
        from >= 0 && from < nodeCount && to >= 0 && to < nodeCount
    }
}
