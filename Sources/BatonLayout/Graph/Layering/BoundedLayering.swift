// Phase 2, within a budget. What a layering costs is the vertices phase 3 adds for it: an arc
// spanning k layers becomes k − 1 bend (or label) vertices, and a cluster gets a filler and two
// border vertices in each layer it spans; every later phase works on all of them. Network
// simplex makes the arcs as short as the orientation left by cycle removal allows, but on big
// dense graphs that orientation is deep (hundreds of layers), so bend vertices grow with
// edges × layers: millions of them, and gigabytes, for a few thousand nodes.
//
// So a layering whose vertices would exceed a budget proportional to the graph's size is made
// shallower: nodes are dealt out again, in the order of the layering, onto at most `height`
// layers, and an arc that would have to climb higher is turned around instead (any layering
// without arcs inside a layer is acyclic, so this stays a valid orientation). Network simplex
// then tightens it. The height is the largest that fits the budget, so a graph just over it
// keeps most of its flow. Small graphs never reach the budget and keep phase 2's layering
// exactly.

/// How many vertices beyond its nodes a proper layering may have.
enum LayeringBudget {
    /// A fixed allowance, which no everyday graph reaches, plus a share per node and arc: the
    /// later phases then do work linear in the graph's size.
    static func vertices(nodeCount: Int, arcCount: Int) -> Int {
        250_000 + 24 * (nodeCount + arcCount)
    }
}

/// Layers for the acyclic `arcs` as `assignLayers` gives them, or, when those would need more
/// than `budget` added vertices (see `layeringCost`), a shallower layering: the highest of the
/// heights tried that fits the budget, else the cheapest tried (a dense graph may fit none).
/// `turned[i]` says whether arc `i` points the other way in the result (the caller reverses it,
/// as it does the arcs cycle removal turned); `added` is the layering's cost.
func assignBoundedLayers(nodeCount n: Int, arcs: [Arc], minLength: Int, clusters: ClusterTree, budget: Int)
    -> (layers: [Int], turned: [Bool], added: Int) {
    let natural = assignLayers(nodeCount: n, arcs: arcs, minLength: minLength)
    let unturned = Array(repeating: false, count: arcs.count)
    let naturalCost = layeringCost(layers: natural, arcs: arcs, clusters: clusters)
    guard n > 0, naturalCost > budget else { return (natural, unturned, naturalCost) }

    // Deal the nodes out in the natural layering's order: every arc's tail comes before its head.
    let order = (0..<n).sorted { natural[$0] != natural[$1] ? natural[$0] < natural[$1] : $0 < $1 }
    let dealer = LayerDealer(nodeCount: n, arcs: arcs)
    let step = max(1, minLength)
    func cost(_ colours: [Int]) -> Int {
        layeringCost(layers: colours.map { $0 * step }, arcs: arcs, clusters: clusters)
    }
    // The largest height that fits: halve until one does, then search between the last two.
    let naturalHeight = (natural.max() ?? 0) / step + 1
    var fits: (height: Int, colours: [Int])?
    var cheapest: (cost: Int, colours: [Int])?
    var tooHigh = naturalHeight
    var height = naturalHeight / 2
    while height >= 2 {
        let colours = dealer.deal(order: order, height: height)
        let c = cost(colours)
        if c < (cheapest?.cost ?? naturalCost) { cheapest = (c, colours) }
        if c <= budget { fits = (height, colours); break }
        tooHigh = height
        height /= 2
    }
    if var low = fits?.height {
        var high = tooHigh
        while high - low > 1 {
            let middle = (low + high) / 2
            let colours = dealer.deal(order: order, height: middle)
            if cost(colours) <= budget { low = middle; fits = (middle, colours) } else { high = middle }
        }
    }
    guard let colours = fits?.colours ?? cheapest?.colours else { return (natural, unturned, naturalCost) }

    // The arcs in the dealt orientation, tightened by network simplex (which can only shorten
    // them, unless its work allowance stops it early on a huge graph: then the dealt layers stay).
    var turned = unturned
    var oriented = arcs
    for (i, a) in arcs.enumerated() where colours[a.tail] > colours[a.head] {
        turned[i] = true
        oriented[i] = a.reversed
    }
    let dealt = colours.map { $0 * step }
    let dealtCost = layeringCost(layers: dealt, arcs: oriented, clusters: clusters)
    let tightened = assignLayers(nodeCount: n, arcs: oriented, minLength: minLength)
    let tightenedCost = layeringCost(layers: tightened, arcs: oriented, clusters: clusters)
    return tightenedCost <= dealtCost ? (tightened, turned, tightenedCost) : (dealt, turned, dealtCost)
}

/// The vertices `properGraph` and `BorderedLayering` add to the nodes for this layering: a bend
/// or label vertex wherever an arc crosses a layer, and, in every layer a cluster spans, at most
/// a filler and two borders (an upper bound: fillers only go where the cluster has nothing).
func layeringCost(layers: [Int], arcs: [Arc], clusters: ClusterTree) -> Int {
    var total = 0
    for a in arcs { total += max(0, abs(layers[a.head] - layers[a.tail]) - 1) }
    guard clusters.count > 0 else { return total }
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
    // A cluster without nodes still takes one layer.
    for c in 0..<clusters.count { total += 3 * (first[c] <= last[c] ? last[c] - first[c] + 1 : 1) }
    return total
}

/// Deals nodes onto layers (colours, one apart) with a height limit, for `assignLayers` above.
struct LayerDealer {
    let nodeCount: Int
    /// The tails of the arcs into each node, in compressed rows (a tail repeats per parallel arc).
    private let tailStart: [Int]
    private let tails: [Int]

    init(nodeCount n: Int, arcs: [Arc]) {
        nodeCount = n
        var start = Array(repeating: 0, count: n + 1)
        for a in arcs { start[a.head + 1] += 1 }
        for v in 0..<n { start[v + 1] += start[v] }
        var fill = start
        var tails = Array(repeating: 0, count: arcs.count)
        for a in arcs { tails[fill[a.head]] = a.tail; fill[a.head] += 1 }
        tailStart = start
        self.tails = tails
    }

    /// A colour for every node, `order` being a topological order of the arcs. A node goes one
    /// above its highest tail, as in a longest-path layering, while that is below `height`;
    /// above it, it takes the free colour (one no tail has) closest to the median of its tails'
    /// colours, which keeps its arcs short, and the arcs from higher tails are turned around.
    /// Only when its tails hold every colour below `height` does a node go above it.
    func deal(order: [Int], height: Int) -> [Int] {
        var colour = Array(repeating: 0, count: nodeCount)
        var taken = Array(repeating: -1, count: nodeCount + height + 1)  // stamped with the node
        var seen: [Int] = []
        for v in order {
            let from = tailStart[v], to = tailStart[v + 1]
            guard from < to else { colour[v] = 0; continue }
            var highest = 0
            for k in from..<to { highest = max(highest, colour[tails[k]]) }
            let forward = highest + 1
            if forward < height { colour[v] = forward; continue }
            seen.removeAll(keepingCapacity: true)
            for k in from..<to {
                let c = colour[tails[k]]
                taken[c] = v
                seen.append(c)
            }
            seen.sort()
            let median = min(seen[seen.count / 2], height - 1)
            var below = median, above = median
            while below >= 0 && taken[below] == v { below -= 1 }
            while above < height && taken[above] == v { above += 1 }
            func cost(_ c: Int) -> Int { seen.reduce(0) { $0 + abs($1 - c) } }
            switch (below >= 0, above < height) {
            case (true, true): colour[v] = cost(below) < cost(above) ? below : above
            case (true, false): colour[v] = below
            case (false, true): colour[v] = above
            case (false, false): colour[v] = forward
            }
        }
        return colour
    }
}
