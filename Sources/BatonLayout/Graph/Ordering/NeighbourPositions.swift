// Crossings between the arcs of two vertices of one layer, as used by transposition and
// sifting. While a layer is being rearranged its neighbour layers stand still, so a vertex's
// sorted neighbour positions are computed once per pass, on first use, and two vertices then
// compare with a linear merge. Vertices with a single arc per side (most are dummies) skip that.

struct NeighbourPositions {
    private let upper: [Int]
    private let upperRows: [Int]
    private let lower: [Int]
    private let lowerRows: [Int]
    /// Each vertex's only upper (lower) neighbour; -1 without any, -2 with several.
    let soleUpper: [Int]
    let soleLower: [Int]
    private var positions: [Int] = []
    private var loaded: [Int]
    private var token = 0
    /// For each vertex loaded in this pass: where its sorted upper positions start, where its
    /// lower ones start (= where the upper ones end) and where the lower ones end.
    private var upperStart: [Int]
    private var lowerStart: [Int]
    private var lowerEnd: [Int]

    init(graph: ProperGraph) {
        upper = graph.upper
        upperRows = graph.upperStart
        lower = graph.lower
        lowerRows = graph.lowerStart
        let n = graph.vertexCount
        func sole(_ rows: [Int], _ list: [Int], _ v: Int) -> Int {
            let d = rows[v + 1] - rows[v]
            return d == 0 ? -1 : d == 1 ? list[rows[v]] : -2
        }
        soleUpper = (0..<n).map { sole(graph.upperStart, graph.upper, $0) }
        soleLower = (0..<n).map { sole(graph.lowerStart, graph.lower, $0) }
        loaded = Array(repeating: -1, count: n)
        upperStart = Array(repeating: 0, count: n)
        lowerStart = Array(repeating: 0, count: n)
        lowerEnd = Array(repeating: 0, count: n)
    }

    /// Forgets all loaded lists: call whenever positions in the neighbour layers may have changed.
    mutating func reset() {
        token += 1
        positions.removeAll(keepingCapacity: true)
    }

    /// Crossings among the arcs of `v` and `w` (same layer) with `v` before `w`, and after a swap.
    mutating func pairCrossings(_ v: Int, _ w: Int, position: [Int]) -> (kept: Int, swapped: Int) {
        let vu = upperRows[v + 1] - upperRows[v], vl = lowerRows[v + 1] - lowerRows[v]
        let wu = upperRows[w + 1] - upperRows[w], wl = lowerRows[w + 1] - lowerRows[w]
        if vu <= 1 && vl <= 1 && wu <= 1 && wl <= 1 {
            var kept = 0, swapped = 0
            if vu == 1 && wu == 1 {
                let a = position[upper[upperRows[v]]], b = position[upper[upperRows[w]]]
                if a > b { kept += 1 } else if a < b { swapped += 1 }
            }
            if vl == 1 && wl == 1 {
                let a = position[lower[lowerRows[v]]], b = position[lower[lowerRows[w]]]
                if a > b { kept += 1 } else if a < b { swapped += 1 }
            }
            return (kept, swapped)
        }
        load(v, position)
        load(w, position)
        let up = Self.count(positions, upperStart[v], lowerStart[v], upperStart[w], lowerStart[w])
        let down = Self.count(positions, lowerStart[v], lowerEnd[v], lowerStart[w], lowerEnd[w])
        return (up.kept + down.kept, up.swapped + down.swapped)
    }

    private mutating func load(_ v: Int, _ position: [Int]) {
        guard loaded[v] != token else { return }
        loaded[v] = token
        upperStart[v] = positions.count
        for k in upperRows[v]..<upperRows[v + 1] { positions.append(position[upper[k]]) }
        sortTail(from: upperStart[v])
        lowerStart[v] = positions.count
        for k in lowerRows[v]..<lowerRows[v + 1] { positions.append(position[lower[k]]) }
        sortTail(from: lowerStart[v])
        lowerEnd[v] = positions.count
    }

    private mutating func sortTail(from start: Int) {
        let count = positions.count - start
        guard count > 1 else { return }
        if count <= 16 {
            for i in (start + 1)..<positions.count {
                let x = positions[i]
                var j = i - 1
                while j >= start && positions[j] > x { positions[j + 1] = positions[j]; j -= 1 }
                positions[j + 1] = x
            }
        } else {
            positions[start...].sort()
        }
    }

    private static func count(_ p: [Int], _ a0: Int, _ a1: Int, _ b0: Int, _ b1: Int) -> (kept: Int, swapped: Int) {
        guard a0 < a1 && b0 < b1 else { return (0, 0) }
        var kept = 0, swapped = 0
        var below = b0, notAbove = b0
        for i in a0..<a1 {
            let a = p[i]
            while below < b1 && p[below] < a { below += 1 }
            while notAbove < b1 && p[notAbove] <= a { notAbove += 1 }
            kept += below - b0
            swapped += b1 - notAbove
        }
        return (kept, swapped)
    }
}
