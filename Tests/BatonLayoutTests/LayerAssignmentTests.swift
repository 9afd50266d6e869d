// Phase 2: layers respect arc directions and minimum lengths, and network simplex finds the
// shortest total length (checked against exhaustive search on small graphs).

import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct LayerAssignmentTests {
    private func acyclicArcs(seed: UInt64, nodes: Int, arcs: Int) -> [Arc] {
        var rng = SplitMix64(seed: seed)
        var out: [Arc] = []
        while out.count < arcs {
            let a = Int.random(in: 0..<nodes, using: &rng), b = Int.random(in: 0..<nodes, using: &rng)
            if a < b { out.append(Arc(tail: a, head: b)) }
        }
        return out
    }

    @Test(arguments: 0..<12) func layersRespectArcs(_ seed: Int) {
        let n = 4 + seed * 5
        let arcs = acyclicArcs(seed: UInt64(seed), nodes: n, arcs: 2 * n)
        for minLength in [1, 2] {
            let layers = assignLayers(nodeCount: n, arcs: arcs, minLength: minLength)
            #expect(layers.count == n)
            #expect(layers.min() == 0)
            for a in arcs { #expect(layers[a.head] - layers[a.tail] >= minLength) }
        }
    }

    @Test(arguments: 0..<10) func networkSimplexIsOptimal(_ seed: Int) {
        // Small enough to try every ranking with ranks below 6.
        let n = 5
        let arcs = acyclicArcs(seed: 100 + UInt64(seed), nodes: n, arcs: 6)
        var weights: [Int] = []
        var rng = SplitMix64(seed: UInt64(seed))
        for _ in arcs { weights.append(Int.random(in: 1...4, using: &rng)) }
        let lengths = Array(repeating: 1, count: arcs.count)
        let (ranks, optimal) = networkSimplexRanks(nodeCount: n, arcs: arcs, minLength: lengths, weight: weights, maxIterations: 1000)
        #expect(optimal)
        func cost(_ r: [Int]) -> Int? {
            var total = 0
            for (i, a) in arcs.enumerated() {
                let d = r[a.head] - r[a.tail]
                if d < lengths[i] { return nil }
                total += weights[i] * d
            }
            return total
        }
        var best = Int.max
        var r = Array(repeating: 0, count: n)
        func search(_ i: Int) {
            if i == n { if let c = cost(r) { best = min(best, c) }; return }
            for v in 0..<6 { r[i] = v; search(i + 1) }
        }
        search(0)
        #expect(cost(ranks) == best)
    }

    @Test func longEdgesAreShortenedByNetworkSimplex() {
        // 0→1→2→3 and 4→3: longest path would put 4 at layer 0; network simplex pulls it to 2.
        let arcs = [Arc(tail: 0, head: 1), Arc(tail: 1, head: 2), Arc(tail: 2, head: 3), Arc(tail: 4, head: 3)]
        let layers = assignLayers(nodeCount: 5, arcs: arcs, minLength: 1)
        #expect(layers == [0, 1, 2, 3, 2])
    }

    @Test func componentsStartAtLayerZero() {
        let layers = assignLayers(nodeCount: 5, arcs: [Arc(tail: 0, head: 1), Arc(tail: 2, head: 3), Arc(tail: 3, head: 4)], minLength: 1)
        #expect(layers[0] == 0 && layers[2] == 0)
    }
}
