// Phase 2 — layer assignment. Every node gets a layer (rank) so that all arcs point to higher
// layers, keeping arcs short: network simplex minimises the total arc length, as in dot.

/// A layer for each node, starting at 0 in every connected component, such that
/// `layer(head) − layer(tail) ≥ minLength` for every arc. The graph must be acyclic (see
/// `arcsToReverse`) and free of self-loops.
///
/// - Parallel arcs are merged (weights add up, the longest minimum length wins).
/// - Nodes whose incoming and outgoing weights are equal could sit on any layer in a range
///   without changing the total length; they are moved to the least crowded layer of that range,
///   which narrows the widest layers (dot's "balance").
func assignLayers(nodeCount n: Int, arcs: [Arc], minLength: Int, iterationLimit: Int? = nil) -> [Int] {
    guard n > 0 else { return [] }
    // Merge parallel arcs deterministically: sort by endpoints.
    let sorted = arcs.sorted { $0.tail != $1.tail ? $0.tail < $1.tail : $0.head < $1.head }
    var merged: [Arc] = []
    var weights: [Int] = []
    for a in sorted where a.tail != a.head {
        if let last = merged.last, last == a { weights[weights.count - 1] += 1 } else { merged.append(a); weights.append(1) }
    }
    let lengths = Array(repeating: max(1, minLength), count: merged.count)
    let cap = iterationLimit ?? (8 * n + 8 * merged.count + 100)
    // Optimal for everyday graphs; on huge ones the work allowance stops it early with a
    // good feasible layering.
    var rank = networkSimplexRanks(nodeCount: n, arcs: merged, minLength: lengths, weight: weights, maxIterations: cap,
                                   maxWork: 20_000_000 + 200 * (n + merged.count)).ranks

    // Normalise each connected component to start at layer 0.
    var component = Array(repeating: -1, count: n)
    var adjacency = Array(repeating: [Int](), count: n)
    for a in merged { adjacency[a.tail].append(a.head); adjacency[a.head].append(a.tail) }
    var componentMin: [Int] = []
    for s in 0..<n where component[s] < 0 {
        let id = componentMin.count
        var stack = [s]
        component[s] = id
        var lowest = rank[s]
        while let v = stack.popLast() {
            lowest = min(lowest, rank[v])
            for w in adjacency[v] where component[w] < 0 { component[w] = id; stack.append(w) }
        }
        componentMin.append(lowest)
    }
    for v in 0..<n { rank[v] -= componentMin[component[v]] }

    balanceLayers(&rank, arcs: merged, weights: weights, minLength: lengths)
    return rank
}

/// Moves nodes with equal in- and out-weight to the least crowded layer they can take
/// without lengthening any arc.
private func balanceLayers(_ rank: inout [Int], arcs: [Arc], weights: [Int], minLength: [Int]) {
    let n = rank.count
    let layerCount = (rank.max() ?? 0) + 1
    var population = Array(repeating: 0, count: layerCount)
    for r in rank { population[r] += 1 }
    var inWeight = Array(repeating: 0, count: n), outWeight = Array(repeating: 0, count: n)
    for (i, a) in arcs.enumerated() {
        outWeight[a.tail] += weights[i]
        inWeight[a.head] += weights[i]
    }
    var incident = Array(repeating: [Int](), count: n)
    for (i, a) in arcs.enumerated() { incident[a.tail].append(i); incident[a.head].append(i) }
    for v in 0..<n where inWeight[v] == outWeight[v] && inWeight[v] > 0 {
        var lo = 0, hi = layerCount - 1
        for i in incident[v] {
            let a = arcs[i]
            if a.head == v { lo = max(lo, rank[a.tail] + minLength[i]) } else { hi = min(hi, rank[a.head] - minLength[i]) }
        }
        guard lo < hi else { continue }
        // Only a strictly less crowded layer is worth it (the node leaves its own behind).
        var best = rank[v], bestPopulation = population[rank[v]] - 1
        for r in lo...hi where r != rank[v] && population[r] < bestPopulation { best = r; bestPopulation = population[r] }
        if best != rank[v] {
            population[rank[v]] -= 1
            population[best] += 1
            rank[v] = best
        }
    }
}
