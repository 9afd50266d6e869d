// Phase 4 — crossing minimisation. Orders the vertices of every layer to make few crossings,
// as dot's `mincross` does: from several starting orders, alternate downward and upward sweeps
// that sort each layer by the weighted median of its neighbours in the previous layer, follow
// each sweep with adjacent transpositions, and keep the best order seen. Small graphs also get
// shuffled starting orders and sifting. Clusters stay contiguous in every layer, and sibling
// clusters keep one relative order across layers.

/// The vertices of each layer in left-to-right (top-to-bottom) order, and their crossings.
///
/// Work is bounded by the counts in `plan`, never by time, so the result is deterministic.
/// `alsoStartFrom` is an extra starting order (cluster-consistent), searched first.
func orderLayers(_ graph: ProperGraph, clusters: ClusterTree, plan: OrderingPlan, alsoStartFrom given: [[Int]]? = nil) -> (order: [[Int]], crossings: Int) {
    guard graph.vertexCount > 0 else { return (Array(repeating: [], count: graph.layerCount), 0) }
    var state = OrderingState(graph: graph, clusters: clusters, transposeBudget: plan.transposeBudget)
    var best: [[Int]] = []
    var bestCrossings = Int.max
    let starts: [[[Int]]?] = (given.map { [$0] } ?? []) + plan.starts.map { _ in nil }
    for (i, givenOrder) in starts.enumerated() {
        if let givenOrder {
            state.setOrder(givenOrder)
        } else {
            state.setOrder(state.clusterConsistent(initialOrder(graph, plan.starts[i - (given == nil ? 0 : 1)])))
        }
        let crossings = state.improve(iterations: plan.iterationsPerStart, quitAfter: plan.quitAfter, variant: i)
        if crossings < bestCrossings { bestCrossings = crossings; best = state.order }
        if bestCrossings == 0 { return (best, 0) }
    }
    if plan.finalIterations > 0 {
        state.setOrder(best)
        let crossings = state.improve(iterations: plan.finalIterations, quitAfter: plan.quitAfter, variant: 0)
        if crossings < bestCrossings { best = state.order; bestCrossings = crossings }
    }
    if plan.siftingRounds > 0 && bestCrossings > 0 {
        state.setOrder(best)
        var budget = plan.siftingBudget
        for _ in 0..<plan.siftingRounds {
            let gained = state.sift(budget: &budget)
            state.transpose(reverse: false)
            if gained == 0 || budget <= 0 { break }
        }
        let crossings = state.crossings()
        if crossings < bestCrossings { best = state.order; bestCrossings = crossings }
    }
    return (best, bestCrossings)
}

/// How much searching a graph of this size gets, in tiers of the number of sweeps that
/// `16 million × effort` vertex-or-arc visits would pay for.
struct OrderingPlan {
    var starts: [InitialOrder]
    var iterationsPerStart: Int
    var finalIterations: Int
    var quitAfter: Int
    var siftingRounds = 0
    var siftingBudget = 0
    /// How many cycle removal strategies the layout should try, and how many of the resulting
    /// layerings get the full search.
    var layerings = 1
    var finalists = 1
    /// Vertex visits allowed to one round of transpositions.
    var transposeBudget: Int

    init(graph: ProperGraph, effort: Double) {
        let size = max(1, graph.vertexCount + graph.upper.count)
        let sweeps = 16_000_000 * max(0, effort) / Double(size)
        let traversals: [InitialOrder] = [.breadthFirstDown, .breadthFirstUp, .depthFirstDown, .depthFirstUp]
        transposeBudget = 8 * graph.vertexCount + 1000
        quitAfter = 8
        if effort <= 0 {
            starts = [.breadthFirstDown]; iterationsPerStart = 1; finalIterations = 0; quitAfter = 1
        } else if sweeps >= 1200 {
            starts = traversals + [.shuffled(seed: 1), .shuffled(seed: 2)]
            iterationsPerStart = 16; finalIterations = 24
            siftingRounds = 4; siftingBudget = 400 * size
            layerings = 12; finalists = 2
            transposeBudget = 16 * graph.vertexCount + 1000
        } else if sweeps >= 400 {
            starts = traversals; iterationsPerStart = 12; finalIterations = 24
            layerings = 2; finalists = 1
        } else if sweeps >= 150 {
            starts = traversals; iterationsPerStart = 16; finalIterations = 24
        } else if sweeps >= 60 {
            starts = Array(traversals.prefix(2)); iterationsPerStart = 8; finalIterations = 16; quitAfter = 6
        } else {
            starts = [.breadthFirstDown]; iterationsPerStart = max(2, min(12, Int(sweeps / 4))); finalIterations = 0; quitAfter = 4
            transposeBudget = 16 * graph.vertexCount + 1000
        }
    }
}

extension OrderingPlan {
    /// A cheap search, to compare layerings.
    static func quick(_ graph: ProperGraph) -> OrderingPlan {
        var plan = OrderingPlan(graph: graph, effort: 0)
        plan.starts = [.breadthFirstDown, .depthFirstUp]
        plan.iterationsPerStart = 8
        plan.quitAfter = 4
        return plan
    }
}

struct OrderingState {
    let graph: ProperGraph
    let clusters: ClusterTree
    var order: [[Int]]
    var position: [Int]
    var counter = CrossingCounter()
    var sorter: ClusteredLayerSort
    var keys: [Double]
    var scratch: [Int] = []
    var neighbours: NeighbourPositions
    let transposeBudget: Int

    init(graph: ProperGraph, clusters: ClusterTree, transposeBudget: Int) {
        self.graph = graph
        self.clusters = clusters
        order = Array(repeating: [], count: graph.layerCount)
        position = Array(repeating: 0, count: graph.vertexCount)
        sorter = ClusteredLayerSort(clusters: clusters, vertexCluster: graph.cluster)
        keys = Array(repeating: .nan, count: graph.vertexCount)
        neighbours = NeighbourPositions(graph: graph)
        self.transposeBudget = transposeBudget
    }

    mutating func setOrder(_ newOrder: [[Int]]) {
        order = newOrder
        for layer in order { for (i, v) in layer.enumerated() { position[v] = i } }
    }

    mutating func setLayer(_ l: Int, _ vertices: [Int]) {
        order[l] = vertices
        for (i, v) in vertices.enumerated() { position[v] = i }
    }

    mutating func crossings() -> Int {
        counter.totalCrossings(order: order, graph: graph, position: position)
    }

    /// `order` with clusters made contiguous and consistent, changing as little as possible.
    mutating func clusterConsistent(_ start: [[Int]]) -> [[Int]] {
        setOrder(start)
        guard clusters.count > 0 else { return start }
        for l in 0..<order.count {
            for v in order[l] { keys[v] = Double(position[v]) }
            setLayer(l, sorter.sorted(order[l], keys: keys, fixed: l > 0 ? order[l - 1] : nil))
        }
        return order
    }

    /// Runs median sweeps and transpositions; leaves the best order found in `order` and
    /// returns its crossings.
    mutating func improve(iterations: Int, quitAfter: Int, variant: Int) -> Int {
        transpose(reverse: false)
        var best = crossings()
        var bestOrder = order
        var trying = 0
        for iteration in 0..<iterations {
            if best == 0 || trying >= quitAfter { break }
            trying += 1
            let downward = (iteration + variant) % 2 == 0
            sweep(downward: downward, useBarycenter: variant % 2 == 1 && iteration < 2)
            transpose(reverse: iteration % 4 < 2)
            let current = crossings()
            if current <= best {
                if Double(current) < 0.995 * Double(best) { trying = 0 }
                best = current
                bestOrder = order
            }
        }
        setOrder(bestOrder)
        return best
    }
}
