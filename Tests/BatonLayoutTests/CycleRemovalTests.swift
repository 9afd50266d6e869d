// Phase 1: after reversing the chosen arcs, the graph has no cycle.

import BatonWorkload
import Testing
@testable import BatonLayout

/// Whether the arcs (some reversed) form an acyclic graph.
func isAcyclic(nodeCount n: Int, arcs: [Arc], reversed: [Bool]) -> Bool {
    var indegree = Array(repeating: 0, count: n)
    var out = Array(repeating: [Int](), count: n)
    for (i, a) in arcs.enumerated() {
        let b = reversed[i] ? a.reversed : a
        out[b.tail].append(b.head)
        indegree[b.head] += 1
    }
    var queue = (0..<n).filter { indegree[$0] == 0 }
    var seen = 0
    while let v = queue.popLast() {
        seen += 1
        for w in out[v] { indegree[w] -= 1; if indegree[w] == 0 { queue.append(w) } }
    }
    return seen == n
}

func randomArcs(seed: UInt64, nodes: Int, arcs: Int) -> [Arc] {
    var rng = SplitMix64(seed: seed)
    var out: [Arc] = []
    while out.count < arcs {
        let a = Int.random(in: 0..<nodes, using: &rng), b = Int.random(in: 0..<nodes, using: &rng)
        if a != b { out.append(Arc(tail: a, head: b)) }
    }
    return out
}

@Suite struct CycleRemovalTests {
    @Test(arguments: CycleRemoval.allCases) func triangleLosesOneArc(_ strategy: CycleRemoval) {
        let arcs = [Arc(tail: 0, head: 1), Arc(tail: 1, head: 2), Arc(tail: 2, head: 0)]
        let reversed = strategy.arcsToReverse(nodeCount: 3, arcs: arcs)
        #expect(reversed.filter { $0 }.count == 1)
        #expect(isAcyclic(nodeCount: 3, arcs: arcs, reversed: reversed))
    }

    @Test(arguments: CycleRemoval.allCases) func acyclicGraphsAreLeftAlone(_ strategy: CycleRemoval) {
        let arcs = [Arc(tail: 0, head: 1), Arc(tail: 0, head: 2), Arc(tail: 1, head: 3), Arc(tail: 2, head: 3), Arc(tail: 0, head: 3)]
        #expect(strategy.arcsToReverse(nodeCount: 4, arcs: arcs).allSatisfy { !$0 })
    }

    @Test(arguments: 0..<20) func randomGraphsBecomeAcyclic(_ seed: Int) {
        let n = 5 + seed * 4
        let arcs = randomArcs(seed: UInt64(seed), nodes: n, arcs: 3 * n)
        for strategy in CycleRemoval.allCases {
            let reversed = strategy.arcsToReverse(nodeCount: n, arcs: arcs)
            #expect(isAcyclic(nodeCount: n, arcs: arcs, reversed: reversed), "\(strategy)")
        }
        // The greedy heuristic never reverses more than half of the arcs.
        #expect(CycleRemoval.greedy.arcsToReverse(nodeCount: n, arcs: arcs).filter { $0 }.count <= arcs.count / 2)
    }

    @Test func twoCyclesOfParallelArcs() {
        let arcs = [Arc(tail: 0, head: 1), Arc(tail: 0, head: 1), Arc(tail: 1, head: 0)]
        let reversed = CycleRemoval.greedy.arcsToReverse(nodeCount: 2, arcs: arcs)
        #expect(reversed == [false, false, true], "the single arc against two parallel ones turns around")
    }
}
