// Sifting (Matuszewski, Schönfeld and Molitor, 1999): take one vertex out of its layer and
// put it back at the position, among all, where it crosses least; vertex by vertex, most
// connected first. It escapes local minima that adjacent swaps cannot. A vertex only moves
// within the run of neighbouring vertices of its own innermost cluster, so clusters stay
// contiguous.

extension OrderingState {
    /// One sifting pass over all vertices; returns the number of crossings removed.
    @discardableResult
    mutating func sift(budget: inout Int) -> Int {
        var vertices = Array(0..<graph.vertexCount)
        let degree = (0..<graph.vertexCount).map { graph.degree($0) }
        vertices.sort { degree[$0] != degree[$1] ? degree[$0] > degree[$1] : $0 < $1 }
        var gained = 0
        for v in vertices where degree[v] > 0 {
            if budget <= 0 { break }
            gained += siftVertex(v, budget: &budget)
        }
        return gained
    }

    private mutating func siftVertex(_ v: Int, budget: inout Int) -> Int {
        let l = graph.layer[v]
        let p = position[v]
        let home = graph.cluster[v]
        var first = p, last = p
        while first > 0 && graph.cluster[order[l][first - 1]] == home { first -= 1 }
        while last + 1 < order[l].count && graph.cluster[order[l][last + 1]] == home { last += 1 }
        guard last > first else { return 0 }
        neighbours.reset()
        budget -= last - first + 1
        // Cost relative to v at the front of the run; moving v past w adds c(w, v) − c(v, w).
        var cost = 0, bestCost = 0, bestSlot = first
        var currentCost = 0
        var slot = first
        for i in first...last {
            let w = order[l][i]
            if w == v { currentCost = cost; continue }
            let (vFirst, wFirst) = neighbours.pairCrossings(v, w, position: position)
            cost += wFirst - vFirst
            slot += 1
            if cost < bestCost { bestCost = cost; bestSlot = slot }
        }
        guard bestCost < currentCost else { return 0 }
        // Move v from p to bestSlot (an index in the layer without v).
        var layer = order[l]
        layer.remove(at: p)
        layer.insert(v, at: bestSlot)
        setLayer(l, layer)
        return currentCost - bestCost
    }
}
