/// Huffman codes as deflate writes them (RFC 1951, 3.2.2): code lengths from symbol counts,
/// none longer than the format allows, and the canonical codes those lengths define.
enum HuffmanCode {
    /// A length for every symbol (0 for a symbol never used), at most `limit`.
    ///
    /// Built with the two-queue method on counts sorted by (count, symbol), so ties break the
    /// same way on every machine. When the tree is too deep, the counts are halved (keeping
    /// every used symbol at one at least) and the tree built again: flatter each time, it fits
    /// after a few rounds, and stays a full tree, so the code is always complete.
    static func lengths(_ frequencies: [Int], limit: Int) -> [Int] {
        var counts = frequencies
        while true {
            let lengths = unlimitedLengths(counts)
            if lengths.max() ?? 0 <= limit { return lengths }
            counts = counts.map { $0 == 0 ? 0 : max(1, $0 / 2) }
        }
    }

    private static func unlimitedLengths(_ counts: [Int]) -> [Int] {
        var lengths = [Int](repeating: 0, count: counts.count)
        let leaves = counts.indices.filter { counts[$0] > 0 }.sorted { (counts[$0], $0) < (counts[$1], $1) }
        if leaves.count == 1 { lengths[leaves[0]] = 1 }
        guard leaves.count > 1 else { return lengths }
        // Nodes 0..<n are the leaves in order; merged nodes follow, in the order made.
        var weight = leaves.map { counts[$0] }
        var parent = [Int](repeating: -1, count: 2 * leaves.count - 1)
        var nextLeaf = 0, nextMerged = leaves.count
        func smallest() -> Int {
            // A leaf wins a tie, so the result does not depend on anything but the counts.
            if nextLeaf < leaves.count, nextMerged >= weight.count || weight[nextLeaf] <= weight[nextMerged] {
                nextLeaf += 1
                return nextLeaf - 1
            }
            nextMerged += 1
            return nextMerged - 1
        }
        while weight.count < 2 * leaves.count - 1 {
            let a = smallest(), b = smallest()
            parent[a] = weight.count
            parent[b] = weight.count
            weight.append(weight[a] + weight[b])
        }
        // Parents come after their children: depths from the root down.
        var depth = [Int](repeating: 0, count: weight.count)
        for node in stride(from: weight.count - 2, through: 0, by: -1) { depth[node] = depth[parent[node]] + 1 }
        for (index, symbol) in leaves.enumerated() { lengths[symbol] = depth[index] }
        return lengths
    }

    /// The canonical code of every symbol, bit-reversed so that deflate's least-significant-
    /// bit-first writer sends it most significant bit first, as the format requires.
    static func codes(_ lengths: [Int]) -> [UInt32] {
        let longest = lengths.max() ?? 0
        var perLength = [Int](repeating: 0, count: longest + 1)
        for length in lengths where length > 0 { perLength[length] += 1 }
        var next = [Int](repeating: 0, count: longest + 2)
        var code = 0
        if longest >= 1 {
            for length in 1...longest {
                code = (code + perLength[length - 1]) << 1
                next[length] = code
            }
        }
        return lengths.map { length in
            guard length > 0 else { return 0 }
            let value = next[length]
            next[length] += 1
            var reversed: UInt32 = 0
            for bit in 0..<length where value >> bit & 1 == 1 { reversed |= 1 << UInt32(length - 1 - bit) }
            return reversed
        }
    }
}
