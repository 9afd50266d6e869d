// Starting orders for crossing minimisation: breadth- or depth-first traversals, which place
// connected vertices near each other (dot's `build_ranks`).

enum InitialOrder: Hashable {
    /// Breadth-first from the vertices without upper neighbours, downwards first.
    case breadthFirstDown
    /// Breadth-first from the vertices without lower neighbours, upwards first.
    case breadthFirstUp
    /// Depth-first from the vertices without upper neighbours.
    case depthFirstDown
    /// Depth-first from the vertices without lower neighbours.
    case depthFirstUp
    /// A breadth-first order with every layer shuffled by a generator with this seed: a
    /// different starting point for the search, still the same on every run.
    case shuffled(seed: UInt64)
}

/// The vertices of each layer in the order a traversal of `graph` first reaches them.
func initialOrder(_ graph: ProperGraph, _ kind: InitialOrder) -> [[Int]] {
    let n = graph.vertexCount
    var order = Array(repeating: [Int](), count: graph.layerCount)
    var visited = Array(repeating: false, count: n)
    let downward = kind != .breadthFirstUp && kind != .depthFirstUp
    var seeds: [Int] = []
    seeds.reserveCapacity(2 * n)
    for v in 0..<n {
        let isEnd = downward ? graph.upperStart[v] == graph.upperStart[v + 1] : graph.lowerStart[v] == graph.lowerStart[v + 1]
        if isEnd { seeds.append(v) }
    }
    seeds.append(contentsOf: 0..<n)
    func forward(_ v: Int) -> ArraySlice<Int> { downward ? graph.lowerNeighbors(v) : graph.upperNeighbors(v) }
    func backward(_ v: Int) -> ArraySlice<Int> { downward ? graph.upperNeighbors(v) : graph.lowerNeighbors(v) }
    switch kind {
    case .shuffled(let seed):
        var random = SeededRandom(seed: seed)
        return initialOrder(graph, .breadthFirstDown).map { random.shuffled($0) }
    case .breadthFirstDown, .breadthFirstUp:
        var queue: [Int] = []
        queue.reserveCapacity(n)
        var head = 0
        for s in seeds where !visited[s] {
            visited[s] = true
            queue.append(s)
            while head < queue.count {
                let v = queue[head]; head += 1
                order[graph.layer[v]].append(v)
                for w in forward(v) where !visited[w] { visited[w] = true; queue.append(w) }
                for w in backward(v) where !visited[w] { visited[w] = true; queue.append(w) }
            }
        }
    case .depthFirstDown, .depthFirstUp:
        var stack: [Int] = []
        for s in seeds where !visited[s] {
            stack.append(s)
            while let v = stack.popLast() {
                if visited[v] { continue }
                visited[v] = true
                order[graph.layer[v]].append(v)
                // Pushed in reverse so that the first neighbour is visited first.
                for w in backward(v).reversed() where !visited[w] { stack.append(w) }
                for w in forward(v).reversed() where !visited[w] { stack.append(w) }
            }
        }
    }
    return order
}
