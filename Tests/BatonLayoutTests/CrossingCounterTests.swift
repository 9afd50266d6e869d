// The accumulator-tree crossing counter agrees with counting every pair of arcs.

import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct CrossingCounterTests {
    @Test(arguments: 0..<25) func matchesBruteForce(_ seed: Int) {
        var rng = SplitMix64(seed: UInt64(seed))
        let graph = randomLayeredGraph(seed: UInt64(seed), nodes: 6 + seed, edges: 10 + 3 * seed)
        let p = PhaseFixture(graph).proper
        var order = p.verticesByLayer()
        for l in order.indices { order[l].shuffle(using: &rng) }
        var position = Array(repeating: 0, count: p.vertexCount)
        for layer in order { for (i, v) in layer.enumerated() { position[v] = i } }
        var brute = 0
        for l in 0..<max(0, order.count - 1) {
            var arcs: [(Int, Int)] = []
            for v in order[l] { for w in p.lowerNeighbors(v) { arcs.append((position[v], position[w])) } }
            for i in arcs.indices {
                for j in arcs.indices where j > i {
                    let (a, b) = (arcs[i], arcs[j])
                    if (a.0 < b.0 && a.1 > b.1) || (a.0 > b.0 && a.1 < b.1) { brute += 1 }
                }
            }
        }
        var counter = CrossingCounter()
        #expect(counter.totalCrossings(order: order, graph: p, position: position) == brute)
    }

    @Test func inversions() {
        var tree: [Int] = []
        #expect(CrossingCounter.inversions([0, 1, 2, 3], range: 4, tree: &tree) == 0)
        #expect(CrossingCounter.inversions([3, 2, 1, 0], range: 4, tree: &tree) == 6)
        #expect(CrossingCounter.inversions([1, 0, 1, 0], range: 2, tree: &tree) == 3)
    }
}
