// Phase 1 — cycle removal. Layers need an acyclic graph, so some edges are turned around for
// the layout (and drawn back in their own direction at the end).

/// How to choose the arcs to turn around. Which choice gives fewer crossings depends on the
/// graph, so the layout may try both (see `rankAndOrder`).
enum CycleRemoval: Hashable, Sendable {
    static let allCases: [CycleRemoval] = [.greedy, .depthFirst, .greedyFromTheEnd, .depthFirstFromTheEnd] + (1...8).map { .depthFirstShuffled(seed: UInt64($0)) }
    /// Eades–Lin–Smyth: few reversed arcs, compact layerings.
    case greedy
    /// Graphviz dot's depth-first search: more reversed arcs and layers, often fewer crossings
    /// in dense graphs.
    case depthFirst
    /// The same two with nodes taken in the opposite order, which breaks ties differently.
    case greedyFromTheEnd
    case depthFirstFromTheEnd
    /// Depth-first with nodes and arcs taken in a shuffled (seeded, so fixed) order.
    case depthFirstShuffled(seed: UInt64)

    func arcsToReverse(nodeCount n: Int, arcs: [Arc]) -> [Bool] {
        switch self {
        case .greedy: return BatonLayout.arcsToReverse(nodeCount: n, arcs: arcs)
        case .depthFirst: return arcsToReverseDepthFirst(nodeCount: n, arcs: arcs)
        case .depthFirstShuffled(let seed):
            var random = SeededRandom(seed: seed)
            let relabel = random.shuffled(Array(0..<n))
            let permutation = random.shuffled(Array(arcs.indices))
            let shuffled = permutation.map { Arc(tail: relabel[arcs[$0].tail], head: relabel[arcs[$0].head]) }
            let flips = arcsToReverseDepthFirst(nodeCount: n, arcs: shuffled)
            var out = Array(repeating: false, count: arcs.count)
            for (k, i) in permutation.enumerated() { out[i] = flips[k] }
            return out
        case .greedyFromTheEnd, .depthFirstFromTheEnd:
            let mirrored = arcs.reversed().map { Arc(tail: n - 1 - $0.tail, head: n - 1 - $0.head) }
            let flips = self == .greedyFromTheEnd ? BatonLayout.arcsToReverse(nodeCount: n, arcs: mirrored)
                                                  : arcsToReverseDepthFirst(nodeCount: n, arcs: mirrored)
            return flips.reversed()
        }
    }
}

/// Which arcs to reverse so that the graph becomes acyclic, chosen with the greedy heuristic of
/// Eades, Lin and Smyth: repeatedly peel off sinks (to the end of a sequence) and sources (to the
/// front), and otherwise move the node whose out-degree most exceeds its in-degree to the front.
/// Arcs pointing backwards in the resulting sequence are reversed; they are at most half of
/// them, and usually far fewer than a depth-first search would reverse.
///
/// Self-loops must not be passed. Runs in O(V + E); ties are broken by input order, so the result
/// is deterministic.
func arcsToReverse(nodeCount n: Int, arcs: [Arc]) -> [Bool] {
    guard n > 0, !arcs.isEmpty else { return Array(repeating: false, count: arcs.count) }
    var outArcs = Array(repeating: [Int](), count: n)
    var inArcs = Array(repeating: [Int](), count: n)
    for (i, a) in arcs.enumerated() {
        outArcs[a.tail].append(i)
        inArcs[a.head].append(i)
    }
    var outDegree = outArcs.map(\.count)
    var inDegree = inArcs.map(\.count)
    var removed = Array(repeating: false, count: n)

    // Buckets of candidates by out-degree minus in-degree, with lazy deletion: an entry is
    // stale when its node is gone or its difference has changed since it was pushed.
    let maxDegree = max(outDegree.max() ?? 0, inDegree.max() ?? 0)
    var buckets = Array(repeating: [Int](), count: 2 * maxDegree + 1)
    var top = -1
    var sinks: [Int] = [], sources: [Int] = []
    func delta(_ v: Int) -> Int { outDegree[v] - inDegree[v] }
    func file(_ v: Int) {
        if outDegree[v] == 0 { sinks.append(v) } else if inDegree[v] == 0 { sources.append(v) } else {
            let b = delta(v) + maxDegree
            buckets[b].append(v)
            top = max(top, b)
        }
    }
    for v in 0..<n { file(v) }
    // Sinks are collected back to front; popping from the end of `sinks` is order-stable enough
    // to be deterministic, which is what matters.
    var front: [Int] = [], back: [Int] = []
    front.reserveCapacity(n)
    var sinkCursor = 0, sourceCursor = 0

    func remove(_ v: Int) {
        removed[v] = true
        for a in outArcs[v] where !removed[arcs[a].head] {
            let w = arcs[a].head
            inDegree[w] -= 1
            file(w)
        }
        for a in inArcs[v] where !removed[arcs[a].tail] {
            let u = arcs[a].tail
            outDegree[u] -= 1
            file(u)
        }
    }

    var remaining = n
    while remaining > 0 {
        var progressed = true
        while progressed {
            progressed = false
            while sinkCursor < sinks.count {
                let v = sinks[sinkCursor]; sinkCursor += 1
                if removed[v] || outDegree[v] != 0 { continue }
                back.append(v); remove(v); remaining -= 1; progressed = true
            }
            while sourceCursor < sources.count {
                let v = sources[sourceCursor]; sourceCursor += 1
                if removed[v] || inDegree[v] != 0 || outDegree[v] == 0 { continue }
                front.append(v); remove(v); remaining -= 1; progressed = true
                if sinkCursor < sinks.count { break }
            }
        }
        guard remaining > 0 else { break }
        // No sink or source left: take the node with the largest out-minus-in degree.
        var chosen = -1
        while top >= 0 && chosen < 0 {
            while let v = buckets[top].popLast() {
                if !removed[v] && outDegree[v] > 0 && inDegree[v] > 0 && delta(v) + maxDegree == top { chosen = v; break }
            }
            if chosen < 0 { top -= 1 }
        }
        guard chosen >= 0 else {
            // Unreachable when degrees are consistent; fall back to the first node left.
            guard let v = (0..<n).first(where: { !removed[$0] }) else { break }
            front.append(v); remove(v); remaining -= 1
            continue
        }
        front.append(chosen); remove(chosen); remaining -= 1
    }
    var position = Array(repeating: 0, count: n)
    for (i, v) in front.enumerated() { position[v] = i }
    for (i, v) in back.reversed().enumerated() { position[v] = front.count + i }
    return arcs.map { position[$0.tail] > position[$0.head] }
}

/// Depth-first cycle removal as in dot: arcs closing a cycle during a depth-first search
/// (to a vertex still on the stack) are reversed.
func arcsToReverseDepthFirst(nodeCount n: Int, arcs: [Arc]) -> [Bool] {
    var outArcs = Array(repeating: [Int](), count: n)
    for (i, a) in arcs.enumerated() { outArcs[a.tail].append(i) }
    var state = Array(repeating: 0, count: n)  // 0 new, 1 on stack, 2 done
    var reverse = Array(repeating: false, count: arcs.count)
    var stack: [(v: Int, next: Int)] = []
    for s in 0..<n where state[s] == 0 {
        state[s] = 1
        stack.append((s, 0))
        while let top = stack.last {
            if top.next < outArcs[top.v].count {
                stack[stack.count - 1].next += 1
                let a = outArcs[top.v][top.next]
                let w = arcs[a].head
                if state[w] == 1 { reverse[a] = true } else if state[w] == 0 { state[w] = 1; stack.append((w, 0)) }
            } else {
                state[top.v] = 2
                stack.removeLast()
            }
        }
    }
    return reverse
}
