// Phase 5b — coordinates across the layers (the rank axis). Each layer is a band as thick as
// its thickest vertex; bands are separated by gaps wide enough for the straight ends of edges
// (arrowheads) and for the padding of cluster boxes that end or begin there.

struct LayerPlacement {
    /// Start, centre and end of every layer's band along the rank axis.
    var start: [Double]
    var center: [Double]
    var end: [Double]
    /// Every cluster's box along the rank axis.
    var clusterStart: [Double]
    var clusterEnd: [Double]

    /// - Parameters:
    ///   - titleReserve: room for each cluster's title before its first layer (top-to-bottom
    ///     drawings put titles on this axis).
    ///   - minimumClusterExtent: smallest extent of each cluster's box along this axis
    ///     (left-to-right drawings need their titles' width here).
    ///   - anchor: every vertex's coordinate along the layers. Gaps crossed by steep arcs widen,
    ///     up to `steepGapFactor` times the usual separation, so that slopes stay readable.
    ///   - minimumGaps: the narrowest each gap may be (room the edge ends need), if any.
    init(graph: ProperGraph, thickness: [Double], clusters: ClusterTree, titleReserve: [Double],
         minimumClusterExtent: [Double], anchor: [Double], options: LayeredLayoutOptions, hasLabels: Bool,
         minimumGaps: [Double] = []) {
        let layerCount = graph.layerCount
        var bandThickness = Array(repeating: 0.0, count: layerCount)
        for v in 0..<graph.vertexCount { bandThickness[graph.layer[v]] = max(bandThickness[graph.layer[v]], thickness[v]) }

        // Cluster padding towards the layers before and after, nested clusters adding up.
        let pad = options.clusterPadding
        var offsetStart = Array(repeating: 0.0, count: clusters.count)
        var offsetEnd = Array(repeating: 0.0, count: clusters.count)
        for c in clusters.bottomUpOrder {
            let range = graph.clusterLayers[c]
            var s = pad + titleReserve[c], e = pad
            for d in clusters.children[c] {
                if graph.clusterLayers[d].lowerBound == range.lowerBound { s = max(s, offsetStart[d] + pad + titleReserve[c]) }
                if graph.clusterLayers[d].upperBound == range.upperBound { e = max(e, offsetEnd[d] + pad) }
            }
            // A box too short for its title grows on both sides (a lower bound: gaps only widen it).
            var natural = s + e
            for l in range { natural += bandThickness[l] }
            natural += Double(range.count - 1) * Self.minimumGap(options)
            let deficit = minimumClusterExtent[c] - natural
            if deficit > 0 { s += deficit / 2; e += deficit / 2 }
            offsetStart[c] = s
            offsetEnd[c] = e
        }
        var endingOffset = Array(repeating: 0.0, count: layerCount)
        var startingOffset = Array(repeating: 0.0, count: layerCount)
        for c in 0..<clusters.count {
            let range = graph.clusterLayers[c]
            endingOffset[range.upperBound] = max(endingOffset[range.upperBound], offsetEnd[c])
            startingOffset[range.lowerBound] = max(startingOffset[range.lowerBound], offsetStart[c])
        }
        let separation = max(Self.minimumGap(options), hasLabels ? options.layerSeparation / 2 : options.layerSeparation)
        // The steepest rise across each gap, between the anchors of an arc's ends.
        var rise = Array(repeating: 0.0, count: layerCount)
        for v in 0..<graph.vertexCount {
            for w in graph.lowerNeighbors(v) { rise[graph.layer[v]] = max(rise[graph.layer[v]], abs(anchor[v] - anchor[w])) }
        }
        start = Array(repeating: 0, count: layerCount)
        end = Array(repeating: 0, count: layerCount)
        center = Array(repeating: 0, count: layerCount)
        var cursor = layerCount > 0 ? startingOffset[0] : 0
        for l in 0..<layerCount {
            if l > 0 {
                var gap = max(separation, min(Self.steepGapFactor * separation, rise[l - 1] * Self.slopeGap))
                let boxes = endingOffset[l - 1] + startingOffset[l]
                if boxes > 0 { gap = max(gap, boxes + options.clusterSeparation) }
                if l - 1 < minimumGaps.count { gap = max(gap, minimumGaps[l - 1]) }
                cursor += gap
            }
            start[l] = cursor
            end[l] = cursor + bandThickness[l]
            center[l] = cursor + bandThickness[l] / 2
            cursor = end[l]
        }
        let (starts, ends) = (start, end)
        clusterStart = (0..<clusters.count).map { starts[graph.clusterLayers[$0].lowerBound] - offsetStart[$0] }
        clusterEnd = (0..<clusters.count).map { ends[graph.clusterLayers[$0].upperBound] + offsetEnd[$0] }
    }

    /// How far a gap may grow for steep arcs, relative to the usual separation.
    static let steepGapFactor = 2.5
    /// The gap wanted per point of rise across it.
    static let slopeGap = 0.25

    /// The smallest gap between layers: straight ends at both sides and a short slanted middle.
    static func minimumGap(_ options: LayeredLayoutOptions) -> Double {
        2 * options.arrowRoom + 8
    }
}
