// Phase 3: every arc joins consecutive layers, labels sit in the middle of their edges, and
// every cluster has a vertex in each layer it spans.

import Testing
@testable import BatonLayout

@Suite struct ProperLayeringTests {
    @Test(arguments: 0..<10) func chainsRunThroughConsecutiveLayers(_ seed: Int) {
        let graph = randomLayeredGraph(seed: UInt64(seed), nodes: 20, edges: 40, labels: true, clusters: seed % 4)
        let f = PhaseFixture(graph)
        let p = f.proper
        for (e, edge) in graph.edges.enumerated() {
            let chain = p.chains[e]
            if edge.from == edge.to { #expect(chain.isEmpty); continue }
            #expect(chain.count >= 3, "labelled graphs give every edge two layers at least")
            let ends = p.reversed[e] ? (edge.to, edge.from) : (edge.from, edge.to)
            #expect(chain.first == ends.0 && chain.last == ends.1)
            for k in 1..<chain.count {
                #expect(p.layer[chain[k]] == p.layer[chain[k - 1]] + 1)
                #expect(p.lowerNeighbors(chain[k - 1]).contains(chain[k]))
                #expect(p.upperNeighbors(chain[k]).contains(chain[k - 1]))
            }
            let labels = chain.filter { if case .label = p.vertices[$0] { return true } else { return false } }
            if edge.labelSize != nil {
                #expect(labels.count == 1)
                if let l = labels.first {
                    let middle = p.layer[chain[0]] + (chain.count - 1) / 2
                    #expect(p.layer[l] == middle)
                }
            } else {
                #expect(labels.isEmpty)
            }
        }
    }

    @Test(arguments: 0..<10) func clustersArePresentInEveryLayerTheySpan(_ seed: Int) {
        let graph = randomLayeredGraph(seed: 50 + UInt64(seed), nodes: 25, edges: 40, clusters: 2 + seed % 5)
        let f = PhaseFixture(graph)
        let p = f.proper
        for c in 0..<graph.clusters.count {
            let range = p.clusterLayers[c]
            for l in range {
                let present = (0..<p.vertexCount).contains { p.layer[$0] == l && f.clusters.isWithin(p.cluster[$0], c) }
                #expect(present, "cluster \(c) missing from layer \(l)")
            }
            for v in 0..<graph.nodes.count where f.clusters.isWithin(f.clusters.nodeCluster[v], c) {
                #expect(range.contains(p.layer[v]))
            }
        }
    }

    @Test func dummiesBelongToTheInnermostCommonCluster() {
        let graph = LayeredGraph(
            nodes: [.init(size: Size(width: 10, height: 10), cluster: 1), .init(size: Size(width: 10, height: 10)),
                    .init(size: Size(width: 10, height: 10), cluster: 0)],
            edges: [.init(from: 0, to: 1), .init(from: 1, to: 2), .init(from: 0, to: 2)],
            clusters: [.init(), .init(parent: 0)])
        let p = PhaseFixture(graph).proper
        for v in p.chains[2].dropFirst().dropLast() { #expect(p.cluster[v] == 0) }
    }
}
