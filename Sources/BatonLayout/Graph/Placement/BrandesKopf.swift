// Phase 5a — coordinates along the layers (the "order" axis), after Brandes and Köpf, "Fast and
// Simple Horizontal Coordinate Assignment" (2001): four extreme layouts (aligning every vertex
// with its upper or lower median neighbour, compacting towards either side), combined by taking
// for each vertex the mean of its two median coordinates. Long edges come out straight and the
// drawing balanced, in linear time.
//
// Differences from the paper: vertices have sizes (asymmetric extents around their anchor),
// separations depend on what sits side by side, cluster borders are vertices whose chains
// always align (segments crossing them are marked as conflicts first), and the compaction is
// a longest-path placement on the graph of blocks, which is simple and provably keeps every
// separation. Taking medians of layouts that keep a separation keeps it too.

/// Distances between neighbours along a layer.
struct OrderSpacing {
    var nodeSeparation: Double
    var edgeSeparation: Double
    var clusterPadding: Double
    var clusterSeparation: Double
    /// Extra room after each cluster's left border (its title, when titles sit on this axis).
    var clusterTitleReserve: [Double]
    /// Smallest distance between each cluster's left and right borders.
    var clusterMinimumWidth: [Double]

    func gap(_ a: BorderedLayering.Kind, _ b: BorderedLayering.Kind) -> Double {
        if case .leftBorder(let c) = a { return clusterPadding + clusterTitleReserve[c] }
        if case .rightBorder = b { return clusterPadding }
        if case .rightBorder = a { return clusterSeparation }
        if case .leftBorder = b { return clusterSeparation }
        switch (a, b) {
        case (.node, .node): return nodeSeparation
        case (.node, _), (_, .node): return (nodeSeparation + edgeSeparation) / 2
        default: return edgeSeparation
        }
    }
}

/// The coordinate of every vertex of `layering` along its layer (the anchor: a vertex spans
/// `coordinate − before` to `coordinate + after`).
func brandesKopfCoordinates(_ layering: BorderedLayering, before: [Double], after: [Double], spacing: OrderSpacing) -> [Double] {
    let n = layering.count
    guard n > 0 else { return [] }
    var position = Array(repeating: 0, count: n)
    for layer in layering.layers { for (i, v) in layer.enumerated() { position[v] = i } }
    let marks = ConflictMarks(layering, position: position)

    var results: [[Double]] = []
    for variant in 0..<4 {
        let downward = variant < 2, leftward = variant % 2 == 0
        results.append(extremeLayout(layering, marks: marks, downward: downward, leftward: leftward, before: before, after: after, spacing: spacing))
    }
    // Align the four layouts to the narrowest one, then take the mean of the two medians.
    var low = [Double](), high = [Double]()
    for x in results {
        var lo = Double.infinity, hi = -Double.infinity
        for v in 0..<n { lo = min(lo, x[v] - before[v]); hi = max(hi, x[v] + after[v]) }
        low.append(lo); high.append(hi)
    }
    let narrowest = (0..<4).min { high[$0] - low[$0] < high[$1] - low[$1] } ?? 0
    for variant in 0..<4 {
        let shift = variant % 2 == 0 ? low[narrowest] - low[variant] : high[narrowest] - high[variant]
        if shift != 0 { for v in 0..<n { results[variant][v] += shift } }
    }
    var combined = Array(repeating: 0.0, count: n)
    for v in 0..<n {
        var s = (results[0][v], results[1][v], results[2][v], results[3][v])
        // Sort four values with a fixed network.
        if s.0 > s.1 { swap(&s.0, &s.1) }
        if s.2 > s.3 { swap(&s.2, &s.3) }
        if s.0 > s.2 { swap(&s.0, &s.2) }
        if s.1 > s.3 { swap(&s.1, &s.3) }
        if s.1 > s.2 { swap(&s.1, &s.2) }
        combined[v] = (s.1 + s.2) / 2
    }
    return combined
}

/// Which arcs may not be used for alignment ("type 1 conflicts"): those crossing a cluster
/// border chain, and then those crossing an inner segment (between two dummies) that survived.
struct ConflictMarks {
    /// Indexed like `layering.upper`: the arc from a vertex to that upper neighbour is marked.
    var upperMarked: [Bool]
    /// Indexed like `layering.lower`, the same marks seen from the upper end.
    var lowerMarked: [Bool]

    init(_ layering: BorderedLayering, position: [Int]) {
        upperMarked = Array(repeating: false, count: layering.upper.count)
        func isBorder(_ v: Int) -> Bool {
            switch layering.kinds[v] {
            case .leftBorder, .rightBorder: return true
            default: return false
            }
        }
        let hasUpper = { (v: Int) in layering.upperStart[v + 1] > layering.upperStart[v] }
        Self.mark(layering, position: position, marks: &upperMarked) { v, _ in isBorder(v) && hasUpper(v) }
        Self.mark(layering, position: position, marks: &upperMarked) { v, marks in
            if isBorder(v) { return hasUpper(v) }
            guard layering.kinds[v] == .dummy, layering.upperStart[v + 1] - layering.upperStart[v] == 1 else { return false }
            let k = layering.upperStart[v]
            return layering.kinds[layering.upper[k]] == .dummy && !marks[k]
        }
        // Mirror the marks onto the lower rows, pairing parallel arcs one to one.
        lowerMarked = Array(repeating: false, count: layering.lower.count)
        var used = Array(repeating: false, count: layering.lower.count)
        for v in 0..<layering.count {
            for k in layering.upperStart[v]..<layering.upperStart[v + 1] {
                let u = layering.upper[k]
                for j in layering.lowerStart[u]..<layering.lowerStart[u + 1] where !used[j] && layering.lower[j] == v {
                    used[j] = true
                    lowerMarked[j] = upperMarked[k]
                    break
                }
            }
        }
    }

    /// Marks every arc that crosses an inner arc, where `inner(v)` says that the single arc from
    /// `v` to its upper neighbour is inner. Inner arcs are assumed not to cross each other.
    private static func mark(_ layering: BorderedLayering, position: [Int], marks: inout [Bool], inner: (Int, [Bool]) -> Bool) {
        for i in layering.layers.indices.dropFirst() {
            let lowerLayer = layering.layers[i]
            let upperCount = layering.layers[i - 1].count
            var k0 = 0, l = 0
            for l1 in lowerLayer.indices {
                let v = lowerLayer[l1]
                let isInner = inner(v, marks)
                guard isInner || l1 == lowerLayer.count - 1 else { continue }
                let k1 = isInner ? position[layering.upper[layering.upperStart[v]]] : upperCount - 1
                while l <= l1 {
                    let w = lowerLayer[l]
                    for k in layering.upperStart[w]..<layering.upperStart[w + 1] {
                        let p = position[layering.upper[k]]
                        if p < k0 || p > k1 { marks[k] = true }
                    }
                    l += 1
                }
                k0 = k1
            }
        }
    }
}

/// One of the four extreme layouts, in original coordinates.
private func extremeLayout(_ layering: BorderedLayering, marks: ConflictMarks, downward: Bool, leftward: Bool,
                           before: [Double], after: [Double], spacing: OrderSpacing) -> [Double] {
    let n = layering.count
    let layerSequence = downward ? Array(layering.layers.indices) : Array(layering.layers.indices.reversed())
    let layers = layerSequence.map { leftward ? layering.layers[$0] : Array(layering.layers[$0].reversed()) }
    var position = Array(repeating: 0, count: n)
    for layer in layers { for (i, v) in layer.enumerated() { position[v] = i } }

    // Vertical alignment with the median neighbours in the previous layer.
    var root = Array(0..<n), align = Array(0..<n)
    var neighbours: [(position: Int, vertex: Int, marked: Bool)] = []
    for layer in layers.dropFirst() {
        var r = -1
        for v in layer {
            neighbours.removeAll(keepingCapacity: true)
            if downward {
                for k in layering.upperStart[v]..<layering.upperStart[v + 1] {
                    let u = layering.upper[k]
                    neighbours.append((position[u], u, marks.upperMarked[k]))
                }
            } else {
                for k in layering.lowerStart[v]..<layering.lowerStart[v + 1] {
                    let u = layering.lower[k]
                    neighbours.append((position[u], u, marks.lowerMarked[k]))
                }
            }
            let d = neighbours.count
            guard d > 0 else { continue }
            if d > 1 { neighbours.sort { $0.position < $1.position } }
            for m in (d - 1) / 2...(d / 2) where align[v] == v {
                let candidate = neighbours[m]
                if !candidate.marked && r < candidate.position {
                    align[candidate.vertex] = v
                    root[v] = root[candidate.vertex]
                    align[v] = root[v]
                    r = candidate.position
                }
            }
        }
    }

    if let x = compactBlocks(layering, layers: layers, root: root, leftward: leftward, before: before, after: after, spacing: spacing) {
        return leftward ? x : x.map { -$0 }
    }
    // Blocks that cannot be ordered (never expected): place vertices one by one instead.
    let x = compactBlocks(layering, layers: layers, root: Array(0..<n), leftward: leftward, before: before, after: after, spacing: spacing) ?? Array(repeating: 0, count: n)
    return leftward ? x : x.map { -$0 }
}

/// Places blocks (vertices sharing a root) as far towards the start as the separations allow:
/// a longest-path pass over the constraint graph of blocks. Nil when that graph has a cycle.
private func compactBlocks(_ layering: BorderedLayering, layers: [[Int]], root: [Int], leftward: Bool,
                           before: [Double], after: [Double], spacing: OrderSpacing) -> [Double]? {
    let n = layering.count
    var constraints: [(from: Int, to: Int, distance: Double)] = []
    constraints.reserveCapacity(n)
    for layer in layers where layer.count > 1 {
        for i in 1..<layer.count {
            let a = layer[i - 1], b = layer[i]
            // In the mirrored layouts, `a` is the right one of the two in the drawing.
            let (l, r) = leftward ? (a, b) : (b, a)
            let distance = after[l] + spacing.gap(layering.kinds[l], layering.kinds[r]) + before[r]
            constraints.append((root[a], root[b], distance))
        }
    }
    for (c, borders) in layering.firstBorders.enumerated() where spacing.clusterMinimumWidth[c] > 0 && borders.left >= 0 && borders.right >= 0 {
        let (a, b) = leftward ? (borders.left, borders.right) : (borders.right, borders.left)
        constraints.append((root[a], root[b], spacing.clusterMinimumWidth[c]))
    }
    var start = Array(repeating: 0, count: n + 1)
    var indegree = Array(repeating: 0, count: n)
    for c in constraints { start[c.from + 1] += 1; indegree[c.to] += 1 }
    for v in 0..<n { start[v + 1] += start[v] }
    var fill = start
    var targets = Array(repeating: (to: 0, distance: 0.0), count: constraints.count)
    for c in constraints { targets[fill[c.from]] = (c.to, c.distance); fill[c.from] += 1 }

    var x = Array(repeating: 0.0, count: n)
    var queue: [Int] = []
    queue.reserveCapacity(n)
    for layer in layers { for v in layer where root[v] == v && indegree[v] == 0 { queue.append(v) } }
    var head = 0
    while head < queue.count {
        let b = queue[head]; head += 1
        for k in start[b]..<start[b + 1] {
            let t = targets[k]
            x[t.to] = max(x[t.to], x[b] + t.distance)
            indegree[t.to] -= 1
            if indegree[t.to] == 0 { queue.append(t.to) }
        }
    }
    let blockCount = (0..<n).reduce(0) { $0 + (root[$1] == $1 ? 1 : 0) }
    guard queue.count == blockCount else { return nil }
    for v in 0..<n { x[v] = x[root[v]] }
    return x
}
