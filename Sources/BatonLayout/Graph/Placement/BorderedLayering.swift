// The ordered layers with every cluster's left and right border added as vertices of their own
// in every layer the cluster spans. Borders of one cluster side form a vertical chain, so that
// coordinate assignment keeps them straight and the cluster box is a rectangle.

struct BorderedLayering {
    enum Kind: Equatable {
        case node, dummy, filler
        case leftBorder(cluster: Int)
        case rightBorder(cluster: Int)
    }

    /// Proper vertices keep their ids; borders follow them.
    var kinds: [Kind]
    var layers: [[Int]]
    var upperStart: [Int]
    var upper: [Int]
    var lowerStart: [Int]
    var lower: [Int]
    /// Every cluster's left and right border vertex in its first layer.
    var firstBorders: [(left: Int, right: Int)]

    var count: Int { kinds.count }
    func upperNeighbors(_ v: Int) -> ArraySlice<Int> { upper[upperStart[v]..<upperStart[v + 1]] }
    func lowerNeighbors(_ v: Int) -> ArraySlice<Int> { lower[lowerStart[v]..<lowerStart[v + 1]] }

    init(graph: ProperGraph, order: [[Int]], clusters: ClusterTree) {
        var kinds: [Kind] = graph.vertices.map {
            switch $0 {
            case .node: return .node
            case .bend, .label: return .dummy
            case .filler: return .filler
            }
        }
        var layers: [[Int]] = []
        layers.reserveCapacity(order.count)
        // Border vertex of each cluster side in the previous layer, to chain them.
        var previousLeft = Array(repeating: -1, count: clusters.count)
        var previousRight = Array(repeating: -1, count: clusters.count)
        var chains: [(upper: Int, lower: Int)] = []
        var firstBorders = Array(repeating: (left: -1, right: -1), count: clusters.count)
        var path: [Int] = []       // clusters entered so far in this layer, outermost first
        var target: [Int] = []
        for (l, vertices) in order.enumerated() {
            var out: [Int] = []
            out.reserveCapacity(vertices.count + 4)
            path.removeAll(keepingCapacity: true)
            func border(_ c: Int, left: Bool) {
                let b = kinds.count
                kinds.append(left ? .leftBorder(cluster: c) : .rightBorder(cluster: c))
                out.append(b)
                let previous = left ? previousLeft[c] : previousRight[c]
                if previous >= 0 && l > 0 && graph.clusterLayers[c].contains(l - 1) { chains.append((previous, b)) }
                if left { previousLeft[c] = b } else { previousRight[c] = b }
                if l == graph.clusterLayers[c].lowerBound {
                    if left { firstBorders[c].left = b } else { firstBorders[c].right = b }
                }
            }
            for v in vertices {
                target.removeAll(keepingCapacity: true)
                var c = graph.cluster[v]
                while c != clusters.root { target.append(c); c = clusters.parent[c] }
                target.reverse()
                var common = 0
                while common < path.count && common < target.count && path[common] == target[common] { common += 1 }
                while path.count > common { border(path.removeLast(), left: false) }
                while path.count < target.count { let c = target[path.count]; path.append(c); border(c, left: true) }
                out.append(v)
            }
            while let c = path.popLast() { border(c, left: false) }
            layers.append(out)
        }
        let n = kinds.count
        var upperStart = Array(repeating: 0, count: n + 1), lowerStart = Array(repeating: 0, count: n + 1)
        for v in 0..<graph.vertexCount {
            upperStart[v + 1] = graph.upperStart[v + 1] - graph.upperStart[v]
            lowerStart[v + 1] = graph.lowerStart[v + 1] - graph.lowerStart[v]
        }
        for s in chains { upperStart[s.lower + 1] += 1; lowerStart[s.upper + 1] += 1 }
        for v in 0..<n { upperStart[v + 1] += upperStart[v]; lowerStart[v + 1] += lowerStart[v] }
        var upper = Array(repeating: 0, count: upperStart[n]), lower = Array(repeating: 0, count: lowerStart[n])
        for v in 0..<graph.vertexCount {
            var k = upperStart[v]
            for w in graph.upperNeighbors(v) { upper[k] = w; k += 1 }
            k = lowerStart[v]
            for w in graph.lowerNeighbors(v) { lower[k] = w; k += 1 }
        }
        for s in chains {
            upper[upperStart[s.lower]] = s.upper
            lower[lowerStart[s.upper]] = s.lower
        }
        self.kinds = kinds
        self.layers = layers
        self.upperStart = upperStart
        self.upper = upper
        self.lowerStart = lowerStart
        self.lower = lower
        self.firstBorders = firstBorders
    }
}
