// End-to-end invariants of the layered layout on hand-made and seeded random graphs.

import Testing
@testable import BatonLayout

private func node(_ w: Double = 60, _ h: Double = 30, cluster: Int? = nil, shape: BorderShape = .rectangle) -> LayeredGraph.Node {
    .init(size: Size(width: w, height: h), cluster: cluster, shape: shape)
}

private let directions: [LayoutDirection] = [.leftToRight, .topToBottom]

@Suite struct LayeredLayoutTests {
    @Test func emptyGraph() {
        let layout = layoutLayered(LayeredGraph())
        #expect(layout.nodeFrames.isEmpty)
        #expect(layout.size.width >= 0 && layout.size.height >= 0)
    }

    @Test(arguments: directions) func chainFlowsInTheLayoutDirection(_ direction: LayoutDirection) {
        let graph = LayeredGraph(nodes: [node(), node(), node()], edges: [.init(from: 0, to: 1), .init(from: 1, to: 2)])
        let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
        expectValidLayout(graph, layout)
        let f = layout.nodeFrames
        if direction == .leftToRight {
            #expect(f[0].maxX < f[1].minX && f[1].maxX < f[2].minX)
            #expect(f[0].midY == f[1].midY && f[1].midY == f[2].midY, "a chain is straight")
        } else {
            #expect(f[0].maxY < f[1].minY && f[1].maxY < f[2].minY)
            #expect(f[0].midX == f[1].midX && f[1].midX == f[2].midX, "a chain is straight")
        }
    }

    @Test(arguments: directions) func cycleIsDrawnInItsOwnDirection(_ direction: LayoutDirection) {
        let graph = LayeredGraph(nodes: [node(), node(), node()],
                                 edges: [.init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 2, to: 0)])
        let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
        expectValidLayout(graph, layout)
    }

    @Test(arguments: directions) func selfLoopsAndMultiEdges(_ direction: LayoutDirection) {
        let graph = LayeredGraph(
            nodes: [node(shape: .ellipse), node(80, 40, shape: .hexagon(inset: 10)), node(40, 40, shape: .cylinder(cap: 6))],
            edges: [
                .init(from: 0, to: 0), .init(from: 0, to: 0, labelSize: Size(width: 30, height: 12)),
                .init(from: 0, to: 1), .init(from: 0, to: 1), .init(from: 0, to: 1, labelSize: Size(width: 20, height: 12)),
                .init(from: 1, to: 0), .init(from: 1, to: 2), .init(from: 2, to: 2),
            ])
        let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
        expectValidLayout(graph, layout)
        // Parallel edges do not share their ends.
        let starts = [2, 3, 4].map { layout.edgeRoutes[$0][0] }
        #expect(Set(starts.map { "\($0)" }).count == 3, "parallel edges leave from distinct points")
        // A self-loop leaves and returns to its node.
        let loop = layout.edgeRoutes[0]
        #expect(loop.count >= 3 && loop[0] != loop[loop.count - 1])
    }

    @Test(arguments: directions) func nestedClusters(_ direction: LayoutDirection) {
        let graph = LayeredGraph(
            nodes: [node(cluster: 0), node(cluster: 1), node(cluster: 1), node(), node(cluster: 2), node(cluster: 0)],
            edges: [.init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 2, to: 3), .init(from: 3, to: 4),
                    .init(from: 0, to: 4), .init(from: 5, to: 3), .init(from: 4, to: 5)],
            clusters: [.init(labelSize: Size(width: 120, height: 14)), .init(parent: 0, labelSize: Size(width: 50, height: 14)),
                       .init(labelSize: Size(width: 30, height: 14)), .init(parent: 2)])
        let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
        expectValidLayout(graph, layout)
        #expect(layout.clusterFrames[0].contains(layout.clusterFrames[1]))
        #expect(layout.clusterFrames[2].contains(layout.clusterFrames[3]), "an empty nested cluster still nests")
        // Titles fit their boxes.
        #expect(layout.clusterFrames[0].width >= 120)
    }

    @Test func badReferencesAreTolerated() {
        let graph = LayeredGraph(
            nodes: [node(cluster: 7), node(-5, .nan, cluster: 1), node(cluster: 0)],
            edges: [.init(from: 0, to: 9), .init(from: -1, to: 1), .init(from: 0, to: 1), .init(from: 1, to: 2)],
            clusters: [.init(parent: 1), .init(parent: 0), .init(parent: 2)])
        let layout = layoutLayered(graph)
        #expect(layout.edgeRoutes[0].isEmpty && layout.edgeRoutes[1].isEmpty)
        #expect(layout.edgeRoutes[2].count >= 2 && layout.edgeRoutes[3].count >= 2)
        #expect(layout.nodeFrames[1].width == 0)
    }

    @Test(arguments: 0..<16) func randomGraphsAreValid(_ seed: Int) {
        let s = UInt64(seed)
        let graph = randomLayeredGraph(seed: s, nodes: 4 + seed * 3, edges: 3 + seed * 5, labels: seed % 2 == 0, clusters: seed % 3 == 0 ? seed / 2 : 0)
        for direction in directions {
            let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
            expectValidLayout(graph, layout)
        }
    }

    @Test(arguments: 0..<6) func randomClusteredGraphsAreValid(_ seed: Int) {
        let graph = randomLayeredGraph(seed: 100 + UInt64(seed), nodes: 30, edges: 45, labels: seed % 2 == 1, clusters: 3 + seed)
        for direction in directions {
            expectValidLayout(graph, layoutLayered(graph, options: LayeredLayoutOptions(direction: direction)))
        }
    }

    @Test func layoutIsDeterministic() {
        let graph = randomLayeredGraph(seed: 7, nodes: 40, edges: 90, labels: true, clusters: 4)
        let a = layoutLayered(graph)
        let b = layoutLayered(graph)
        #expect(a == b)
    }

    /// Ranking first, then placing with the ranking, is the same layout; sizes may change in
    /// between, and the ranking says on which side every edge meets its nodes.
    @Test(arguments: directions) func rankingAheadOfPlacement(_ direction: LayoutDirection) {
        var graph = randomLayeredGraph(seed: 11, nodes: 30, edges: 60, labels: true, clusters: 3)
        let options = LayeredLayoutOptions(direction: direction)
        let ranking = rankLayered(graph, options: options)
        #expect(layoutLayered(graph, ranking: ranking, options: options) == layoutLayered(graph, options: options))
        for i in graph.nodes.indices { graph.nodes[i].size.height += Double(i % 3) * 7 }
        let layout = layoutLayered(graph, ranking: ranking, options: options)
        expectValidLayout(graph, layout)
        var before = [Int](repeating: 0, count: graph.nodes.count), after = before
        for (e, edge) in graph.edges.enumerated() where edge.from != edge.to {
            for (node, point) in [(edge.from, layout.edgeRoutes[e][0]), (edge.to, layout.edgeRoutes[e].last ?? .zero)] {
                let frame = layout.nodeFrames[node]
                if direction == .leftToRight ? point.x < frame.midX : point.y < frame.midY { before[node] += 1 } else { after[node] += 1 }
            }
        }
        #expect(ranking.endsPerSide.map(\.before) == before)
        #expect(ranking.endsPerSide.map(\.after) == after)
        // A graph of another structure is ranked afresh.
        graph.edges.append(.init(from: 0, to: 1))
        #expect(layoutLayered(graph, ranking: ranking, options: options) == layoutLayered(graph, options: options))
    }

    @Test func effortZeroStillGivesAValidLayout() {
        let graph = randomLayeredGraph(seed: 3, nodes: 30, edges: 60, labels: true, clusters: 2)
        var options = LayeredLayoutOptions()
        options.effort = 0
        expectValidLayout(graph, layoutLayered(graph, options: options))
    }

    @Test func observerSeesEveryPhaseInOrder() {
        var seen: [LayeredLayoutPhase] = []
        _ = layoutLayered(randomLayeredGraph(seed: 1, nodes: 10, edges: 15), observer: { seen.append($0) })
        var firstSeen: [LayeredLayoutPhase] = []
        for p in seen where !firstSeen.contains(p) { firstSeen.append(p) }
        #expect(firstSeen == LayeredLayoutPhase.allCases)
    }
}

/// Routes cross exactly as often as the arcs of the layering do: routing adds no crossing.
@Suite struct RouteCrossingTests {
    @Test(arguments: 0..<10) func routesCrossLikeTheLayering(_ seed: Int) {
        let graph = randomLayeredGraph(seed: 300 + UInt64(seed), nodes: 25, edges: 50, labels: seed % 2 == 0, clusters: seed % 3 == 0 ? 3 : 0)
        for direction in [LayoutDirection.leftToRight, .topToBottom] {
            let layout = layoutLayered(graph, options: LayeredLayoutOptions(direction: direction))
            var arcs: [(edge: Int, arc: Arc)] = []
            for (i, e) in graph.edges.enumerated() where e.from != e.to { arcs.append((i, Arc(tail: e.from, head: e.to))) }
            let ranked = rankAndOrder(nodeCount: graph.nodes.count, edgeCount: graph.edges.count, arcs: arcs,
                                      hasLabel: graph.edges.map { $0.labelSize != nil },
                                      clusters: ClusterTree(clusters: graph.clusters, nodes: graph.nodes), effort: 1,
                                      admit: { _ in }, observer: nil)
            #expect(DrawingMetrics.crossingCount(layout.edgeRoutes) == ranked.crossings)
        }
    }
}
