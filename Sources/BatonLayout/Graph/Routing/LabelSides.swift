// Which side of its edge each label goes on. A label rides on its edge's vertex in the label
// layer and takes room beside the edge, between it and the next vertex of that layer; the edge
// runs along the label's side. The room goes on the side whose neighbour needs the edge least:
// a neighbour that shares ends with the edge (the other half of a two-way pair, a parallel edge,
// a node the edge's ends talk to, which the placement lines up with them) wants to run beside
// the edge, and a label between them would push the two apart into a trough and a hump. By
// default labels go after the edge (below it left to right, right of it top to bottom), as
// Graphviz dot draws them.
//
// It is decided from the ordered layers alone, before coordinates, because the placement must
// know on which side of its vertex each label takes room. The work is linear in the graph: each
// label looks at its two neighbours, and a node is the neighbour of at most two labels.

struct LabelSides {
    /// Per input edge: whether its label goes before its edge (along the order axis).
    var before: [Bool]

    init(graph: ProperGraph, order: [[Int]], edgeCount: Int, nodeCount: Int) {
        before = Array(repeating: false, count: edgeCount)
        var ends = Array(repeating: (tail: -1, head: -1), count: edgeCount)
        var hasLabel = false
        for (e, chain) in graph.chains.enumerated() where chain.count >= 2 {
            guard case .node(let t) = graph.vertices[chain[0]], case .node(let h) = graph.vertices[chain[chain.count - 1]] else { continue }
            ends[e] = (t, h)
            if chain.contains(where: { if case .label = graph.vertices[$0] { true } else { false } }) { hasLabel = true }
        }
        guard hasLabel else { return }
        // Every node's neighbours in the input graph, for "does this node talk to the edge's ends".
        var adjacent = Array(repeating: [Int](), count: nodeCount)
        for (t, h) in ends where t >= 0 && h >= 0 {
            adjacent[t].append(h)
            adjacent[h].append(t)
        }
        /// How much the vertex `x` wants to run beside edge `e`: the ends they share.
        func affinity(_ x: Int, _ e: Int) -> Int {
            let (t, h) = ends[e]
            switch graph.vertices[x] {
            case .bend(let f), .label(let f):
                let (u, w) = ends[f]
                return (u == t || u == h ? 1 : 0) + (w == t || w == h ? 1 : 0)
            case .node(let n):
                return (adjacent[n].contains(t) ? 1 : 0) + (adjacent[n].contains(h) ? 1 : 0)
            case .filler:
                return 0
            }
        }
        for layer in order {
            for (i, v) in layer.enumerated() {
                guard case .label(let e) = graph.vertices[v] else { continue }
                let above = i > 0 ? affinity(layer[i - 1], e) : 0
                let below = i + 1 < layer.count ? affinity(layer[i + 1], e) : 0
                before[e] = above < below
            }
        }
    }
}
