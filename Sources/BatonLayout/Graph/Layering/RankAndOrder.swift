// Phases 1–4 together: cycle removal, layer assignment, dummy vertices and crossing
// minimisation. How edges are turned around decides the layering, and the layering decides
// much of the crossings, more than any ordering search can win back. So when the work budget
// allows, several cycle removals are tried: each layering gets a quick ordering, the most
// promising ones get the full search, and the fewest crossings win (then fewer dummy
// vertices, then the earlier strategy), deterministically.

struct RankedOrder: Sendable {
    var reversed: [Bool]
    var graph: ProperGraph
    var order: [[Int]]
    var crossings: Int
}

/// - Parameters:
///   - arcs: the edges that take part in layering (valid, no self-loops), by edge index.
///   - layeringBudget: the added vertices above which the layering is made shallower (nil: see
///     `LayeringBudget`).
///   - admit: sees how many vertices the layering adds before any is built, and may throw to
///     stop there (see `LayeredLayoutTooLarge`).
func rankAndOrder<Failure: Error>(nodeCount: Int, edgeCount: Int, arcs: [(edge: Int, arc: Arc)], hasLabel: [Bool],
                                  clusters: ClusterTree, effort: Double, layeringBudget: Int? = nil,
                                  admit: (_ addedVertices: Int) throws(Failure) -> Void,
                                  observer: ((LayeredLayoutPhase) -> Void)?) throws(Failure) -> RankedOrder {
    let minimumLength = arcs.contains { hasLabel[$0.edge] } ? 2 : 1
    let budget = layeringBudget ?? LayeringBudget.vertices(nodeCount: nodeCount, arcCount: arcs.count)
    func layering(_ strategy: CycleRemoval) -> (reversed: [Bool], arcs: [Arc?], layers: [Int], added: Int) {
        let flips = strategy.arcsToReverse(nodeCount: nodeCount, arcs: arcs.map(\.arc))
        let acyclic = arcs.indices.map { flips[$0] ? arcs[$0].arc.reversed : arcs[$0].arc }
        observer?(.cycleRemoval)
        // Arcs the bounded layering turns around are reversed like those cycle removal turned.
        let (layers, turned, added) = assignBoundedLayers(nodeCount: nodeCount, arcs: acyclic, minLength: minimumLength,
                                                          clusters: clusters, budget: budget)
        var reversed = Array(repeating: false, count: edgeCount)
        var layoutArcs = [Arc?](repeating: nil, count: edgeCount)
        for (k, a) in arcs.enumerated() {
            reversed[a.edge] = flips[k] != turned[k]
            layoutArcs[a.edge] = turned[k] ? acyclic[k].reversed : acyclic[k]
        }
        observer?(.layerAssignment)
        return (reversed, layoutArcs, layers, added)
    }
    func proper(_ layering: (reversed: [Bool], arcs: [Arc?], layers: [Int], added: Int)) -> (reversed: [Bool], graph: ProperGraph) {
        let proper = properGraph(layers: layering.layers, arcs: layering.arcs, hasLabel: hasLabel, reversed: layering.reversed,
                                 clusters: clusters)
        observer?(.dummyVertices)
        return (layering.reversed, proper)
    }
    // The limit is checked before any vertex is built: the layering alone is linear in size.
    let firstLayering = layering(.greedy)
    try admit(firstLayering.added)
    let first = proper(firstLayering)
    let plan = OrderingPlan(graph: first.graph, effort: effort)
    let strategies = Array(CycleRemoval.allCases.prefix(max(1, plan.layerings)))
    guard strategies.count > 1 else {
        let (order, crossings) = orderLayers(first.graph, clusters: clusters, plan: plan)
        observer?(.crossingMinimization)
        return RankedOrder(reversed: first.reversed, graph: first.graph, order: order, crossings: crossings)
    }
    // Quick orderings of every layering.
    var candidates: [(rank: Int, ranked: RankedOrder)] = []
    for (i, strategy) in strategies.enumerated() {
        let (reversed, graph) = i == 0 ? first : proper(layering(strategy))
        let (order, crossings) = orderLayers(graph, clusters: clusters, plan: .quick(graph))
        observer?(.crossingMinimization)
        candidates.append((i, RankedOrder(reversed: reversed, graph: graph, order: order, crossings: crossings)))
    }
    func better(_ a: (rank: Int, ranked: RankedOrder), _ b: (rank: Int, ranked: RankedOrder)) -> Bool {
        if a.ranked.crossings != b.ranked.crossings { return a.ranked.crossings < b.ranked.crossings }
        if a.ranked.graph.vertexCount != b.ranked.graph.vertexCount { return a.ranked.graph.vertexCount < b.ranked.graph.vertexCount }
        return a.rank < b.rank
    }
    candidates.sort(by: better)
    // The full search, with a share of the effort, for the most promising ones, starting from
    // their quick order too.
    var best: (rank: Int, ranked: RankedOrder)?
    for candidate in candidates.prefix(plan.finalists) {
        var ranked = candidate.ranked
        let full = OrderingPlan(graph: ranked.graph, effort: effort / Double(plan.layerings) * 2)
        let (order, crossings) = orderLayers(ranked.graph, clusters: clusters, plan: full, alsoStartFrom: ranked.order)
        observer?(.crossingMinimization)
        if crossings < ranked.crossings { ranked.order = order; ranked.crossings = crossings }
        let improved = (rank: candidate.rank, ranked: ranked)
        if let current = best { if better(improved, current) { best = improved } } else { best = improved }
    }
    return (best ?? candidates[0]).ranked
}
