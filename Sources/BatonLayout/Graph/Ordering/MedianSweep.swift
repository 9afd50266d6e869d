// One sweep of crossing minimisation: each layer in turn is sorted by the weighted median
// position of its neighbours in the layer just placed (Gansner et al., 1993, `median_value`).

extension OrderingState {
    mutating func sweep(downward: Bool, useBarycenter: Bool) {
        let layers = downward ? Array(1..<max(1, order.count)) : Array((0..<max(0, order.count - 1)).reversed())
        for l in layers {
            let fixed = downward ? l - 1 : l + 1
            for v in order[l] {
                keys[v] = useBarycenter ? barycenter(v, upper: downward) : median(v, upper: downward)
            }
            setLayer(l, sorter.sorted(order[l], keys: keys, fixed: order[fixed], follows: downward ? dummyUpper : dummyLower))
        }
    }

    /// The weighted median of the positions of `v`'s neighbours on one side, NaN without any:
    /// with an even number of neighbours, the two middle positions are weighted towards the
    /// side where the neighbours are packed more tightly.
    mutating func median(_ v: Int, upper: Bool) -> Double {
        let (rows, list) = upper ? (graph.upperStart, graph.upper) : (graph.lowerStart, graph.lower)
        let from = rows[v], to = rows[v + 1]
        let m = to - from
        if m == 0 { return .nan }
        if m == 1 { return Double(position[list[from]]) }
        scratch.removeAll(keepingCapacity: true)
        for k in from..<to { scratch.append(position[list[k]]) }
        scratch.sort()
        if m % 2 == 1 { return Double(scratch[m / 2]) }
        if m == 2 { return Double(scratch[0] + scratch[1]) / 2 }
        let left = Double(scratch[m / 2 - 1] - scratch[0])
        let right = Double(scratch[m - 1] - scratch[m / 2])
        if left + right == 0 { return Double(scratch[m / 2 - 1] + scratch[m / 2]) / 2 }
        return (Double(scratch[m / 2 - 1]) * right + Double(scratch[m / 2]) * left) / (left + right)
    }

    /// The mean position of `v`'s neighbours on one side, NaN without any.
    func barycenter(_ v: Int, upper: Bool) -> Double {
        let neighbours = upper ? graph.upperNeighbors(v) : graph.lowerNeighbors(v)
        guard !neighbours.isEmpty else { return .nan }
        var sum = 0
        for w in neighbours { sum += position[w] }
        return Double(sum) / Double(neighbours.count)
    }
}
