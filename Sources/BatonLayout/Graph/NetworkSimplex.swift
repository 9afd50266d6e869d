// The network simplex method for integer "rank" problems, as in Gansner et al., "A Technique
// for Drawing Directed Graphs" (1993): minimise Σ weight(a) · (rank(head) − rank(tail)) subject
// to rank(head) − rank(tail) ≥ minLength(a) for every arc a.

/// Optimal (or, when `maxIterations` runs out first, improved feasible) ranks for an acyclic
/// graph. Ranks are not normalised: each connected component is somewhere on the integer line.
///
/// Cut values come cheaply here: the cut value of a tree arc is, up to its sign, the sum of
/// `Σ out-weights − Σ in-weights` over the nodes of the subtree below it, because arcs inside
/// the subtree cancel. So a pivot costs O(V + arcs at the subtree) without bookkeeping.
func networkSimplexRanks(nodeCount n: Int, arcs: [Arc], minLength: [Int], weight: [Int], maxIterations: Int) -> [Int] {
    guard n > 0 else { return [] }
    var solver = NetworkSimplexSolver(nodeCount: n, arcs: arcs, minLength: minLength, weight: weight)
    solver.initialRanks()
    solver.buildFeasibleTree()
    solver.optimise(maxIterations: maxIterations)
    return solver.rank
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

    /// Longest-path ranks from the sources: feasible, with many tight arcs.
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

    /// A spanning forest of tight arcs, one tree per connected component: grow a tight tree,
    /// and while some arc leaves it, shift the whole tree to make the least slack one tight.
    mutating func buildFeasibleTree() {
        var inTree = Array(repeating: false, count: n)
        for start in 0..<n where !inTree[start] {
            var members = [start]
            inTree[start] = true
            var scanned = 0
            while true {
                // Grow along tight arcs.
                while scanned < members.count {
                    let v = members[scanned]; scanned += 1
                    for k in incidentStart[v]..<incidentStart[v + 1] {
                        let a = incident[k]
                        let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                        if !inTree[w] && slack(a) == 0 {
                            inTree[w] = true
                            members.append(w)
                            addTreeArc(a)
                        }
                    }
                }
                // The least slack arc leaving the tree.
                var best = -1, bestSlack = Int.max
                for v in members {
                    for k in incidentStart[v]..<incidentStart[v + 1] {
                        let a = incident[k]
                        let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                        if !inTree[w] {
                            let s = slack(a)
                            if s < bestSlack { bestSlack = s; best = a }
                        }
                    }
                }
                guard best >= 0 else { break }
                let delta = inTree[arcs[best].tail] ? bestSlack : -bestSlack
                for v in members { rank[v] += delta }
                // The arc is tight now; rescan everything so that every newly tight arc counts.
                scanned = 0
            }
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
        var counter = 0
        var visited = Array(repeating: false, count: n)
        var stack: [(node: Int, next: Int)] = []
        for root in 0..<n where !visited[root] {
            visited[root] = true
            parentArc[root] = -1
            stack.append((root, 0))
            low[root] = counter
            while let top = stack.last {
                let v = top.node
                if top.next < treeAdjacency[v].count {
                    stack[stack.count - 1].next += 1
                    let a = treeAdjacency[v][top.next]
                    let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                    if !visited[w] {
                        visited[w] = true
                        parentArc[w] = a
                        low[w] = counter
                        stack.append((w, 0))
                    }
                } else {
                    stack.removeLast()
                    lim[v] = counter
                    nodeAtLim[counter] = v
                    counter += 1
                    var sum = net[v]
                    for a in treeAdjacency[v] where a != parentArc[v] {
                        let w = arcs[a].tail == v ? arcs[a].head : arcs[a].tail
                        sum += subtreeNet[w]
                    }
                    subtreeNet[v] = sum
                }
            }
        }
    }

    /// The node below tree arc `a` (the endpoint farther from its tree's root).
    func child(of a: Int) -> Int {
        parentArc[arcs[a].tail] == a ? arcs[a].tail : arcs[a].head
    }

    func cutValue(_ a: Int) -> Int {
        let c = child(of: a)
        return arcs[a].tail == c ? subtreeNet[c] : -subtreeNet[c]
    }

    mutating func optimise(maxIterations: Int) {
        guard !treeArcs.isEmpty else { return }
        numberForest()
        var cursor = 0
        let searchSize = 30
        var iterations = 0
        while iterations < maxIterations {
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
            guard leaving >= 0 else { return }
            cursor = (leavingSlot + 1) % treeArcs.count
            // Entering arc: the least slack non-tree arc crossing the cut the other way.
            let c = child(of: leaving)
            let subtreeIsTail = arcs[leaving].tail == c
            var entering = -1, enteringSlack = Int.max
            for l in low[c]...lim[c] {
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
                        if s < enteringSlack { enteringSlack = s; entering = a }
                    }
                }
            }
            guard entering >= 0 else { return }  // cannot happen for a negative cut value
            let delta = subtreeIsTail ? -enteringSlack : enteringSlack
            if delta != 0 { for l in low[c]...lim[c] { rank[nodeAtLim[l]] += delta } }
            // Exchange the arcs in the tree.
            isTreeArc[leaving] = false
            for v in [arcs[leaving].tail, arcs[leaving].head] {
                if let i = treeAdjacency[v].firstIndex(of: leaving) { treeAdjacency[v].remove(at: i) }
            }
            isTreeArc[entering] = true
            treeAdjacency[arcs[entering].tail].append(entering)
            treeAdjacency[arcs[entering].head].append(entering)
            treeArcs[leavingSlot] = entering
            numberForest()
            iterations += 1
        }
    }
}
