// Runs the first phases of the layout on a `LayeredGraph`, for phase tests.

@testable import BatonLayout

struct PhaseFixture {
    let graph: LayeredGraph
    let clusters: ClusterTree
    let proper: ProperGraph

    init(_ graph: LayeredGraph, strategy: CycleRemoval = .greedy) {
        self.graph = graph
        clusters = ClusterTree(clusters: graph.clusters, nodes: graph.nodes)
        var arcs: [Arc?] = Array(repeating: nil, count: graph.edges.count)
        var list: [(Int, Arc)] = []
        for (i, e) in graph.edges.enumerated() where e.from != e.to { list.append((i, Arc(tail: e.from, head: e.to))) }
        let flips = strategy.arcsToReverse(nodeCount: graph.nodes.count, arcs: list.map(\.1))
        var reversed = Array(repeating: false, count: graph.edges.count)
        for (k, (i, a)) in list.enumerated() { reversed[i] = flips[k]; arcs[i] = flips[k] ? a.reversed : a }
        let hasLabel = graph.edges.map { $0.labelSize != nil }
        let layers = assignLayers(nodeCount: graph.nodes.count, arcs: arcs.compactMap { $0 }, minLength: hasLabel.contains(true) ? 2 : 1)
        proper = properGraph(layers: layers, arcs: arcs, hasLabel: hasLabel, reversed: reversed, clusters: clusters)
    }
}
