// Phase 3 — dummy vertices. Turns a layering into a proper layered graph (see `ProperGraph`).

/// Builds the proper layered graph.
/// - Parameters:
///   - layers: the layer of every node.
///   - arcs: the layout orientation of every edge (tail on a lower layer than head), nil for
///     self-loops and invalid edges.
///   - hasLabel: which edges carry a label; a label rides on the vertex in the middle layer
///     of its edge, which exists when the edge spans at least two layers.
///   - reversed: which edges were turned around.
func properGraph(layers: [Int], arcs: [Arc?], hasLabel: [Bool], reversed: [Bool], clusters: ClusterTree) -> ProperGraph {
    var vertices = layers.indices.map { ProperGraph.Vertex.node($0) }
    var layer = layers
    var cluster = clusters.nodeCluster
    var chains = Array(repeating: [Int](), count: arcs.count)
    var segments: [(upper: Int, lower: Int)] = []

    for (e, arc) in arcs.enumerated() {
        guard let arc else { continue }
        let span = layers[arc.head] - layers[arc.tail]
        guard span >= 1 else { continue }
        let home = clusters.commonAncestor(clusters.nodeCluster[arc.tail], clusters.nodeCluster[arc.head])
        let labelLayer = hasLabel[e] && span >= 2 ? layers[arc.tail] + span / 2 : -1
        var chain = [arc.tail]
        chain.reserveCapacity(span + 1)
        for l in (layers[arc.tail] + 1)..<layers[arc.head] {
            let v = vertices.count
            vertices.append(l == labelLayer ? .label(edge: e) : .bend(edge: e))
            layer.append(l)
            cluster.append(home)
            chain.append(v)
        }
        chain.append(arc.head)
        for i in 1..<chain.count { segments.append((chain[i - 1], chain[i])) }
        chains[e] = chain
    }

    // Cluster extents in layers, from their real members; an empty cluster sits in its
    // parent's first layer (or layer 0).
    let layerCount0 = (layers.max() ?? -1) + 1
    var first = Array(repeating: Int.max, count: clusters.count + 1)
    var last = Array(repeating: Int.min, count: clusters.count + 1)
    for (v, l) in layers.enumerated() {
        var c = clusters.nodeCluster[v]
        while c != clusters.root {
            if first[c] <= l && last[c] >= l { break }  // already covers l, and so do its ancestors
            first[c] = min(first[c], l)
            last[c] = max(last[c], l)
            c = clusters.parent[c]
        }
    }
    let topDown = clusters.bottomUpOrder.reversed()
    for c in topDown where first[c] == Int.max {
        let p = clusters.parent[c]
        let l = p != clusters.root && first[p] != Int.max ? first[p] : 0
        first[c] = l
        last[c] = l
        // Make the ancestors cover it too.
        var a = p
        while a != clusters.root { first[a] = min(first[a], l); last[a] = max(last[a], l); a = clusters.parent[a] }
    }
    let clusterLayers = (0..<clusters.count).map { first[$0]...last[$0] }
    let layerCount = max(layerCount0, (last.dropLast().max() ?? -1) + 1)

    // Fillers wherever a cluster would otherwise be absent from a layer it spans.
    if clusters.count > 0 {
        var active = Array(repeating: [Int](), count: layerCount)
        for c in clusters.bottomUpOrder { for l in clusterLayers[c] { active[l].append(c) } }
        var byLayer = Array(repeating: [Int](), count: layerCount)
        for v in 0..<vertices.count where cluster[v] != clusters.root { byLayer[layer[v]].append(v) }
        var stamp = Array(repeating: -1, count: clusters.count + 1)
        for l in 0..<layerCount where !active[l].isEmpty {
            func mark(_ start: Int) {
                var c = start
                while c != clusters.root && stamp[c] != l { stamp[c] = l; c = clusters.parent[c] }
            }
            for v in byLayer[l] { mark(cluster[v]) }
            for c in active[l] where stamp[c] != l {
                vertices.append(.filler(cluster: c))
                layer.append(l)
                cluster.append(c)
                mark(c)
            }
        }
    }

    // Compressed adjacency rows.
    let count = vertices.count
    var upperStart = Array(repeating: 0, count: count + 1)
    var lowerStart = Array(repeating: 0, count: count + 1)
    for s in segments { upperStart[s.lower + 1] += 1; lowerStart[s.upper + 1] += 1 }
    for v in 0..<count { upperStart[v + 1] += upperStart[v]; lowerStart[v + 1] += lowerStart[v] }
    var upper = Array(repeating: 0, count: segments.count), lower = Array(repeating: 0, count: segments.count)
    var upperFill = upperStart, lowerFill = lowerStart
    for s in segments {
        upper[upperFill[s.lower]] = s.upper; upperFill[s.lower] += 1
        lower[lowerFill[s.upper]] = s.lower; lowerFill[s.upper] += 1
    }
    return ProperGraph(
        vertices: vertices, layer: layer, cluster: cluster, layerCount: layerCount,
        upperStart: upperStart, upper: upper, lowerStart: lowerStart, lower: lower,
        chains: chains, reversed: reversed, clusterLayers: clusterLayers)
}
