// The network simplex method for integer "rank" problems, as in Gansner et al., "A Technique
// for Drawing Directed Graphs" (1993): minimise Σ weight(a) · (rank(head) − rank(tail)) subject
// to rank(head) − rank(tail) ≥ minLength(a) for every arc a.

/// Optimal ranks for an acyclic graph, or, when `maxIterations` runs out first, improved
/// feasible ones (`optimal` says which). Ranks are not normalised: each connected component is
/// somewhere on the integer line.
///
/// Cut values come cheaply here: the cut value of a tree arc is, up to its sign, the sum of
/// `Σ out-weights − Σ in-weights` over the nodes of the subtree below it, because arcs inside
/// the subtree cancel. A pivot renumbers only the subtree of the lowest common ancestor of the
/// entering arc's ends (as dot does), which also refreshes those sums.
///
/// `start`, when given, is where the search starts from (raised where it breaks a constraint);
/// by default it is the longest-path ranking from the sources.
func networkSimplexRanks(nodeCount n: Int, arcs: [Arc], minLength: [Int], weight: [Int], maxIterations: Int,
                         maxWork: Int = .max, start: [Int]? = nil) -> (ranks: [Int], optimal: Bool) {
    guard n > 0 else { return ([], true) }
    var solver = NetworkSimplexSolver(nodeCount: n, arcs: arcs, minLength: minLength, weight: weight)
    if let start, start.count == n { solver.rank = start }
    solver.initialRanks()
    solver.buildFeasibleTree()
    let optimal = solver.optimise(maxIterations: maxIterations, maxWork: maxWork)
    return (solver.rank, optimal)
}

private struct NetworkSimplexSolver {
    let n: Int
    let arcs: [Arc]
    let minLength: [Int]
    let weight: [Int]
    /// Incident arcs of each node (outgoing and incoming), in compressed rows.
    let incidentStart: [Int]
    let incident: [Int]
    /// Σ out-weights − Σ in-weights of each node.
    let net: [Int]

    var rank: [Int]
    var isTreeArc: [Bool]
    var treeAdjacency: [[Int]]
    var treeArcs: [Int] = []
    // Spanning-forest numbering, recomputed after each pivot.
    var parentArc: [Int]
    var low: [Int]
    var lim: [Int]
    var nodeAtLim: [Int]
    var subtreeNet: [Int]
    var stack: [(node: Int, next: Int)] = []

    init(nodeCount n: Int, arcs: [Arc], minLength: [Int], weight: [Int]) {
        self.n = n
        self.arcs = arcs
        self.minLength = minLength
        self.weight = weight
        var degree = Array(repeating: 0, count: n + 1)
        var net = Array(repeating: 0, count: n)
        for (i, a) in arcs.enumerated() {
            degree[a.tail + 1] += 1
            degree[a.head + 1] += 1
            net[a.tail] += weight[i]
            net[a.head] -= weight[i]
        }
        for v in 0..<n { degree[v + 1] += degree[v] }
        var fill = degree
        var incident = Array(repeating: 0, count: degree[n])
        for (i, a) in arcs.enumerated() {
            incident[fill[a.tail]] = i; fill[a.tail] += 1
            incident[fill[a.head]] = i; fill[a.head] += 1
        }
        incidentStart = degree
        self.incident = incident
        self.net = net
        rank = Array(repeating: 0, count: n)
        isTreeArc = Array(repeating: false, count: arcs.count)
        treeAdjacency = Array(repeating: [], count: n)
        parentArc = Array(repeating: -1, count: n)
        low = Array(repeating: 0, count: n)
        lim = Array(repeating: 0, count: n)
        nodeAtLim = Array(repeating: 0, count: n)
        subtreeNet = Array(repeating: 0, count: n)
    }

    func slack(_ a: Int) -> Int { rank[arcs[a].head] - rank[arcs[a].tail] - minLength[a] }

    /// Raises ranks, in topological order, until every arc is long enough. From all zeros, that
    /// is the longest-path ranking from the sources: feasible, with many tight arcs.
    mutating func initialRanks() {
        var indegree = Array(repeating: 0, count: n)
        for a in arcs { indegree[a.head] += 1 }
        var queue = (0..<n).filter { indegree[$0] == 0 }
        var head = 0
        while head < queue.count {
            let v = queue[head]; head += 1
            for k in incidentStart[v]..<incidentStart[v + 1] {
                let a = incident[k]
                guard arcs[a].tail == v else { continue }
                let w = arcs[a].head
                rank[w] = max(rank[w], rank[v] + minLength[a])
                indegree[w] -= 1
                if indegree[w] == 0 { queue.append(w) }
            }
        }
    }

    /// A spanning forest of tight arcs, one tree per connected component (dot's newer method):
    /// first every maximal tree of tight arcs, then, smallest tree first, shift a tree to make
    /// the least slack arc leaving it tight and merge it into the tree at the other end.
    /// Shifting the smaller tree and scanning only its arcs keeps this near O(E log V), even
    /// from a start with many small tight trees.
    mutating func buildFeasibleTree() {
        var owner = Array(repeating: -1, count: n)   // subtree of each node (an index into `members`)
        var members: [[Int]] = []
        for start in 0..<n where owner[start] < 0 {
            let id = members.count
            var list = [start]
            owner[start] = id
            var scanned = 0
            while scanned < list.count {
                let v = list[scanned]; scanned += 1
                for k in incidentStart[v]..<incidentStart[v + 1] {
                    let a = incident[k]
                    let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                    if owner[w] < 0 && slack(a) == 0 {
                        owner[w] = id
                        list.append(w)
                        addTreeArc(a)
                    }
                }
            }
            members.append(list)
        }
        // Smallest tree first; stale heap entries (merged trees, old sizes) are skipped.
        var heap = MinHeap()
        for (id, list) in members.enumerated() { heap.push(size: list.count, id: id) }
        var merged = Array(repeating: false, count: members.count)
        while let (size, id) = heap.pop() {
            guard !merged[id], members[id].count == size else { continue }
            var best = -1, bestSlack = Int.max
            for v in members[id] {
                for k in incidentStart[v]..<incidentStart[v + 1] {
                    let a = incident[k]
                    let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                    if owner[w] != id {
                        let s = slack(a)
                        if s < bestSlack || (s == bestSlack && a < best) { bestSlack = s; best = a }
                    }
                }
            }
            guard best >= 0 else { continue }  // a whole connected component
            let delta = owner[arcs[best].tail] == id ? bestSlack : -bestSlack
            if delta != 0 { for v in members[id] { rank[v] += delta } }
            addTreeArc(best)
            let other = owner[arcs[best].tail] == id ? owner[arcs[best].head] : owner[arcs[best].tail]
            for v in members[id] { owner[v] = other }
            members[other].append(contentsOf: members[id])
            members[id] = []
            merged[id] = true
            heap.push(size: members[other].count, id: other)
        }
    }

    mutating func addTreeArc(_ a: Int) {
        isTreeArc[a] = true
        treeAdjacency[arcs[a].tail].append(a)
        treeAdjacency[arcs[a].head].append(a)
        treeArcs.append(a)
    }

    /// Postorder numbering of the forest (`lim`, with `low` the smallest number in each
    /// subtree), parent arcs, and subtree sums of `net`.
    mutating func numberForest() {
        for v in 0..<n { parentArc[v] = -2 }
        var counter = 0
        for root in 0..<n where parentArc[root] == -2 {
            counter = numberSubtree(root, parent: -1, from: counter)
        }
    }

    /// Renumbers the subtree hanging from `root` (reached through arc `parent`, -1 for a tree's
    /// root), starting at `start`; returns the next free number.
    mutating func numberSubtree(_ root: Int, parent: Int, from start: Int) -> Int {
        var counter = start
        parentArc[root] = parent
        low[root] = counter
        stack.removeAll(keepingCapacity: true)
        stack.append((root, 0))
        while let top = stack.last {
            let v = top.node
            if top.next < treeAdjacency[v].count {
                stack[stack.count - 1].next += 1
                let a = treeAdjacency[v][top.next]
                if a == parentArc[v] { continue }
                let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                parentArc[w] = a
                low[w] = counter
                stack.append((w, 0))
            } else {
                stack.removeLast()
                lim[v] = counter
                nodeAtLim[counter] = v
                counter += 1
                var sum = net[v]
                for a in treeAdjacency[v] where a != parentArc[v] {
                    sum += subtreeNet[arcs[a].tail == v ? arcs[a].head : arcs[a].tail]
                }
                subtreeNet[v] = sum
            }
        }
        return counter
    }

    /// The node below tree arc `a` (the endpoint farther from its tree's root).
    func child(of a: Int) -> Int {
        parentArc[arcs[a].tail] == a ? arcs[a].tail : arcs[a].head
    }

    func cutValue(_ a: Int) -> Int {
        let c = child(of: a)
        return arcs[a].tail == c ? subtreeNet[c] : -subtreeNet[c]
    }

    /// Pivots until no cut value is negative (returns true) or the allowance runs out (false).
    /// `maxWork` bounds the nodes and arcs visited, so that big problems stop in bounded time.
    mutating func optimise(maxIterations: Int, maxWork: Int = .max) -> Bool {
        guard !treeArcs.isEmpty else { return true }
        numberForest()
        var cursor = 0
        let searchSize = 30
        var iterations = 0
        var work = 0
        while iterations < maxIterations && work < maxWork {
            // Leaving arc: among the next few negative cut values (cyclic scan), the most negative.
            var leaving = -1, leavingSlot = -1, mostNegative = 0, found = 0
            var scanned = 0
            while scanned < treeArcs.count {
                let slot = (cursor + scanned) % treeArcs.count
                let cv = cutValue(treeArcs[slot])
                if cv < 0 {
                    if cv < mostNegative { mostNegative = cv; leaving = treeArcs[slot]; leavingSlot = slot }
                    found += 1
                    if found >= searchSize { break }
                }
                scanned += 1
            }
            work += scanned
            guard leaving >= 0 else { return true }
            cursor = (leavingSlot + 1) % treeArcs.count
            // Entering arc: the least slack non-tree arc crossing the cut the other way.
            let c = child(of: leaving)
            let subtreeIsTail = arcs[leaving].tail == c
            var entering = -1, enteringSlack = Int.max
            search: for l in low[c]...lim[c] {
                let v = nodeAtLim[l]
                for k in incidentStart[v]..<incidentStart[v + 1] {
                    let a = incident[k]
                    if isTreeArc[a] { continue }
                    let t = arcs[a].tail, h = arcs[a].head
                    let tailInside = low[c] <= lim[t] && lim[t] <= lim[c]
                    let headInside = low[c] <= lim[h] && lim[h] <= lim[c]
                    // Subtree is the tail side: enter an arc into it; else an arc out of it.
                    let wanted = subtreeIsTail ? (!tailInside && headInside) : (tailInside && !headInside)
                    if wanted {
                        let s = slack(a)
                        if s < enteringSlack {
                            enteringSlack = s; entering = a
                            if s == 0 { break search }  // nothing beats a tight arc
                        }
                    }
                }
            }
            work += lim[c] - low[c] + 1
            guard entering >= 0 else { return true }  // cannot happen for a negative cut value
            let delta = subtreeIsTail ? -enteringSlack : enteringSlack
            if delta != 0 { for l in low[c]...lim[c] { rank[nodeAtLim[l]] += delta } }
            // The lowest common ancestor of the entering arc's ends: only its subtree changes.
            var top = arcs[entering].tail
            let other = lim[arcs[entering].head]
            while !(low[top] <= other && other <= lim[top]) {
                let a = parentArc[top]
                top = arcs[a].tail == top ? arcs[a].head : arcs[a].tail
                work += 1
            }
            // Exchange the arcs in the tree.
            isTreeArc[leaving] = false
            for v in [arcs[leaving].tail, arcs[leaving].head] {
                if let i = treeAdjacency[v].firstIndex(of: leaving) { treeAdjacency[v].remove(at: i) }
            }
            isTreeArc[entering] = true
            treeAdjacency[arcs[entering].tail].append(entering)
            treeAdjacency[arcs[entering].head].append(entering)
            treeArcs[leavingSlot] = entering
            work += lim[top] - low[top] + 1
            _ = numberSubtree(top, parent: parentArc[top], from: low[top])
            iterations += 1
        }
        return false
    }
}

/// A binary min-heap of (size, id) pairs, ties broken by id, for `buildFeasibleTree`.
private struct MinHeap {
    private var items: [(size: Int, id: Int)] = []

    private static func less(_ a: (size: Int, id: Int), _ b: (size: Int, id: Int)) -> Bool {
        a.size != b.size ? a.size < b.size : a.id < b.id
    }

    mutating func push(size: Int, id: Int) {
        items.append((size, id))
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard Self.less(items[i], items[p]) else { break }
            items.swapAt(i, p)
            i = p
        }
    }

    mutating func pop() -> (size: Int, id: Int)? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < items.count && Self.less(items[l], items[m]) { m = l }
                if r < items.count && Self.less(items[r], items[m]) { m = r }
                if m == i { break }
                items.swapAt(i, m)
                i = m
            }
        }
        return top
    }
}
