// The state of crossing minimisation: the current order of every layer, positions, and the
// scratch space of the sweeps; the sweep, transposition and sifting steps extend it.

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
    /// Each dummy's neighbour above (below), -1 for other vertices: whose side of clusters it keeps.
    let dummyUpper: [Int]
    let dummyLower: [Int]
    let transposeBudget: Int

    init(graph: ProperGraph, clusters: ClusterTree, transposeBudget: Int) {
        self.graph = graph
        self.clusters = clusters
        order = Array(repeating: [], count: graph.layerCount)
        position = Array(repeating: 0, count: graph.vertexCount)
        sorter = ClusteredLayerSort(clusters: clusters, vertexCluster: graph.cluster)
        keys = Array(repeating: .nan, count: graph.vertexCount)
        neighbours = NeighbourPositions(graph: graph)
        let isDummy = graph.vertices.map(\.isDummy)
        dummyUpper = neighbours.soleUpper.enumerated().map { isDummy[$0.offset] ? $0.element : -1 }
        dummyLower = neighbours.soleLower.enumerated().map { isDummy[$0.offset] ? $0.element : -1 }
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
            setLayer(l, sorter.sorted(order[l], keys: keys, fixed: l > 0 ? order[l - 1] : nil, follows: dummyUpper))
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
