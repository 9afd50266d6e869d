// Counting crossings between two consecutive layers in O(E log V), with the accumulator tree of
// Barth, Jünger and Mutzel, "Simple and Efficient Bilayer Cross Counting" (2004).

/// Counts crossings of the arcs between consecutive layers of a `ProperGraph`. Keeps its
/// scratch buffers between calls, so reuse one counter for many counts.
struct CrossingCounter {
    private var south: [Int] = []
    private var tree: [Int] = []
    private var scratch: [Int] = []

    /// Crossings between `upperLayer` (in order) and the layer below it, given every vertex's
    /// position within its layer. Two arcs cross when their ends are in opposite orders on the two
    /// layers; arcs sharing an end never cross.
    mutating func crossings(below upperLayer: [Int], lowerLayerSize: Int, graph: ProperGraph, position: [Int]) -> Int {
        guard lowerLayerSize > 1 else { return 0 }
        // The lower positions of all arcs, sorted by (upper position, lower position).
        south.removeAll(keepingCapacity: true)
        for v in upperLayer {
            let start = south.count
            for w in graph.lowerNeighbors(v) { south.append(position[w]) }
            // Insertion sort: degrees are small, and this keeps the order deterministic.
            if south.count - start > 1 {
                for i in (start + 1)..<south.count {
                    let x = south[i]
                    var j = i - 1
                    while j >= start && south[j] > x { south[j + 1] = south[j]; j -= 1 }
                    south[j + 1] = x
                }
            }
        }
        return Self.inversions(south, range: lowerLayerSize, tree: &tree)
    }

    /// The number of pairs i < j with `sequence[i] > sequence[j]`, for values in `0..<range`.
    static func inversions(_ sequence: [Int], range: Int, tree: inout [Int]) -> Int {
        var firstIndex = 1
        while firstIndex < range { firstIndex *= 2 }
        let treeSize = 2 * firstIndex - 1
        firstIndex -= 1
        if tree.count < treeSize { tree = Array(repeating: 0, count: treeSize) } else {
            for i in 0..<treeSize { tree[i] = 0 }
        }
        var count = 0
        for value in sequence {
            var index = value + firstIndex
            tree[index] += 1
            while index > 0 {
                if index % 2 == 1 { count += tree[index + 1] }
                index = (index - 1) / 2
                tree[index] += 1
            }
        }
        return count
    }

    /// All crossings of a layered drawing given by `order` (the vertices of each layer).
    mutating func totalCrossings(order: [[Int]], graph: ProperGraph, position: [Int]) -> Int {
        var total = 0
        for l in 0..<(max(order.count, 1) - 1) {
            total += crossings(below: order[l], lowerLayerSize: order[l + 1].count, graph: graph, position: position)
        }
        return total
    }
}
