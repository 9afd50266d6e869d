// Phase 1, refined. Cycle removal heuristics turn as few arcs around as they can, but the fewest
// is not the best drawing: an arc turned around is drawn back against the flow, past every layer
// between its ends, and one turned arc can stretch a cycle of five nodes over five layers with a
// back edge across all of them, where turning two would fold it into three layers with two short
// ones. So the turned arcs are improved by a local search on the layering's cost, the total
// length of the arcs, in layers, with the turned ones counted `backWeight` times: a long back
// edge is a detour the reader follows across the page.
//
// A move turns around every arc between two nodes of one cycle (arcs between the same two nodes
// must point the same way, or they would form a cycle of two), and is kept when the graph stays
// acyclic and the cost drops, or stays level and turns fewer arcs of high priority around or
// else leaves the arcs given earlier forward (see `Turned`). The work is bounded by a count derived from
// the graph's size, never by a clock. (Moving a whole node before or after the rest of its
// cycles was tried too: it lowers the cost further on small random graphs, but draws the samples
// and bigger graphs longer, the cost counting layers, not the room edges take across them.)

/// The cost of a layering: every arc's length in layers, turned arcs `backWeight` times.
func weightedArcLength(layers: [Int], arcs: [Arc], turned: [Bool], backWeight: Int = ReversalSearch.backWeight) -> Int {
    var cost = 0
    for (i, a) in arcs.enumerated() {
        let length = abs(layers[a.head] - layers[a.tail])
        cost += turned[i] ? backWeight * length : length
    }
    return cost
}

/// The search, with what it has evaluated so far and the work it has left: the layout improves
/// every cycle removal strategy's choice with one search, so that strategies arriving at the same
/// choices share both.
struct ReversalSearch {
    /// How much more a layer of back edge costs than a layer of forward edge.
    static let backWeight = 2
    /// Graphs with more nodes than this are not searched: every move lays the graph out again,
    /// which costs too much there, and everyday designs are far smaller.
    static let maxNodes = 64
    /// Arc and node visits all moves together may spend, times the effort.
    static let workPerEffort = 40_000

    let nodeCount: Int
    let arcs: [Arc]
    /// Per arc (`LayeredGraph.Edge.priority`).
    let priority: [Int]
    let minLength: Int
    let pairs: [[Int]]
    private var movesLeft: Int
    private var scores: [[Bool]: Score] = [:]

    struct Score {
        var cost: Int
        var turned: Turned
        func isBetter(than other: Score) -> Bool {
            cost != other.cost ? cost < other.cost : turned.isPreferred(over: other.turned)
        }
    }

    /// Which arcs a choice turns around, for breaking ties between choices as long as each other:
    /// the one turning less priority around is preferred, then the one that leaves the arcs given
    /// earlier forward (the first interactions of a design read forward).
    struct Turned: Hashable, Sendable {
        /// The turned arcs' priorities, summed.
        var priority: Int
        /// The turned arcs' indices, ascending.
        var indices: [Int]

        init(_ flips: [Bool], priority: [Int]) {
            indices = flips.indices.filter { flips[$0] }
            self.priority = indices.reduce(0) { $0 + priority[$1] }
        }

        func isPreferred(over other: Turned) -> Bool {
            priority != other.priority ? priority < other.priority : ReversalSearch.isLater(indices, than: other.indices)
        }
    }

    /// - Parameter priority: per arc; empty for none.
    init(nodeCount n: Int, arcs: [Arc], priority: [Int] = [], minLength: Int, effort: Double) {
        nodeCount = n
        self.arcs = arcs
        self.priority = priority.count == arcs.count ? priority : Array(repeating: 0, count: arcs.count)
        self.minLength = minLength
        let searched = n > 2 && n <= Self.maxNodes && effort > 0
        pairs = searched ? Self.cyclePairs(nodeCount: n, arcs: arcs) : []
        movesLeft = pairs.isEmpty ? 0 : Int(Double(Self.workPerEffort) * effort) / (n + arcs.count)
    }

    /// Improves `flips` (which arcs to turn around; the turned graph must be acyclic): the
    /// result is acyclic too, and no move from it is an improvement (unless the work ran out).
    mutating func improve(_ flips: [Bool]) -> [Bool] {
        guard movesLeft > 0, var best = score(flips) else { return flips }
        var current = flips
        var improved = true
        while improved && movesLeft > 0 {
            improved = false
            for pair in pairs where movesLeft > 0 {
                var trial = current
                for i in pair { trial[i].toggle() }
                guard let s = score(trial), s.isBetter(than: best) else { continue }
                best = s
                current = trial
                improved = true
            }
        }
        return current
    }

    /// The cost of laying the graph out with `flips`, or nil when it has a cycle.
    private mutating func score(_ flips: [Bool]) -> Score? {
        if let known = scores[flips] { return known }
        movesLeft -= 1
        let oriented = arcs.indices.map { flips[$0] ? arcs[$0].reversed : arcs[$0] }
        guard isAcyclic(nodeCount: nodeCount, arcs: oriented) else { return nil }
        let layers = assignLayers(nodeCount: nodeCount, arcs: oriented, minLength: minLength)
        let s = Score(cost: weightedArcLength(layers: layers, arcs: oriented, turned: flips), turned: Turned(flips, priority: priority))
        scores[flips] = s
        return s
    }

    /// The arcs between every two nodes that lie on a common cycle (in one strongly connected
    /// component), grouped by the pair, in the order of each pair's first arc.
    static func cyclePairs(nodeCount n: Int, arcs: [Arc]) -> [[Int]] {
        let component = stronglyConnectedComponents(nodeCount: n, arcs: arcs)
        var pairIndex: [Int: Int] = [:]
        var pairs: [[Int]] = []
        for (i, a) in arcs.enumerated() where a.tail != a.head && component[a.tail] == component[a.head] {
            let key = min(a.tail, a.head) * n + max(a.tail, a.head)
            if let p = pairIndex[key] { pairs[p].append(i) } else { pairIndex[key] = pairs.count; pairs.append([i]) }
        }
        return pairs
    }

    /// Whether turned arcs `a` leave the earlier arcs forward more than `b` does: at the first
    /// place they differ, `a` turns a later arc (or none, where `b` still turns one).
    static func isLater(_ a: [Int], than b: [Int]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return x > y }
        return a.count < b.count
    }
}

/// Whether the arcs form an acyclic graph (Kahn's algorithm).
func isAcyclic(nodeCount n: Int, arcs: [Arc]) -> Bool {
    var indegree = Array(repeating: 0, count: n)
    var out = Array(repeating: [Int](), count: n)
    for a in arcs {
        out[a.tail].append(a.head)
        indegree[a.head] += 1
    }
    var queue = (0..<n).filter { indegree[$0] == 0 }
    var seen = 0
    while let v = queue.popLast() {
        seen += 1
        for w in out[v] {
            indegree[w] -= 1
            if indegree[w] == 0 { queue.append(w) }
        }
    }
    return seen == n
}

/// The strongly connected component of every node (Tarjan's algorithm, iterative), numbered
/// in the order they are completed.
func stronglyConnectedComponents(nodeCount n: Int, arcs: [Arc]) -> [Int] {
    var out = Array(repeating: [Int](), count: n)
    for a in arcs { out[a.tail].append(a.head) }
    var index = Array(repeating: -1, count: n), low = Array(repeating: 0, count: n)
    var onStack = Array(repeating: false, count: n)
    var component = Array(repeating: -1, count: n)
    var stack: [Int] = []
    var counter = 0, components = 0
    for root in 0..<n where index[root] < 0 {
        var frames: [(v: Int, next: Int)] = [(root, 0)]
        index[root] = counter; low[root] = counter; counter += 1
        stack.append(root); onStack[root] = true
        while let frame = frames.last {
            let v = frame.v
            if frame.next < out[v].count {
                frames[frames.count - 1].next += 1
                let w = out[v][frame.next]
                if index[w] < 0 {
                    index[w] = counter; low[w] = counter; counter += 1
                    stack.append(w); onStack[w] = true
                    frames.append((w, 0))
                } else if onStack[w] {
                    low[v] = min(low[v], index[w])
                }
            } else {
                frames.removeLast()
                if let parent = frames.last { low[parent.v] = min(low[parent.v], low[v]) }
                if low[v] == index[v] {
                    while let w = stack.popLast() {
                        onStack[w] = false
                        component[w] = components
                        if w == v { break }
                    }
                    components += 1
                }
            }
        }
    }
    return component
}
