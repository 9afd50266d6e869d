// Phase 5a driver — adds cluster borders to the ordered layers and runs Brandes–Köpf.

struct OrderCoordinates {
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
        let x = brandesKopfCoordinates(layering, before: before, after: after, spacing: spacing)
        anchor = Array(x.prefix(graph.vertexCount))
        var clusterStart = Array(repeating: Double.infinity, count: clusters.count)
        var clusterEnd = Array(repeating: -Double.infinity, count: clusters.count)
        for v in graph.vertexCount..<layering.count {
            switch layering.kinds[v] {
            case .leftBorder(let c): clusterStart[c] = min(clusterStart[c], x[v])
            case .rightBorder(let c): clusterEnd[c] = max(clusterEnd[c], x[v])
            default: break
            }
        }
        self.clusterStart = clusterStart
        self.clusterEnd = clusterEnd
    }
}
