// How much searching crossing minimisation does, from the graph's size and the effort option.

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
            transposeBudget = 4 * graph.vertexCount + 1000
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
