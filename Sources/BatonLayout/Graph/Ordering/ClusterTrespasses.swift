// Edges that cut through a cluster box. A cluster's box spans every layer from its first
// member's to its last, as one rectangle; an arc between two layers the box spans, whose edge
// has neither end in the cluster, and whose ends lie on opposite sides of the box, has no way
// round it: the edge is drawn through the box, as if it belonged there. Crossings between arcs
// do not see this, so the ordering counts these too, and moves a vertex (with the bends of its
// edges that follow it) past a box when that leaves fewer crossings and trespasses together.

/// Counts the trespassing arcs of an order. Holds scratch space; reuse one for many counts.
struct ClusterTrespasses {
    private let graph: ProperGraph
    private let clusters: ClusterTree
    /// For each layer l, the clusters whose box spans both l and l + 1.
    private let spanning: [[Int]]
    /// Each cluster's first and last position in the two layers being looked at.
    private var upperStart: [Int]
    private var upperEnd: [Int]
    private var lowerStart: [Int]
    private var lowerEnd: [Int]

    init(graph: ProperGraph, clusters: ClusterTree) {
        self.graph = graph
        self.clusters = clusters
        var spanning = Array(repeating: [Int](), count: max(0, graph.layerCount - 1))
        for c in 0..<clusters.count {
            let layers = graph.clusterLayers[c]
            for l in layers.lowerBound..<layers.upperBound where l < spanning.count { spanning[l].append(c) }
        }
        self.spanning = spanning
        let n = clusters.count + 1
        upperStart = Array(repeating: 0, count: n)
        upperEnd = Array(repeating: 0, count: n)
        lowerStart = Array(repeating: 0, count: n)
        lowerEnd = Array(repeating: 0, count: n)
    }

    /// Whether any layer pair has a box spanning it (otherwise nothing can trespass).
    var isPossible: Bool { spanning.contains { !$0.isEmpty } }

    /// All trespassing arcs of `order`, one per arc and box it cuts.
    mutating func total(order: [[Int]], position: [Int]) -> Int {
        var total = 0
        for l in spanning.indices where !spanning[l].isEmpty { total += arcs(between: l, order: order, position: position).count }
        return total
    }

    /// The trespassing arcs between layers `l` and `l + 1`, in order, each with the box it cuts:
    /// time linear in the two layers' vertices (times nesting depth) plus their arcs times the
    /// boxes spanning both layers.
    mutating func arcs(between l: Int, order: [[Int]], position: [Int]) -> [(upper: Int, lower: Int, box: Int)] {
        guard l >= 0, l < spanning.count, !spanning[l].isEmpty else { return [] }
        extents(of: order[l], boxes: spanning[l], start: &upperStart, end: &upperEnd)
        extents(of: order[l + 1], boxes: spanning[l], start: &lowerStart, end: &lowerEnd)
        var found: [(upper: Int, lower: Int, box: Int)] = []
        for u in order[l] {
            let pu = position[u]
            for w in graph.lowerNeighbors(u) {
                let pw = position[w]
                for c in spanning[l] {
                    let above = pu < upperStart[c], below = pu > upperEnd[c]
                    guard (above && pw > lowerEnd[c]) || (below && pw < lowerStart[c]) else { continue }
                    let (tail, head) = edgeEnds(u, w)
                    if !clusters.isWithin(graph.cluster[tail], c) && !clusters.isWithin(graph.cluster[head], c) { found.append((u, w, c)) }
                }
            }
        }
        return found
    }

    /// The nodes at the two ends of the edge that the arc `u → w` belongs to: an edge leaving
    /// a box passes its side, which is no trespass.
    private func edgeEnds(_ u: Int, _ w: Int) -> (Int, Int) {
        for v in [u, w] {
            switch graph.vertices[v] {
            case .bend(let e), .label(let e):
                if let first = graph.chains[e].first, let last = graph.chains[e].last { return (first, last) }
            case .node, .filler: continue
            }
        }
        return (u, w)
    }

    /// The first and last position in `layer` of each of `boxes` (a cluster spanning the layer
    /// always has a vertex there, a filler at least, and is contiguous); other clusters' entries
    /// are left unreliable.
    private func extents(of layer: [Int], boxes: [Int], start: inout [Int], end: inout [Int]) {
        for c in boxes { start[c] = Int.max; end[c] = Int.min }
        for (i, v) in layer.enumerated() {
            var c = graph.cluster[v]
            while c != clusters.root {
                start[c] = min(start[c], i)
                end[c] = max(end[c], i)
                c = clusters.parent[c]
            }
        }
    }
}

extension OrderingState {
    /// Crossings plus trespasses between layers `l` and `l + 1`, a trespass weighing as two
    /// crossings: its edge crosses both borders of the box, and is read as part of the cluster.
    private mutating func pairCost(_ l: Int, _ trespasses: inout ClusterTrespasses) -> Int {
        counter.crossings(below: order[l], lowerLayerSize: order[l + 1].count, graph: graph, position: position)
            + 2 * trespasses.arcs(between: l, order: order, position: position).count
    }

    /// Moves vertices off cluster boxes their edges would cut: for an end of a trespassing arc,
    /// tries moving it just past the box (past the block, among the items of its own innermost
    /// cluster, that holds the box, so clusters stay contiguous and keep their order), together
    /// with the bends of its edges that would otherwise cut the box next, and keeps the move when
    /// crossings plus trespasses go down. Work is bounded by `budget` (vertex visits); returns
    /// whether anything moved.
    @discardableResult
    mutating func avoidTrespasses(budget: inout Int) -> Bool {
        var trespasses = ClusterTrespasses(graph: graph, clusters: clusters)
        guard trespasses.isPossible, order.count > 1 else { return false }
        var costs = (0..<(order.count - 1)).map { pairCost($0, &trespasses) }
        budget -= graph.vertexCount + graph.upper.count
        var movedAny = false
        var improved = true
        while improved && budget > 0 {
            improved = false
            for l in 0..<(order.count - 1) where budget > 0 && costs[l] > 0 {
                budget -= order[l].count + order[l + 1].count
                for arc in trespasses.arcs(between: l, order: order, position: position) where budget > 0 {
                    if moveOff(arc.upper, box: arc.box, &trespasses, costs: &costs, budget: &budget)
                        || moveOff(arc.lower, box: arc.box, &trespasses, costs: &costs, budget: &budget) {
                        improved = true
                        movedAny = true
                        break
                    }
                }
            }
        }
        return movedAny
    }

    /// The first and last position of cluster `c` (nested clusters included) in layer `l`.
    private func blockRange(_ c: Int, in l: Int) -> (first: Int, last: Int)? {
        var first = -1, last = -1
        for (i, v) in order[l].enumerated() where clusters.isWithin(graph.cluster[v], c) {
            if first < 0 { first = i }
            last = i
        }
        return first < 0 ? nil : (first, last)
    }

    /// Moves `v` just past the block of the child of its own cluster that holds `box`, to the
    /// side `after` it (or before it); false when `v`'s cluster does not hold `box`, or `v` is
    /// already on that side.
    private mutating func place(_ v: Int, box: Int, after: Bool) -> Bool {
        let l = graph.layer[v]
        guard let sibling = clusters.child(of: graph.cluster[v], containing: box), let block = blockRange(sibling, in: l) else { return false }
        let p = position[v]
        guard after ? p < block.first : p > block.last else { return false }
        var layer = order[l]
        layer.remove(at: p)
        layer.insert(v, at: after ? block.last : block.first)
        setLayer(l, layer)
        return true
    }

    /// Moves `x` to the other side of `box` in its layer, and then each bend next to a moved
    /// vertex whose arc now cuts `box` to that vertex's side, and so on along the edges; keeps
    /// the moves (after adjacent swaps around them) when crossings plus trespasses go down, else
    /// undoes them.
    private mutating func moveOff(_ x: Int, box: Int, _ trespasses: inout ClusterTrespasses, costs: inout [Int],
                                  budget: inout Int) -> Bool {
        guard let start = blockRange(box, in: graph.layer[x]) else { return false }
        let after = position[x] < start.first
        let kept = order
        var touched = [graph.layer[x]]
        guard place(x, box: box, after: after) else { return false }
        var moved = [x]
        var queue = [x]
        while let v = queue.popLast(), budget > 0 {
            budget -= order[graph.layer[v]].count
            for n in graph.upperNeighbors(v) + graph.lowerNeighbors(v) where graph.vertices[n].isDummy && !moved.contains(n) {
                let l = graph.layer[n]
                guard let block = blockRange(box, in: l), let own = blockRange(box, in: graph.layer[v]) else { continue }
                let vAfter = position[v] > own.last, nAfter = position[n] > block.last
                guard vAfter != nAfter, position[n] < block.first || position[n] > block.last else { continue }
                if place(n, box: box, after: vAfter) {
                    if !touched.contains(l) { touched.append(l) }
                    moved.append(n)
                    queue.append(n)
                }
            }
        }
        // Then adjacent swaps, starting in the layers touched, untangle what the moves crossed
        // (they never change a trespass: no box lies between two neighbours of one cluster).
        transpose(reverse: false, from: touched)
        budget -= 2 * (graph.vertexCount + graph.upper.count)
        let now = (0..<(order.count - 1)).map { pairCost($0, &trespasses) }
        if now.reduce(0, +) < costs.reduce(0, +) {
            costs = now
            return true
        }
        setOrder(kept)
        return false
    }
}
