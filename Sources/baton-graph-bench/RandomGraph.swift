// Seeded random "layered-ish" graphs: nodes sit on hidden levels and most edges go one to three
// levels down, like the flows Baton draws; the rest go anywhere, which makes cycles.

import BatonLayout
import BatonWorkload

struct RandomGraphSpec {
    var nodes = 100
    var edges = 1000
    var labels = false
    var clusters = 0
    var seed: UInt64 = 1
}

func randomGraph(_ spec: RandomGraphSpec) -> LayeredGraph {
    var rng = SplitMix64(seed: spec.seed)
    let n = max(1, spec.nodes)
    let levels = max(2, Int(Double(n).squareRoot().rounded()))
    let level = (0..<n).map { $0 * levels / n }
    var byLevel = Array(repeating: [Int](), count: levels)
    for v in 0..<n { byLevel[level[v]].append(v) }

    var clusters: [LayeredGraph.Cluster] = []
    for c in 0..<spec.clusters {
        let parent: Int? = c > 0 && Int.random(in: 0..<3, using: &rng) == 0 ? Int.random(in: 0..<c, using: &rng) : nil
        clusters.append(LayeredGraph.Cluster(parent: parent, labelSize: Size(width: Double(Int.random(in: 40...100, using: &rng)), height: 14)))
    }
    var nodes: [LayeredGraph.Node] = []
    for _ in 0..<n {
        let width = Double(Int.random(in: 40...110, using: &rng))
        let height = Double(Int.random(in: 26...40, using: &rng))
        var cluster: Int?
        if spec.clusters > 0 && Int.random(in: 0..<2, using: &rng) == 0 { cluster = Int.random(in: 0..<spec.clusters, using: &rng) }
        nodes.append(LayeredGraph.Node(size: Size(width: width, height: height), cluster: cluster))
    }
    var edges: [LayeredGraph.Edge] = []
    for _ in 0..<spec.edges {
        let u = Int.random(in: 0..<n, using: &rng)
        var v: Int
        let forward = level[u] + 1 < levels && Int.random(in: 0..<100, using: &rng) < 85
        if forward {
            let step = [1, 1, 1, 2, 2, 3][Int.random(in: 0..<6, using: &rng)]
            let target = min(levels - 1, level[u] + step)
            v = byLevel[target][Int.random(in: 0..<byLevel[target].count, using: &rng)]
        } else {
            v = Int.random(in: 0..<n, using: &rng)
            if v == u && n > 1 { v = (v + 1) % n }
        }
        let label: Size? = spec.labels ? Size(width: Double(Int.random(in: 20...80, using: &rng)), height: 14) : nil
        edges.append(LayeredGraph.Edge(from: u, to: v, labelSize: label))
    }
    return LayeredGraph(nodes: nodes, edges: edges, clusters: clusters)
}
