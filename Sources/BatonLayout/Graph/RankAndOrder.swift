// Phases 1–4 together: cycle removal, layer assignment, dummy vertices and crossing
// minimisation. When the graph is small enough for the work budget, they run once per cycle
// removal strategy and the layering with the fewest crossings wins (then the one with fewer
// dummy vertices), deterministically.

struct RankedOrder {
    var reversed: [Bool]
    var graph: ProperGraph
    var order: [[Int]]
    var crossings: Int
}

/// - Parameters:
///   - arcs: the edges that take part in layering (valid, no self-loops), by edge index.
func rankAndOrder(nodeCount: Int, edgeCount: Int, arcs: [(edge: Int, arc: Arc)], hasLabel: [Bool], clusters: ClusterTree,
                  effort: Double, observer: ((LayeredLayoutPhase) -> Void)?) -> RankedOrder {
    let minimumLength = arcs.contains { hasLabel[$0.edge] } ? 2 : 1
    func run(_ strategy: CycleRemoval) -> (RankedOrder, OrderingPlan) {
        let flips = strategy.arcsToReverse(nodeCount: nodeCount, arcs: arcs.map(\.arc))
        var reversed = Array(repeating: false, count: edgeCount)
        var layoutArcs = [Arc?](repeating: nil, count: edgeCount)
        for (k, a) in arcs.enumerated() {
            reversed[a.edge] = flips[k]
            layoutArcs[a.edge] = flips[k] ? a.arc.reversed : a.arc
        }
        observer?(.cycleRemoval)
        let layers = assignLayers(nodeCount: nodeCount, arcs: layoutArcs.compactMap { $0 }, minLength: minimumLength)
        observer?(.layerAssignment)
        let proper = properGraph(layers: layers, arcs: layoutArcs, hasLabel: hasLabel, reversed: reversed, clusters: clusters)
        observer?(.dummyVertices)
        let plan = OrderingPlan(graph: proper, effort: effort)
        let (order, crossings) = orderLayers(proper, clusters: clusters, plan: plan)
        observer?(.crossingMinimization)
        return (RankedOrder(reversed: reversed, graph: proper, order: order, crossings: crossings), plan)
    }
    var (best, plan) = run(.greedy)
    if plan.tryOtherLayerings && best.crossings > 0 {
        for strategy in CycleRemoval.allCases where strategy != .greedy {
            let (candidate, _) = run(strategy)
            if candidate.crossings < best.crossings
                || (candidate.crossings == best.crossings && candidate.graph.vertexCount < best.graph.vertexCount) {
                best = candidate
            }
        }
    }
    return best
}
