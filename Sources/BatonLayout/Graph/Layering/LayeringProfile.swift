// What a layering says about the size of the drawing before anything is ordered or placed: which
// layer every node is in, where labels ride, and how many bends cross each layer. That is enough
// to estimate the drawing's size in either direction, in time linear in the graph, which is how
// a big graph view chooses its direction without laying itself out twice (see
// `GraphLayout.automatic`).

/// The layers of a graph without their order.
public struct LayeringProfile: Hashable, Sendable {
    /// The layer of every node.
    var nodeLayer: [Int]
    /// Every label vertex: the edge whose label it carries, and its layer.
    var labels: [LabelVertex]
    /// How many bend vertices each layer has.
    var bends: [Int]
    /// The vertices the proper layered graph has: nodes, bends and labels (not cluster fillers).
    public var vertexCount: Int

    struct LabelVertex: Hashable, Sendable {
        var edge: Int
        var layer: Int
    }

    /// - Parameters:
    ///   - arcs: every edge's layout orientation (nil for self-loops and invalid edges).
    init(layers: [Int], arcs: [Arc?], hasLabel: [Bool]) {
        nodeLayer = layers
        let layerCount = (layers.max() ?? -1) + 1
        var bendDifference = Array(repeating: 0, count: layerCount + 1)
        labels = []
        var count = layers.count
        for (e, arc) in arcs.enumerated() {
            guard let arc else { continue }
            let from = layers[arc.tail], to = layers[arc.head]
            guard to - from >= 2 else { continue }
            count += to - from - 1
            if hasLabel[e] {
                // The label rides in the middle layer, as `properGraph` puts it.
                let labelLayer = from + (to - from) / 2
                labels.append(LabelVertex(edge: e, layer: labelLayer))
                bendDifference[labelLayer] -= 1
                bendDifference[labelLayer + 1] += 1
            }
            bendDifference[from + 1] += 1
            bendDifference[to] -= 1
        }
        var running = 0
        bends = (0..<layerCount).map { l in
            running += bendDifference[l]
            return running
        }
        vertexCount = count
    }

    /// The size of the drawing of `graph` laid out with this layering and `options` (its
    /// direction included), estimated: every layer as thick as its thickest node or label, as
    /// long as its nodes, labels and bends side by side with their separations, plus the padding
    /// and title room of every cluster present in it, layers apart by the layer separation.
    /// Self-loops, steep gaps and the room for ports are left out, so the estimate is a little
    /// small, in both directions alike.
    public func estimatedSize(of graph: LayeredGraph, options: LayeredLayoutOptions) -> Size {
        let space = LayoutSpace(direction: options.direction)
        let layerCount = bends.count
        guard layerCount > 0 else { return Size(width: 2 * options.margin, height: 2 * options.margin) }
        var thickness = Array(repeating: 0.0, count: layerCount)
        var length = bends.map { Double($0) * options.edgeSeparation }
        var members = Array(repeating: 0, count: layerCount)
        for (node, layer) in nodeLayer.enumerated() where node < graph.nodes.count {
            let size = space.size(graph.nodes[node].size.sanitized)
            thickness[layer] = max(thickness[layer], size.width)
            length[layer] += size.height
            members[layer] += 1
        }
        for label in labels where label.edge < graph.edges.count {
            guard let size = graph.edges[label.edge].labelSize.map({ space.size($0.sanitized) }) else { continue }
            thickness[label.layer] = max(thickness[label.layer], size.width)
            length[label.layer] += size.height + options.labelGap + options.edgeSeparation
        }
        for l in 0..<layerCount where members[l] > 1 { length[l] += Double(members[l] - 1) * options.nodeSeparation }
        // A cluster is a box in every layer from its first member's to its last's: padding on
        // both sides, the separation from its neighbour, and its title's room along the layer.
        if !graph.clusters.isEmpty {
            let tree = ClusterTree(clusters: graph.clusters, nodes: graph.nodes)
            var first = Array(repeating: Int.max, count: tree.count), last = Array(repeating: Int.min, count: tree.count)
            for (node, layer) in nodeLayer.enumerated() where node < tree.nodeCluster.count {
                var c = tree.nodeCluster[node]
                while c != tree.root {
                    first[c] = min(first[c], layer)
                    last[c] = max(last[c], layer)
                    c = tree.parent[c]
                }
            }
            for c in 0..<tree.count where first[c] <= last[c] {
                let title = space.size(graph.clusters[c].labelSize.sanitized).height
                for l in first[c]...last[c] { length[l] += 2 * options.clusterPadding + options.clusterSeparation + title }
            }
        }
        let separation = max(LayerPlacement.minimumGap(options), labels.isEmpty ? options.layerSeparation : options.layerSeparation / 2)
        let along = thickness.reduce(0, +) + Double(layerCount - 1) * separation + 2 * options.margin
        let across = (length.max() ?? 0) + 2 * options.margin
        return space.size(Size(width: along, height: across))
    }
}
