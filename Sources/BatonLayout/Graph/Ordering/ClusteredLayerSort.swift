// Sorting one layer by sort keys while keeping every cluster contiguous (nested clusters
// included) and keeping sibling clusters in the same relative order as in a fixed neighbouring
// layer, so that cluster boxes can be rectangles that do not overlap. Long edges keep their
// side of the clusters they pass, too: a dummy whose edge came from above (below) a sibling
// cluster in the fixed layer — from a vertex beside it, or inside another cluster beside it —
// stays above (below) it, so edges do not zigzag through boxes.

/// Reorders layers of a `ProperGraph`. Holds scratch space; reuse one sorter for many layers.
struct ClusteredLayerSort {
    private let clusters: ClusterTree
    private let vertexCluster: [Int]
    private var groupItems: [[Int]]
    private var groupOrdered: [[Int]]
    private var groupStamp: [Int]
    private var fixedStamp: [Int]
    private var fixedRank: [Int]
    private var fixedIndex: [Int]
    private var fixedIndexStamp: [Int]
    private var followed: [Int] = []
    private var token = 0

    init(clusters: ClusterTree, vertexCluster: [Int]) {
        self.clusters = clusters
        self.vertexCluster = vertexCluster
        fixedIndex = Array(repeating: 0, count: vertexCluster.count)
        fixedIndexStamp = Array(repeating: -1, count: vertexCluster.count)
        let n = clusters.count + 1
        groupItems = Array(repeating: [], count: n)
        groupOrdered = Array(repeating: [], count: n)
        groupStamp = Array(repeating: -1, count: n)
        fixedStamp = Array(repeating: -1, count: n)
        fixedRank = Array(repeating: 0, count: n)
    }

    /// `layer` sorted by `keys[v]` (ties and missing keys keep the current order: a vertex
    /// without a key (NaN) stays behind the item before it), subject to the cluster rules above.
    /// Clusters sort by the mean key of their vertices. `fixed` is the neighbouring layer whose
    /// cluster order must be kept, if any, and `follows[v]` the vertex of the fixed layer whose
    /// side of sibling clusters dummy `v` keeps (-1 for none).
    mutating func sorted(_ layer: [Int], keys: [Double], fixed: [Int]?, follows: [Int]) -> [Int] {
        guard clusters.count > 0 else { return plainSort(layer, keys: keys) }
        token += 1
        followed = follows
        let root = clusters.root
        for v in layer {
            var item = v, c = vertexCluster[v]
            while true {
                let isNew = groupStamp[c] != token
                if isNew { groupStamp[c] = token; groupItems[c].removeAll(keepingCapacity: true) }
                groupItems[c].append(item)
                if !isNew || c == root { break }
                item = -(c + 1)
                c = clusters.parent[c]
            }
        }
        if let fixed {
            for (i, u) in fixed.enumerated() {
                fixedIndex[u] = i
                fixedIndexStamp[u] = token
                var c = vertexCluster[u]
                while c != root && fixedStamp[c] != token { fixedStamp[c] = token; fixedRank[c] = i; c = clusters.parent[c] }
            }
        }
        _ = arrange(root, keys: keys)
        return groupOrdered[root]
    }

    /// Without clusters: one sort of integers. Keys are non-negative positions (or means of
    /// them), kept to 1/4096 of a position, with the current index below them to break ties.
    private func plainSort(_ layer: [Int], keys: [Double]) -> [Int] {
        var packed: [UInt64] = []
        packed.reserveCapacity(layer.count)
        var last = Double.nan
        var firstKey = Double.nan
        for v in layer where !keys[v].isNaN { firstKey = keys[v]; break }
        for (i, v) in layer.enumerated() {
            var k = keys[v]
            if k.isNaN { k = last.isNaN ? (firstKey.isNaN ? Double(i) : firstKey) : last } else { last = k }
            let q = UInt64(max(0, min(k, 1e9)) * 4096)
            packed.append(q << 24 | UInt64(i))
        }
        packed.sort()
        return packed.map { layer[Int($0 & 0xFF_FFFF)] }
    }

    /// Missing keys take the key of the nearest item before them (or after them, at the front).
    private static func fillMissingKeys(_ entries: inout [(key: Double, index: Int, item: Int)]) {
        guard let firstDefined = entries.firstIndex(where: { !$0.key.isNaN }) else {
            for i in entries.indices { entries[i].key = Double(i) }
            return
        }
        var last = entries[firstDefined].key
        for i in entries.indices {
            if entries[i].key.isNaN { entries[i].key = last } else { last = entries[i].key }
        }
    }

    /// Orders group `g` into `groupOrdered[g]` and returns the sum and count of its vertices' keys.
    private mutating func arrange(_ g: Int, keys: [Double]) -> (sum: Double, count: Int) {
        let items = groupItems[g]
        var local: [(key: Double, index: Int, item: Int)] = []
        local.reserveCapacity(items.count)
        var sum = 0.0, count = 0
        for (i, item) in items.enumerated() {
            if item >= 0 {
                let k = keys[item]
                if !k.isNaN { sum += k; count += 1 }
                local.append((k, i, item))
            } else {
                let (s, n) = arrange(-item - 1, keys: keys)
                sum += s; count += n
                local.append((n > 0 ? s / Double(n) : .nan, i, item))
            }
        }
        Self.fillMissingKeys(&local)
        local.sort { $0.key != $1.key ? $0.key < $1.key : $0.index < $1.index }
        // Sibling clusters present in the fixed layer keep their order from it.
        var slots: [Int] = []
        for (i, e) in local.enumerated() where e.item < 0 && fixedStamp[-e.item - 1] == token { slots.append(i) }
        if slots.count > 1 {
            let kept = slots.map { local[$0] }.sorted { fixedRank[-$0.item - 1] < fixedRank[-$1.item - 1] }
            for (slot, e) in zip(slots, kept) { local[slot] = e }
        }
        if !slots.isEmpty { keepSides(&local, group: g, clusterSlots: slots) }
        var out: [Int] = []
        out.reserveCapacity(items.count)
        for e in local {
            if e.item >= 0 { out.append(e.item) } else { out.append(contentsOf: groupOrdered[-e.item - 1]) }
        }
        groupOrdered[g] = out
        return (sum, count)
    }

    /// Where vertex `u` of the fixed layer stands among group `g`'s items there: its own index
    /// when it is a direct member of `g`, else the first index of the cluster of `g` that holds
    /// it — unless that cluster is one of the constrained ones (`constrained`, their fixed ranks)
    /// and so spans this layer too: an edge leaving it may leave on either side. Nil when `u`
    /// is not in `g`.
    private func fixedPlace(of u: Int, in g: Int, constrained: [Int]) -> Int? {
        var c = vertexCluster[u]
        if c == g { return fixedIndex[u] }
        while c != clusters.root && clusters.parent[c] != g { c = clusters.parent[c] }
        guard c != clusters.root, clusters.parent[c] == g, fixedStamp[c] == token, !constrained.contains(fixedRank[c]) else { return nil }
        return fixedRank[c]
    }

    /// Moves each dummy following a vertex of group `g` in the fixed layer (a direct member, or
    /// one inside a cluster of `g` that this layer does not hold) to the same gap between the
    /// constrained sibling clusters (those at `clusterSlots`, in fixed order), so that its edge
    /// does not cut through one of them, leaving everything else where the sort put it.
    private func keepSides(_ local: inout [(key: Double, index: Int, item: Int)], group g: Int, clusterSlots: [Int]) {
        let ranks = clusterSlots.map { fixedRank[-local[$0].item - 1] }
        var buckets: [(bucket: Int, position: Int)] = []
        buckets.reserveCapacity(local.count)
        var seen = 0
        var moved = false
        for (i, e) in local.enumerated() {
            var bucket = 2 * seen
            if seen < clusterSlots.count && clusterSlots[seen] == i {
                bucket = 2 * seen + 1
                seen += 1
            } else if e.item >= 0 {
                let u = followed[e.item]
                if u >= 0 && fixedIndexStamp[u] == token, let place = fixedPlace(of: u, in: g, constrained: ranks) {
                    // The number of constrained clusters before u in the fixed layer (they are
                    // in fixed order, so their ranks ascend).
                    var k = 0, end = ranks.count
                    while k < end {
                        let middle = (k + end) / 2
                        if ranks[middle] < place { k = middle + 1 } else { end = middle }
                    }
                    if 2 * k != bucket { moved = true }
                    bucket = 2 * k
                }
            }
            buckets.append((bucket, i))
        }
        guard moved else { return }
        buckets.sort { $0.bucket != $1.bucket ? $0.bucket < $1.bucket : $0.position < $1.position }
        let before = local
        for (i, b) in buckets.enumerated() { local[i] = before[b.position] }
    }
}
