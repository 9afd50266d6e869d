// Phase 4: orders are permutations of the layers, keep clusters contiguous with one order of
// sibling clusters across layers, and remove crossings.

import Testing
@testable import BatonLayout

@Suite struct LayerOrderingTests {
    private func plan(_ p: ProperGraph, effort: Double = 1) -> OrderingPlan { OrderingPlan(graph: p, effort: effort) }

    @Test(arguments: 0..<12) func ordersArePermutationsOfTheLayers(_ seed: Int) {
        let graph = randomLayeredGraph(seed: UInt64(seed), nodes: 15 + seed, edges: 30 + 2 * seed, labels: seed % 2 == 0, clusters: seed % 3)
        let f = PhaseFixture(graph)
        let (order, crossings) = orderLayers(f.proper, clusters: f.clusters, plan: plan(f.proper))
        let expected = f.proper.verticesByLayer()
        #expect(order.count == expected.count)
        for l in order.indices { #expect(order[l].sorted() == expected[l]) }
        var position = Array(repeating: 0, count: f.proper.vertexCount)
        for layer in order { for (i, v) in layer.enumerated() { position[v] = i } }
        var counter = CrossingCounter()
        #expect(counter.totalCrossings(order: order, graph: f.proper, position: position) == crossings)
    }

    @Test(arguments: 0..<12) func clustersStayContiguousAndConsistent(_ seed: Int) {
        let graph = randomLayeredGraph(seed: 200 + UInt64(seed), nodes: 30, edges: 50, labels: seed % 2 == 1, clusters: 2 + seed % 6)
        let f = PhaseFixture(graph)
        for effort in [0.0, 1.0] {
            let (order, _) = orderLayers(f.proper, clusters: f.clusters, plan: plan(f.proper, effort: effort))
            // Contiguous: in each layer, the vertices within a cluster form one run.
            var firstPosition: [[Int: Int]] = []
            for layer in order {
                var first: [Int: Int] = [:]
                for c in 0..<graph.clusters.count {
                    let indices = layer.indices.filter { f.clusters.isWithin(f.proper.cluster[layer[$0]], c) }
                    if let lo = indices.first, let hi = indices.last {
                        #expect(hi - lo + 1 == indices.count, "cluster \(c) is split in a layer")
                        first[c] = lo
                    }
                }
                firstPosition.append(first)
            }
            // Consistent: two clusters that are not nested keep one order in every shared layer.
            for c in 0..<graph.clusters.count {
                for d in 0..<graph.clusters.count where d > c && !f.clusters.isWithin(c, d) && !f.clusters.isWithin(d, c) {
                    let relations = Set(firstPosition.compactMap { first -> Bool? in
                        guard let a = first[c], let b = first[d] else { return nil }
                        return a < b
                    })
                    #expect(relations.count <= 1, "clusters \(c) and \(d) swap between layers")
                }
            }
        }
    }

    @Test func removesAvoidableCrossings() {
        // Two disjoint chains given crossed: a → d, b → c with b above a in the next layer.
        let n = LayeredGraph.Node(size: Size(width: 10, height: 10))
        let graph = LayeredGraph(nodes: [n, n, n, n, n, n],
                                 edges: [.init(from: 0, to: 3), .init(from: 1, to: 2), .init(from: 2, to: 4), .init(from: 3, to: 5),
                                         .init(from: 0, to: 5), .init(from: 1, to: 4)])
        let f = PhaseFixture(graph)
        let (_, crossings) = orderLayers(f.proper, clusters: f.clusters, plan: plan(f.proper))
        #expect(crossings == 0)
    }

    @Test func siftingAndTranspositionNeverAddCrossings() {
        let graph = randomLayeredGraph(seed: 9, nodes: 40, edges: 90)
        let f = PhaseFixture(graph)
        var state = OrderingState(graph: f.proper, clusters: f.clusters, transposeBudget: 1_000_000)
        state.setOrder(initialOrder(f.proper, .shuffled(seed: 1)))
        let before = state.crossings()
        state.transpose(reverse: false)
        let afterTranspose = state.crossings()
        var budget = 1_000_000
        let gained = state.sift(budget: &budget)
        let afterSift = state.crossings()
        #expect(afterTranspose <= before)
        #expect(afterSift == afterTranspose - gained)
    }

    @Test func edgesAreMovedOffClusterBoxesTheyWouldCut() {
        // a → b inside a cluster spanning both layers, x → y beside it; x above the box and y
        // below it makes x → y cut through the box.
        let n = LayeredGraph.Node(size: Size(width: 10, height: 10))
        let inside = LayeredGraph.Node(size: Size(width: 10, height: 10), cluster: 0)
        let graph = LayeredGraph(nodes: [inside, inside, n, n], edges: [.init(from: 0, to: 1), .init(from: 2, to: 3)],
                                 clusters: [.init()])
        let f = PhaseFixture(graph)
        var state = OrderingState(graph: f.proper, clusters: f.clusters, transposeBudget: 1000)
        state.setOrder([[2, 0], [1, 3]])
        var trespasses = ClusterTrespasses(graph: f.proper, clusters: f.clusters)
        let before = trespasses.total(order: state.order, position: state.position)
        var budget = 1000
        let moved = state.avoidTrespasses(budget: &budget)
        let after = trespasses.total(order: state.order, position: state.position)
        let crossings = state.crossings()
        #expect(before == 1)
        #expect(moved)
        #expect(after == 0)
        #expect(crossings == 0)
    }
}
