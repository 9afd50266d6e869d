// The nesting of clusters as a tree under a virtual root, with bad references repaired.

/// Clusters `0..<count` plus a virtual root `count` that contains everything else. Every
/// node and every cluster has a parent; the tree has no cycles whatever the input said.
struct ClusterTree: Sendable {
    /// The number of real clusters; also the id of the virtual root.
    let count: Int
    /// The parent of each cluster (the root's parent is itself).
    let parent: [Int]
    /// Depth below the root (the root has depth 0).
    let depth: [Int]
    /// Child clusters of each cluster, in index order.
    let children: [[Int]]
    /// The innermost cluster of each node (the root when none).
    let nodeCluster: [Int]

    var root: Int { count }

    init(clusters: [LayeredGraph.Cluster], nodes: [LayeredGraph.Node]) {
        let n = clusters.count
        count = n
        // A parent out of range, or one that leads back to the cluster itself, becomes the root.
        var parent = clusters.map { c -> Int in
            guard let p = c.parent, p >= 0, p < n else { return n }
            return p
        }
        parent.append(n)
        for c in 0..<n {
            // Walk up at most n steps; a cycle means this cluster's link is cut.
            var p = parent[c], steps = 0
            while p != n && p != c && steps <= n { p = parent[p]; steps += 1 }
            if p != n { parent[c] = n }
        }
        var depth = Array(repeating: -1, count: n + 1)
        depth[n] = 0
        func depthOf(_ c: Int) -> Int {
            var chain: [Int] = []
            var x = c
            while depth[x] < 0 { chain.append(x); x = parent[x] }
            var d = depth[x]
            for y in chain.reversed() { d += 1; depth[y] = d }
            return depth[c]
        }
        for c in 0..<n { _ = depthOf(c) }
        var children = Array(repeating: [Int](), count: n + 1)
        for c in 0..<n { children[parent[c]].append(c) }
        self.parent = parent
        self.depth = depth
        self.children = children
        nodeCluster = nodes.map { node in
            guard let c = node.cluster, c >= 0, c < n else { return n }
            return c
        }
    }

    /// The deepest cluster containing both `a` and `b`.
    func commonAncestor(_ a: Int, _ b: Int) -> Int {
        var x = a, y = b
        while depth[x] > depth[y] { x = parent[x] }
        while depth[y] > depth[x] { y = parent[y] }
        while x != y { x = parent[x]; y = parent[y] }
        return x
    }

    /// Whether `inner` is `outer` or nested (at any depth) inside it.
    func isWithin(_ inner: Int, _ outer: Int) -> Bool {
        var x = inner
        while depth[x] > depth[outer] { x = parent[x] }
        return x == outer
    }

    /// The ancestor of `c` (possibly `c` itself) that is a direct child of `outer`, or nil when
    /// `c` is not strictly inside `outer`.
    func child(of outer: Int, containing c: Int) -> Int? {
        guard depth[c] > depth[outer] else { return nil }
        var x = c
        while depth[x] > depth[outer] + 1 { x = parent[x] }
        return parent[x] == outer ? x : nil
    }

    /// Clusters ordered so that every cluster comes after all of its descendants.
    var bottomUpOrder: [Int] {
        (0..<count).sorted { depth[$0] != depth[$1] ? depth[$0] > depth[$1] : $0 < $1 }
    }
}
