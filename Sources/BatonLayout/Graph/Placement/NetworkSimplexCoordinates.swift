// Phase 5a, for graphs small enough — coordinates along the layers as in dot's `position`:
// the order coordinates minimising Σ ω(arc) · |x(upper) − x(lower)| over all arcs, subject to the
// separations between neighbours of a layer, solved exactly with network simplex on dot's
// auxiliary graph. Arcs between two dummies weigh 8, a dummy and a node 2, two nodes 1, so long
// edges come out straight. Each cluster side is one variable, so boxes are rectangles, and each
// box's width is minimised too (weight 1), keeping boxes snug.
//
// Exact but superlinear: the layout uses it below a size threshold and Brandes–Köpf above.

/// The coordinate of every vertex of `layering`, starting the search from `start` (any
/// coordinates keeping the separations, such as Brandes–Köpf's). With `maxWork` too small to
/// reach the optimum, the result is better than where it started but not optimal.
func networkSimplexCoordinates(_ layering: BorderedLayering, before: [Double], after: [Double], spacing: OrderSpacing,
                               clusterCount: Int, maxWork: Int, start: [Double]? = nil) -> [Double] {
    // Half points, so that half sizes stay integers.
    let scale = 2.0
    let n = layering.count
    // Variables: vertices, then one per cluster side, then one per arc.
    var variable = Array(0..<n)
    let sides = n
    for v in 0..<n {
        switch layering.kinds[v] {
        case .leftBorder(let c): variable[v] = sides + 2 * c
        case .rightBorder(let c): variable[v] = sides + 2 * c + 1
        default: break
        }
    }
    var arcs: [Arc] = []
    var minimum: [Int] = []
    var weight: [Int] = []
    for layer in layering.layers where layer.count > 1 {
        for i in 1..<layer.count {
            let a = layer[i - 1], b = layer[i]
            let distance = after[a] + spacing.gap(layering.kinds[a], layering.kinds[b]) + before[b]
            arcs.append(Arc(tail: variable[a], head: variable[b]))
            minimum.append(Int((distance * scale).rounded(.up)))
            weight.append(0)
        }
    }
    for c in 0..<clusterCount {
        arcs.append(Arc(tail: sides + 2 * c, head: sides + 2 * c + 1))
        minimum.append(Int((spacing.clusterMinimumWidth[c] * scale).rounded(.up)))
        weight.append(1)
    }
    var next = sides + 2 * clusterCount
    let firstArcPair = arcs.count
    for v in 0..<n {
        let kind = layering.kinds[v]
        guard kind == .node || kind == .dummy else { continue }
        for k in layering.lowerStart[v]..<layering.lowerStart[v + 1] {
            let w = layering.lower[k]
            let omega = kind == .dummy && layering.kinds[w] == .dummy ? 8 : (kind == .dummy || layering.kinds[w] == .dummy ? 2 : 1)
            arcs.append(Arc(tail: next, head: v)); minimum.append(0); weight.append(omega)
            arcs.append(Arc(tail: next, head: w)); minimum.append(0); weight.append(omega)
            next += 1
        }
    }
    var initial: [Int]?
    if let start {
        var r = Array(repeating: Int.min / 4, count: next)
        for v in 0..<n { r[variable[v]] = max(r[variable[v]], Int((start[v] * scale).rounded(.down))) }
        // Arc variables start at the lower of their two ends.
        var a = sides + 2 * clusterCount
        while a < next { r[a] = 0; a += 1 }
        for i in stride(from: firstArcPair, to: arcs.count, by: 2) {
            r[arcs[i].tail] = min(r[arcs[i].head], r[arcs[i + 1].head])
        }
        for k in 0..<next where r[k] == Int.min / 4 { r[k] = 0 }
        initial = r
    }
    let (ranks, _) = networkSimplexRanks(nodeCount: next, arcs: arcs, minLength: minimum, weight: weight,
                                         maxIterations: .max, maxWork: maxWork, start: initial)
    return (0..<n).map { Double(ranks[variable[$0]]) / scale }
}

/// The objective both coordinate methods minimise: Σ ω · |x(upper) − x(lower)| over all arcs.
func weightedArcLength(_ layering: BorderedLayering, _ x: [Double]) -> Double {
    var total = 0.0
    for v in 0..<layering.count {
        let kind = layering.kinds[v]
        guard kind == .node || kind == .dummy else { continue }
        for k in layering.lowerStart[v]..<layering.lowerStart[v + 1] {
            let w = layering.lower[k]
            let omega: Double = kind == .dummy && layering.kinds[w] == .dummy ? 8 : (kind == .dummy || layering.kinds[w] == .dummy ? 2 : 1)
            total += omega * abs(x[v] - x[w])
        }
    }
    return total
}
