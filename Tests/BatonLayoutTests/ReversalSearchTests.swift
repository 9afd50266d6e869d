// Phase 1, refined: the search over which arcs to turn around keeps the graph acyclic, shortens
// back edges where turning other arcs allows it, and on a tie leaves the arcs given first
// pointing forward.

import Testing
@testable import BatonLayout

@Suite struct ReversalSearchTests {
    static func arcs(_ pairs: [(Int, Int)]) -> [Arc] { pairs.map { Arc(tail: $0.0, head: $0.1) } }

    static func oriented(_ arcs: [Arc], _ flips: [Bool]) -> [Arc] {
        arcs.indices.map { flips[$0] ? arcs[$0].reversed : arcs[$0] }
    }

    /// The longest turned arc, in layers.
    static func longestBackEdge(nodeCount: Int, arcs: [Arc], flips: [Bool]) -> Int {
        let layout = oriented(arcs, flips)
        let layers = assignLayers(nodeCount: nodeCount, arcs: layout, minLength: 1)
        return arcs.indices.filter { flips[$0] }.map { layers[layout[$0].head] - layers[layout[$0].tail] }.max() ?? 0
    }

    /// webhook-integration's shape: the receiver W registers with the carrier C twice (a
    /// registration and the callback laid out along it), C feeds the reconciler R, which replays
    /// to W; W upserts into S, which Sh reads, and Sh calls C. Greedy cycle removal turns three
    /// arcs around, one of them across all five layers.
    static let webhook = arcs([(0, 1), (0, 1), (0, 2), (2, 3), (3, 1), (1, 4), (4, 0)])

    @Test func aLongBackEdgeIsFolded() {
        let greedy = CycleRemoval.greedy.arcsToReverse(nodeCount: 5, arcs: Self.webhook)
        var search = ReversalSearch(nodeCount: 5, arcs: Self.webhook, minLength: 1, effort: 1)
        let improved = search.improve(greedy)
        #expect(isAcyclic(nodeCount: 5, arcs: Self.oriented(Self.webhook, improved)))
        let before = Self.longestBackEdge(nodeCount: 5, arcs: Self.webhook, flips: greedy)
        let after = Self.longestBackEdge(nodeCount: 5, arcs: Self.webhook, flips: improved)
        #expect(before == 4)
        #expect(after <= 2, "longest back edge \(after) layers")
        func cost(_ flips: [Bool]) -> Int {
            let layout = Self.oriented(Self.webhook, flips)
            return weightedArcLength(layers: assignLayers(nodeCount: 5, arcs: layout, minLength: 1), arcs: layout, turned: flips)
        }
        #expect(cost(improved) < cost(greedy))
    }

    /// A calls B and C; B calls C, and C calls B back (given last): with either of the two turned
    /// around the layering is as long, so the one given last is turned.
    @Test func onATieTheArcGivenLastIsTurned() {
        let arcs = Self.arcs([(0, 1), (0, 2), (1, 2), (2, 3), (2, 1)])
        for strategy in CycleRemoval.allCases {
            var search = ReversalSearch(nodeCount: 4, arcs: arcs, minLength: 2, effort: 1)
            let flips = search.improve(strategy.arcsToReverse(nodeCount: 4, arcs: arcs))
            #expect(flips == [false, false, false, false, true], "\(strategy)")
        }
    }

    /// A service reads a store (the data runs store → service, given first) and writes it: the
    /// read has the lower priority, so it is the one turned, though it was given first.
    @Test func onATieTheLowerPriorityIsTurnedFirst() {
        let arcs = Self.arcs([(1, 0), (0, 1), (2, 0)])
        for strategy in CycleRemoval.allCases {
            var search = ReversalSearch(nodeCount: 3, arcs: arcs, priority: [0, 1, 1], minLength: 1, effort: 1)
            #expect(search.improve(strategy.arcsToReverse(nodeCount: 3, arcs: arcs)) == [true, false, false], "\(strategy)")
        }
        #expect(ReversalSearch.Turned([true, false], priority: [0, 1]).isPreferred(over: ReversalSearch.Turned([false, true], priority: [0, 1])))
        #expect(ReversalSearch.Turned([false, true], priority: [1, 1]).isPreferred(over: ReversalSearch.Turned([true, false], priority: [1, 1])))
    }

    @Test(arguments: 0..<12) func randomGraphsStayAcyclicAndGetNoLonger(_ seed: Int) {
        let n = 6 + seed * 3
        let arcs = randomArcs(seed: UInt64(100 + seed), nodes: n, arcs: 2 * n)
        let greedy = CycleRemoval.greedy.arcsToReverse(nodeCount: n, arcs: arcs)
        var search = ReversalSearch(nodeCount: n, arcs: arcs, minLength: 2, effort: 1)
        let improved = search.improve(greedy)
        #expect(isAcyclic(nodeCount: n, arcs: Self.oriented(arcs, improved)))
        func cost(_ flips: [Bool]) -> Int {
            let layout = Self.oriented(arcs, flips)
            return weightedArcLength(layers: assignLayers(nodeCount: n, arcs: layout, minLength: 2), arcs: layout, turned: flips)
        }
        #expect(cost(improved) <= cost(greedy))
    }

    @Test func bigGraphsAndNoEffortAreLeftAlone() {
        let n = ReversalSearch.maxNodes + 1
        let arcs = (0..<n).map { Arc(tail: $0, head: ($0 + 1) % n) }
        let flips = CycleRemoval.greedy.arcsToReverse(nodeCount: n, arcs: arcs)
        var big = ReversalSearch(nodeCount: n, arcs: arcs, minLength: 1, effort: 1)
        #expect(big.improve(flips) == flips)
        var lazy = ReversalSearch(nodeCount: 5, arcs: Self.webhook, minLength: 1, effort: 0)
        let greedy = CycleRemoval.greedy.arcsToReverse(nodeCount: 5, arcs: Self.webhook)
        #expect(lazy.improve(greedy) == greedy)
    }

    @Test func componentsAreTheCycles() {
        // 0 → 1 → 2 → 0 is a cycle, 3 hangs off it, 4 ↔ 5 is a cycle of its own.
        let arcs = Self.arcs([(0, 1), (1, 2), (2, 0), (2, 3), (4, 5), (5, 4)])
        let component = stronglyConnectedComponents(nodeCount: 6, arcs: arcs)
        #expect(component[0] == component[1] && component[1] == component[2])
        #expect(component[3] != component[0])
        #expect(component[4] == component[5] && component[4] != component[0] && component[4] != component[3])
        #expect(ReversalSearch.cyclePairs(nodeCount: 6, arcs: arcs) == [[0], [1], [2], [4, 5]])
    }

    @Test func laterTurnedArcsAreLater() {
        #expect(ReversalSearch.isLater([3], than: [1]))
        #expect(!ReversalSearch.isLater([1], than: [3]))
        #expect(ReversalSearch.isLater([4], than: [1, 4]))
        #expect(ReversalSearch.isLater([1], than: [1, 4]))
        #expect(!ReversalSearch.isLater([1, 4], than: [1]))
    }
}
