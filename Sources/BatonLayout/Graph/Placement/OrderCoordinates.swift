// Phase 5a driver — adds cluster borders to the ordered layers and places them along the layers.

struct OrderCoordinates {
    /// Vertices plus arcs above which network simplex is not tried.
    static let exactSizeLimit = 600_000

    /// Anchor of every proper vertex along the order axis.
    var anchor: [Double]
    /// Where each dummy's edge may pass through its layer: the free space around the dummy,
    /// up to halfway to its neighbours (cluster borders included), so that corridors of
    /// neighbouring dummies never overlap. A label dummy's corridor is the space around the
    /// label and its edge; beside the label itself the edge runs at the anchor (`EdgeRouter`).
    /// Nil for vertices other than dummies.
    var corridor: [ClosedRange<Double>?]
    /// Every cluster's box along the order axis.
    var clusterStart: [Double]
    var clusterEnd: [Double]

    init(graph: ProperGraph, order: [[Int]], clusters: ClusterTree, extents: VertexExtents,
         titleReserve: [Double], minimumClusterExtent: [Double], options: LayeredLayoutOptions) {
        let layering = BorderedLayering(graph: graph, order: order, clusters: clusters)
        var before = extents.before, after = extents.after
        let borders = layering.count - graph.vertexCount
        before.append(contentsOf: repeatElement(0, count: borders))
        after.append(contentsOf: repeatElement(0, count: borders))
        let spacing = OrderSpacing(
            nodeSeparation: options.nodeSeparation, edgeSeparation: options.edgeSeparation,
            clusterPadding: options.clusterPadding, clusterSeparation: options.clusterSeparation,
            clusterTitleReserve: titleReserve, clusterMinimumWidth: minimumClusterExtent)
        // Brandes–Köpf (linear), then network simplex from there, exact when it finishes within
        // its allowance, keeping whichever is shorter. Huge graphs skip network simplex: just
        // building its tree would cost more than everything else.
        var coordinates = brandesKopfCoordinates(layering, before: before, after: after, spacing: spacing)
        let size = layering.count + layering.lower.count
        let allowance = 4_000_000 * max(0, options.effort)
        if allowance >= 1, size <= Self.exactSizeLimit {
            let exact = networkSimplexCoordinates(layering, before: before, after: after, spacing: spacing, clusterCount: clusters.count,
                                                  maxWork: Int(allowance), start: coordinates)
            if weightedArcLength(layering, exact) < weightedArcLength(layering, coordinates) { coordinates = exact }
        }
        Self.straightenEdges(&coordinates, graph: graph, layering: layering, before: before, after: after, spacing: spacing)
        Self.levelLabels(&coordinates, graph: graph, layering: layering, before: before, after: after, spacing: spacing)
        anchor = Array(coordinates.prefix(graph.vertexCount))
        var clusterStart = Array(repeating: Double.infinity, count: clusters.count)
        var clusterEnd = Array(repeating: -Double.infinity, count: clusters.count)
        for v in graph.vertexCount..<layering.count {
            switch layering.kinds[v] {
            case .leftBorder(let c): clusterStart[c] = min(clusterStart[c], coordinates[v])
            case .rightBorder(let c): clusterEnd[c] = max(clusterEnd[c], coordinates[v])
            default: break
            }
        }
        self.clusterStart = clusterStart
        self.clusterEnd = clusterEnd

        var corridor = [ClosedRange<Double>?](repeating: nil, count: graph.vertexCount)
        let margin = options.edgeSeparation / 4
        for layer in layering.layers {
            for (i, v) in layer.enumerated() where v < graph.vertexCount {
                let y = coordinates[v]
                switch graph.vertices[v] {
                case .bend, .label:
                    var low = -Double.infinity, high = Double.infinity
                    if i > 0 {
                        let p = layer[i - 1]
                        low = min(y, (coordinates[p] + after[p] + y - before[v]) / 2 + margin)
                    }
                    if i + 1 < layer.count {
                        let q = layer[i + 1]
                        high = max(y, (y + after[v] + coordinates[q] - before[q]) / 2 - margin)
                    }
                    corridor[v] = low...high
                case .node, .filler:
                    break
                }
            }
        }
        self.corridor = corridor
    }

    /// How far vertex `d`, at position `i` of `layer`, can move along its layer: the span its
    /// two neighbours leave it, at the spacing between their kinds (unbounded at a layer's ends).
    static func room(of d: Int, at i: Int, in layer: [Int], y: [Double], layering: BorderedLayering,
                     before: [Double], after: [Double], spacing: OrderSpacing) -> (low: Double, high: Double) {
        var low = -Double.infinity, high = Double.infinity
        if i > 0 {
            let p = layer[i - 1]
            low = y[p] + after[p] + spacing.gap(layering.kinds[p], layering.kinds[d]) + before[d]
        }
        if i + 1 < layer.count {
            let q = layer[i + 1]
            high = y[q] - before[q] - spacing.gap(layering.kinds[d], layering.kinds[q]) - after[d]
        }
        return (low, high)
    }

    /// Moves every dummy towards the straight line between its edge's ends, as far as its
    /// neighbours in the layer allow. The objective above is indifferent to where a bend goes
    /// (all of it in one gap or spread over all), and routes look best spread: they then run
    /// straight across many layers.
    static func straightenEdges(_ y: inout [Double], graph: ProperGraph, layering: BorderedLayering,
                                before: [Double], after: [Double], spacing: OrderSpacing) {
        var index = Array(repeating: 0, count: layering.count)
        var layerOf = Array(repeating: 0, count: layering.count)
        for (l, layer) in layering.layers.enumerated() {
            for (i, v) in layer.enumerated() { index[v] = i; layerOf[v] = l }
        }
        for _ in 0..<2 {
            for chain in graph.chains where chain.count > 2 {
                let first = y[chain[0]], last = y[chain[chain.count - 1]]
                for k in 1..<(chain.count - 1) {
                    let d = chain[k]
                    let (low, high) = room(of: d, at: index[d], in: layering.layers[layerOf[d]], y: y, layering: layering,
                                           before: before, after: after, spacing: spacing)
                    guard low <= high else { continue }
                    let target = first + (last - first) * Double(k) / Double(chain.count - 1)
                    y[d] = min(max(target, low), high)
                }
            }
        }
    }
}
