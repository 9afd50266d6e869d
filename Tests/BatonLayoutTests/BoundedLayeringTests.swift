// Phase 2 within a budget: a layering whose added vertices would exceed the budget is made
// shallower, stays a valid layering of the same arcs (some turned around), and fits; one within
// the budget is left exactly as network simplex made it.

import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct BoundedLayeringTests {
    /// Random arcs between random pairs, pointing from the lower index to the higher: acyclic,
    /// and deep (a long path through the indices), so the natural layering is expensive.
    static func deepArcs(seed: UInt64, nodes: Int, arcs: Int) -> [Arc] {
        var rng = SplitMix64(seed: seed)
        var out: [Arc] = []
        while out.count < arcs {
            let a = Int.random(in: 0..<nodes, using: &rng), b = Int.random(in: 0..<nodes, using: &rng)
            if a != b { out.append(Arc(tail: min(a, b), head: max(a, b))) }
        }
        return out
    }

    static func noClusters(_ n: Int) -> ClusterTree {
        ClusterTree(clusters: [], nodes: Array(repeating: LayeredGraph.Node(size: .zero), count: n))
    }

    @Test(arguments: 0..<4) func aLayeringWithinTheBudgetIsLeftAlone(_ seed: Int) {
        let n = 40
        let arcs = Self.deepArcs(seed: UInt64(seed), nodes: n, arcs: 160)
        let natural = assignLayers(nodeCount: n, arcs: arcs, minLength: 2)
        let bounded = assignBoundedLayers(nodeCount: n, arcs: arcs, minLength: 2, clusters: Self.noClusters(n), budget: .max)
        #expect(bounded.layers == natural)
        #expect(!bounded.turned.contains(true))
        #expect(bounded.added == layeringCost(layers: natural, arcs: arcs, clusters: Self.noClusters(n)))
    }

    @Test(arguments: 0..<6) func aLayeringOverTheBudgetGetsShallowAndFits(_ seed: Int) throws {
        let n = 60
        let arcs = Self.deepArcs(seed: 100 + UInt64(seed), nodes: n, arcs: 300)
        let minLength = 1 + seed % 2
        let natural = assignLayers(nodeCount: n, arcs: arcs, minLength: minLength)
        let naturalCost = layeringCost(layers: natural, arcs: arcs, clusters: Self.noClusters(n))
        // A budget that half the natural height is known to fit (the first height tried).
        let order = (0..<n).sorted { natural[$0] != natural[$1] ? natural[$0] < natural[$1] : $0 < $1 }
        let half = LayerDealer(nodeCount: n, arcs: arcs).deal(order: order, height: ((natural.max() ?? 0) / minLength + 1) / 2)
        let budget = layeringCost(layers: half.map { $0 * minLength }, arcs: arcs.map { half[$0.tail] < half[$0.head] ? $0 : $0.reversed },
                                  clusters: Self.noClusters(n))
        try #require(budget < naturalCost)
        let bounded = assignBoundedLayers(nodeCount: n, arcs: arcs, minLength: minLength, clusters: Self.noClusters(n), budget: budget)

        // Every arc, turned or not, points at least `minLength` layers onwards.
        var oriented: [Arc] = []
        for (i, a) in arcs.enumerated() {
            let arc = bounded.turned[i] ? a.reversed : a
            #expect(bounded.layers[arc.head] - bounded.layers[arc.tail] >= minLength, "arc \(i) points back")
            oriented.append(arc)
        }
        #expect(bounded.layers.min() == 0)
        #expect(bounded.added == layeringCost(layers: bounded.layers, arcs: oriented, clusters: Self.noClusters(n)))
        #expect(bounded.added <= budget, "cost \(bounded.added) over the budget \(budget) (natural: \(naturalCost))")
        #expect((bounded.layers.max() ?? 0) < (natural.max() ?? 0))
        // Only some arcs turn: most keep the direction cycle removal gave them.
        let turned = bounded.turned.filter { $0 }.count
        #expect(turned > 0 && turned < arcs.count / 2)
    }

    /// The cost is exactly the bend and label vertices without clusters, and bounds the fillers
    /// and borders with them.
    @Test(arguments: 0..<6) func theCostCountsWhatPhase3Adds(_ seed: Int) {
        let graph = randomLayeredGraph(seed: 40 + UInt64(seed), nodes: 30, edges: 70, labels: seed % 2 == 0, clusters: seed < 3 ? 0 : 4)
        let fixture = PhaseFixture(graph)
        let proper = fixture.proper
        var arcs: [Arc] = []
        for chain in proper.chains where chain.count >= 2 { arcs.append(Arc(tail: chain[0], head: chain[chain.count - 1])) }
        let layers = Array(proper.layer.prefix(graph.nodes.count))
        let cost = layeringCost(layers: layers, arcs: arcs, clusters: fixture.clusters)
        // Borders as the layout makes them: for an order that keeps clusters contiguous.
        let order = orderLayers(proper, clusters: fixture.clusters, plan: OrderingPlan(graph: proper, effort: 0)).order
        let borders = BorderedLayering(graph: proper, order: order, clusters: fixture.clusters).count - proper.vertexCount
        let added = proper.vertexCount - graph.nodes.count + borders
        if graph.clusters.isEmpty { #expect(cost == added) } else { #expect(cost >= added) }
    }

    /// Dealing onto `height` colours: the ends of an arc never share one, and a node goes one above
    /// its highest tail whenever that is below the height.
    @Test(arguments: [2, 3, 5, 8]) func dealtColoursSeparateEveryArc(_ height: Int) {
        let n = 50
        let arcs = Self.deepArcs(seed: UInt64(height), nodes: n, arcs: 200)
        let colours = LayerDealer(nodeCount: n, arcs: arcs).deal(order: Array(0..<n), height: height)
        for a in arcs { #expect(colours[a.tail] != colours[a.head]) }
        for v in 0..<n {
            let tails = arcs.filter { $0.head == v }.map { colours[$0.tail] }
            let forward = (tails.max() ?? -1) + 1
            if forward < height { #expect(colours[v] == forward) }
        }
    }
}

/// The whole layout on a budget: the same invariants as always, fewer vertices; and a vertex limit
/// that refuses before building anything.
@Suite struct LayoutBudgetTests {
    static let graph = randomLayeredGraph(seed: 7, nodes: 40, edges: 140, labels: true, clusters: 3)
    /// The least search, where the search is not the point.
    static let quick: LayeredLayoutOptions = {
        var options = LayeredLayoutOptions()
        options.effort = 0
        return options
    }()

    static func addedVertices(_ ranking: LayeredRanking, _ graph: LayeredGraph) -> Int {
        ranking.ranked.graph.vertexCount - graph.nodes.count
    }

    @Test(arguments: [LayoutDirection.leftToRight, .topToBottom])
    func aLayoutOnABudgetIsStillValid(_ direction: LayoutDirection) {
        let graph = Self.graph
        var options = LayeredLayoutOptions(direction: direction)
        let natural = Self.addedVertices(rankLayered(graph, options: options), graph)
        options.vertexBudget = natural / 3
        let ranking = rankLayered(graph, options: options)
        #expect(Self.addedVertices(ranking, graph) < natural)
        expectValidLayout(graph, layoutLayered(graph, ranking: ranking, options: options))
    }

    @Test func theVertexLimitRefusesBeforeBuildingAnything() throws {
        let graph = Self.graph
        var needed = 0
        do {
            _ = try rankLayered(graph, options: Self.quick, vertexLimit: 10)
            Issue.record("expected the limit to refuse the graph")
        } catch {
            #expect(error.limit == 10)
            needed = error.addedVertices
        }
        #expect(needed > 10)
        #expect(throws: LayeredLayoutTooLarge(addedVertices: needed, limit: needed - 1)) {
            try rankLayered(graph, options: Self.quick, vertexLimit: needed - 1)
        }
        // Within the limit, the ranking is the one without a limit.
        let allowed = try rankLayered(graph, options: Self.quick, vertexLimit: needed)
        #expect(layoutLayered(graph, ranking: allowed, options: Self.quick) == layoutLayered(graph, options: Self.quick))
    }
}
