// Phases 1–4 together: cycle removal, layer assignment, dummy vertices and crossing
// minimisation. How edges are turned around decides the layering, and the layering decides
// much of the crossings, more than any ordering search can win back. So when the work budget
// allows, several cycle removals are tried, each improved by `ReversalSearch` (shorter back
// edges): each layering gets a quick ordering, the most promising ones get the full search, and
// the fewest crossings win (then the shorter arcs, back edges counting double, then the edges
// turned around, see `ReversalSearch.Turned`, then fewer dummy vertices, then the earlier
// strategy), deterministically.

struct RankedOrder: Sendable {
    var reversed: [Bool]
    var graph: ProperGraph
    var order: [[Int]]
    var crossings: Int
    /// The layering's arc length, back edges weighted (`weightedArcLength`).
    var length: Int
    /// The edges turned around.
    var turned: ReversalSearch.Turned
    /// The first layering tried (greedy cycle removal, improved), without its order: what the
    /// graph view estimates its size from (`LayeringProfile`), which `layeringProfile` gives
    /// without ranking.
    var profile: LayeringProfile
}

/// The layerings of one graph, one per choice of arcs to turn around.
struct Layerings {
    typealias Layering = (reversed: [Bool], arcs: [Arc?], layers: [Int], added: Int, length: Int)

    let nodeCount: Int
    let edgeCount: Int
    let arcs: [(edge: Int, arc: Arc)]
    let hasLabel: [Bool]
    /// Per edge (`LayeredGraph.Edge.priority`).
    let priority: [Int]
    let clusters: ClusterTree
    let minimumLength: Int
    let budget: Int
    var search: ReversalSearch

    init(nodeCount: Int, edgeCount: Int, arcs: [(edge: Int, arc: Arc)], hasLabel: [Bool], priority: [Int],
         clusters: ClusterTree, effort: Double, layeringBudget: Int?) {
        self.nodeCount = nodeCount
        self.edgeCount = edgeCount
        self.arcs = arcs
        self.hasLabel = hasLabel
        let priority = priority.count == edgeCount ? priority : Array(repeating: 0, count: edgeCount)
        self.priority = priority
        self.clusters = clusters
        minimumLength = arcs.contains { hasLabel[$0.edge] } ? 2 : 1
        budget = layeringBudget ?? LayeringBudget.vertices(nodeCount: nodeCount, arcCount: arcs.count)
        search = ReversalSearch(nodeCount: nodeCount, arcs: arcs.map(\.arc), priority: arcs.map { priority[$0.edge] },
                                minLength: minimumLength, effort: effort)
    }

    /// The arcs `strategy` turns around, improved by the search.
    mutating func flips(_ strategy: CycleRemoval) -> [Bool] {
        search.improve(strategy.arcsToReverse(nodeCount: nodeCount, arcs: search.arcs))
    }

    /// Phases 2 and 3's input for one choice: every edge's layout orientation and the layers.
    func layering(_ flips: [Bool], observer: ((LayeredLayoutPhase) -> Void)?) -> Layering {
        let acyclic = arcs.indices.map { flips[$0] ? arcs[$0].arc.reversed : arcs[$0].arc }
        observer?(.cycleRemoval)
        // Arcs the bounded layering turns around are reversed like those cycle removal turned.
        let (layers, turned, added) = assignBoundedLayers(nodeCount: nodeCount, arcs: acyclic, minLength: minimumLength,
                                                          clusters: clusters, budget: budget)
        var reversed = Array(repeating: false, count: edgeCount)
        var layoutArcs = [Arc?](repeating: nil, count: edgeCount)
        var layered: [Arc] = []
        var back: [Bool] = []
        for (k, a) in arcs.enumerated() {
            reversed[a.edge] = flips[k] != turned[k]
            let arc = turned[k] ? acyclic[k].reversed : acyclic[k]
            layoutArcs[a.edge] = arc
            layered.append(arc)
            back.append(reversed[a.edge])
        }
        observer?(.layerAssignment)
        return (reversed, layoutArcs, layers, added, weightedArcLength(layers: layers, arcs: layered, turned: back))
    }

    func profile(_ layering: Layering) -> LayeringProfile {
        LayeringProfile(layers: layering.layers, arcs: layering.arcs, hasLabel: hasLabel)
    }

    func proper(_ layering: Layering, profile: LayeringProfile, observer: ((LayeredLayoutPhase) -> Void)?) -> RankedOrder {
        let proper = properGraph(layers: layering.layers, arcs: layering.arcs, hasLabel: hasLabel, reversed: layering.reversed,
                                 clusters: clusters)
        observer?(.dummyVertices)
        return RankedOrder(reversed: layering.reversed, graph: proper, order: [], crossings: 0, length: layering.length,
                           turned: ReversalSearch.Turned(layering.reversed, priority: priority), profile: profile)
    }
}

/// The first layering `rankAndOrder` tries, profiled, without building its vertices or ordering
/// them.
func firstLayeringProfile(nodeCount: Int, edgeCount: Int, arcs: [(edge: Int, arc: Arc)], hasLabel: [Bool], priority: [Int] = [],
                          clusters: ClusterTree, effort: Double, layeringBudget: Int? = nil) -> LayeringProfile {
    var layerings = Layerings(nodeCount: nodeCount, edgeCount: edgeCount, arcs: arcs, hasLabel: hasLabel, priority: priority,
                              clusters: clusters, effort: effort, layeringBudget: layeringBudget)
    return layerings.profile(layerings.layering(layerings.flips(.greedy), observer: nil))
}

/// - Parameters:
///   - arcs: the edges that take part in layering (valid, no self-loops), by edge index.
///   - layeringBudget: the added vertices above which the layering is made shallower (nil: see
///     `LayeringBudget`).
///   - admit: sees how many vertices the layering adds before any is built, and may throw to
///     stop there (see `LayeredLayoutTooLarge`).
func rankAndOrder<Failure: Error>(nodeCount: Int, edgeCount: Int, arcs: [(edge: Int, arc: Arc)], hasLabel: [Bool],
                                  priority: [Int] = [], clusters: ClusterTree, effort: Double, layeringBudget: Int? = nil,
                                  admit: (_ addedVertices: Int) throws(Failure) -> Void,
                                  observer: ((LayeredLayoutPhase) -> Void)?) throws(Failure) -> RankedOrder {
    var layerings = Layerings(nodeCount: nodeCount, edgeCount: edgeCount, arcs: arcs, hasLabel: hasLabel, priority: priority,
                              clusters: clusters, effort: effort, layeringBudget: layeringBudget)
    // The limit is checked before any vertex is built: the layering alone is linear in size.
    let firstFlips = layerings.flips(.greedy)
    let firstLayering = layerings.layering(firstFlips, observer: observer)
    try admit(firstLayering.added)
    let profile = layerings.profile(firstLayering)
    let first = layerings.proper(firstLayering, profile: profile, observer: observer)
    let plan = OrderingPlan(graph: first.graph, effort: effort)
    let strategies = Array(CycleRemoval.allCases.prefix(max(1, plan.layerings)))
    guard strategies.count > 1 else {
        var ranked = first
        (ranked.order, ranked.crossings) = orderLayers(first.graph, clusters: clusters, plan: plan)
        observer?(.crossingMinimization)
        return ranked
    }
    // Quick orderings of every layering; strategies often agree once improved, and each
    // distinct choice is laid out once.
    var candidates: [(rank: Int, ranked: RankedOrder)] = []
    var seen: Set<[Bool]> = [firstFlips]
    for (i, strategy) in strategies.enumerated() {
        var ranked = first
        if i > 0 {
            let choice = layerings.flips(strategy)
            guard seen.insert(choice).inserted else { continue }
            ranked = layerings.proper(layerings.layering(choice, observer: observer), profile: profile, observer: observer)
        }
        (ranked.order, ranked.crossings) = orderLayers(ranked.graph, clusters: clusters, plan: .quick(ranked.graph))
        observer?(.crossingMinimization)
        candidates.append((i, ranked))
    }
    func better(_ a: (rank: Int, ranked: RankedOrder), _ b: (rank: Int, ranked: RankedOrder)) -> Bool {
        if a.ranked.crossings != b.ranked.crossings { return a.ranked.crossings < b.ranked.crossings }
        if a.ranked.length != b.ranked.length { return a.ranked.length < b.ranked.length }
        if a.ranked.turned != b.ranked.turned { return a.ranked.turned.isPreferred(over: b.ranked.turned) }
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
