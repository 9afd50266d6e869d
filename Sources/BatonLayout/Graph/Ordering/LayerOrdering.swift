// Phase 4 — crossing minimisation. Orders the vertices of every layer to make few crossings,
// as dot's `mincross` does: from several starting orders, alternate downward and upward sweeps
// that sort each layer by the weighted median of its neighbours in the previous layer, follow
// each sweep with adjacent transpositions, and keep the best order seen. Small graphs also get
// shuffled starting orders and sifting. Clusters stay contiguous in every layer, and sibling
// clusters keep one relative order across layers. Last, vertices move off cluster boxes their
// edges would cut through (`ClusterTrespasses`).

/// The vertices of each layer in left-to-right (top-to-bottom) order, and their crossings.
///
/// Work is bounded by the counts in `plan`, never by time, so the result is deterministic.
/// `alsoStartFrom` is an extra starting order (cluster-consistent), searched first.
func orderLayers(_ graph: ProperGraph, clusters: ClusterTree, plan: OrderingPlan, alsoStartFrom given: [[Int]]? = nil) -> (order: [[Int]], crossings: Int) {
    guard graph.vertexCount > 0 else { return (Array(repeating: [], count: graph.layerCount), 0) }
    var state = OrderingState(graph: graph, clusters: clusters, transposeBudget: plan.transposeBudget)
    let (best, crossings) = searchOrder(&state, plan: plan, alsoStartFrom: given)
    // Then edges that would cut through cluster boxes, each weighed as two crossings; the work
    // is bounded by a few passes over the graph (and a constant for small ones).
    guard clusters.count > 0 else { return (best, crossings) }
    state.setOrder(best)
    var budget = 8 * (graph.vertexCount + graph.upper.count) + 2000
    guard state.avoidTrespasses(budget: &budget) else { return (best, crossings) }
    return (state.order, state.crossings())
}

/// The order with the fewest crossings that `plan`'s search finds.
private func searchOrder(_ state: inout OrderingState, plan: OrderingPlan, alsoStartFrom given: [[Int]]?) -> (order: [[Int]], crossings: Int) {
    let graph = state.graph
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
