// Phase 5a driver — adds cluster borders to the ordered layers and places them along the layers.

struct OrderCoordinates {
    /// Vertices plus arcs above which network simplex is not tried.
    static let exactSizeLimit = 250_000


    /// Anchor of every proper vertex along the order axis.
    var anchor: [Double]
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
        let allowance = 4_000_000 * max(0, options.crossingMinimizationEffort)
        if allowance >= 1, size <= Self.exactSizeLimit {
            let exact = networkSimplexCoordinates(layering, before: before, after: after, spacing: spacing, clusterCount: clusters.count,
                                                  maxWork: Int(allowance), start: coordinates)
            if weightedArcLength(layering, exact) < weightedArcLength(layering, coordinates) { coordinates = exact }
        }
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
    }
}
