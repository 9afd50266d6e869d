// Phase 5: separations along the layers hold, long edges come out straight, and cluster
// borders are straight lines.

import BatonWorkload
import Testing
@testable import BatonLayout

@Suite struct CoordinateAssignmentTests {
    @Test(arguments: 0..<10) func separationsHold(_ seed: Int) {
        let graph = randomLayeredGraph(seed: UInt64(seed), nodes: 25, edges: 50, labels: seed % 2 == 0, clusters: seed % 4)
        let f = PhaseFixture(graph)
        let (order, _) = orderLayers(f.proper, clusters: f.clusters, plan: OrderingPlan(graph: f.proper, effort: 1))
        let layering = BorderedLayering(graph: f.proper, order: order, clusters: f.clusters)
        var rng = SplitMix64(seed: UInt64(seed))
        var before: [Double] = [], after: [Double] = []
        for _ in 0..<layering.count {
            before.append(Double.random(in: 0...20, using: &rng))
            after.append(Double.random(in: 0...20, using: &rng))
        }
        let spacing = OrderSpacing(nodeSeparation: 20, edgeSeparation: 10, clusterPadding: 8, clusterSeparation: 6,
                                   clusterTitleReserve: Array(repeating: 12, count: graph.clusters.count),
                                   clusterMinimumWidth: Array(repeating: 90, count: graph.clusters.count))
        let x = brandesKopfCoordinates(layering, before: before, after: after, spacing: spacing)
        for layer in layering.layers where layer.count > 1 {
            for i in 1..<layer.count {
                let a = layer[i - 1], b = layer[i]
                let needed = after[a] + spacing.gap(layering.kinds[a], layering.kinds[b]) + before[b]
                #expect(x[b] - x[a] >= needed - 1e-9)
            }
        }
        // Border chains are vertical, and wide enough for titles.
        var left: [Int: Double] = [:], right: [Int: Double] = [:]
        for v in 0..<layering.count {
            switch layering.kinds[v] {
            case .leftBorder(let c):
                if let x0 = left[c] { #expect(x0 == x[v]) } else { left[c] = x[v] }
            case .rightBorder(let c):
                if let x0 = right[c] { #expect(x0 == x[v]) } else { right[c] = x[v] }
            default: break
            }
        }
        for c in 0..<graph.clusters.count { if let l = left[c], let r = right[c] { #expect(r - l >= 90 - 1e-9) } }
    }

    @Test func longEdgesAreStraight() {
        // A long edge next to a short path: its bends line up.
        let n = LayeredGraph.Node(size: Size(width: 40, height: 20))
        let graph = LayeredGraph(nodes: [n, n, n, n, n], edges: [.init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 2, to: 3), .init(from: 0, to: 3), .init(from: 4, to: 3)])
        let layout = layoutLayered(graph)
        let route = layout.edgeRoutes[3]
        let bends = route.dropFirst().dropLast()
        #expect(Set(bends.map(\.y)).count <= 2, "at most one slanted stretch: \(route)")
    }
}
