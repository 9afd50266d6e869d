// Shared helpers for the layout tests: a seeded generator, random graphs, and the geometric
// invariants every layered layout must satisfy.

import Testing
@testable import BatonLayout
import BatonWorkload

/// A random graph with the given counts: random sizes and shapes, optional labels, nested
/// clusters, and (on purpose) self-loops and multi-edges.
func randomLayeredGraph(seed: UInt64, nodes: Int, edges: Int, labels: Bool = false, clusters: Int = 0) -> LayeredGraph {
    var rng = SplitMix64(seed: seed)
    let shapes: [BorderShape] = [.rectangle, .roundedRectangle(radius: 6), .ellipse, .hexagon(inset: 8), .cylinder(cap: 5), .horizontalCylinder(cap: 5)]
    var cs: [LayeredGraph.Cluster] = []
    for c in 0..<clusters {
        let parent: Int? = c > 0 && Bool.random(using: &rng) ? Int.random(in: 0..<c, using: &rng) : nil
        cs.append(.init(parent: parent, labelSize: Size(width: Double(Int.random(in: 20...90, using: &rng)), height: 12)))
    }
    var ns: [LayeredGraph.Node] = []
    for _ in 0..<nodes {
        let cluster: Int? = clusters > 0 && Int.random(in: 0..<3, using: &rng) > 0 ? Int.random(in: 0..<clusters, using: &rng) : nil
        ns.append(.init(size: Size(width: Double(Int.random(in: 10...90, using: &rng)), height: Double(Int.random(in: 10...50, using: &rng))),
                        cluster: cluster, shape: shapes[Int.random(in: 0..<shapes.count, using: &rng)]))
    }
    var es: [LayeredGraph.Edge] = []
    for _ in 0..<edges where nodes > 0 {
        let u = Int.random(in: 0..<nodes, using: &rng)
        let v = Int.random(in: 0..<20, using: &rng) == 0 ? u : Int.random(in: 0..<nodes, using: &rng)
        let label: Size? = labels && Bool.random(using: &rng) ? Size(width: Double(Int.random(in: 8...60, using: &rng)), height: 12) : nil
        es.append(.init(from: u, to: v, labelSize: label))
        if Int.random(in: 0..<12, using: &rng) == 0 { es.append(.init(from: u, to: v)) }  // a parallel edge
    }
    return LayeredGraph(nodes: ns, edges: es, clusters: cs)
}

/// Whether the open segment `a`–`b` passes through the interior of `r` shrunk by `inset`.
func segment(_ a: Point, _ b: Point, entersInteriorOf r: Rect, inset: Double = 0.5) -> Bool {
    r.insetBy(inset).isCrossed(by: a, b)
}

/// Checks every documented invariant of `layout` for `graph`, recording failures with `#expect`.
func expectValidLayout(_ graph: LayeredGraph, _ layout: LayeredLayout, sourceLocation: SourceLocation = #_sourceLocation) {
    let n = graph.nodes.count
    #expect(layout.nodeFrames.count == n, sourceLocation: sourceLocation)
    #expect(layout.edgeRoutes.count == graph.edges.count, sourceLocation: sourceLocation)
    #expect(layout.labelFrames.count == graph.edges.count, sourceLocation: sourceLocation)
    #expect(layout.clusterFrames.count == graph.clusters.count, sourceLocation: sourceLocation)
    guard layout.nodeFrames.count == n, layout.edgeRoutes.count == graph.edges.count else { return }
    let canvas = Rect(origin: .zero, size: layout.size)

    // Node sizes are kept, frames stay on the canvas and never overlap.
    for (i, f) in layout.nodeFrames.enumerated() {
        #expect(abs(f.width - graph.nodes[i].size.width) < 1e-6 && abs(f.height - graph.nodes[i].size.height) < 1e-6,
                "node \(i) resized", sourceLocation: sourceLocation)
        #expect(canvas.insetBy(-1e-6).contains(f), "node \(i) off the canvas", sourceLocation: sourceLocation)
        for j in 0..<i where f.overlaps(layout.nodeFrames[j], tolerance: 1e-6) {
            Issue.record("nodes \(j) and \(i) overlap: \(layout.nodeFrames[j]) \(f)", sourceLocation: sourceLocation)
        }
    }
    // Labels: the right size, on the canvas, clear of nodes and of each other.
    for (e, label) in layout.labelFrames.enumerated() {
        guard let size = graph.edges[e].labelSize else {
            #expect(label == nil, "edge \(e) has a label frame but no label", sourceLocation: sourceLocation)
            continue
        }
        guard let label else {
            if !layout.edgeRoutes[e].isEmpty { Issue.record("edge \(e) lost its label", sourceLocation: sourceLocation) }
            continue
        }
        #expect(abs(label.width - size.width) < 1e-6 && abs(label.height - size.height) < 1e-6, sourceLocation: sourceLocation)
        #expect(canvas.insetBy(-1e-6).contains(label), "label \(e) off the canvas", sourceLocation: sourceLocation)
        for (i, f) in layout.nodeFrames.enumerated() where label.overlaps(f, tolerance: 1e-6) {
            Issue.record("label of edge \(e) overlaps node \(i)", sourceLocation: sourceLocation)
        }
        for d in 0..<e {
            if let other = layout.labelFrames[d], label.overlaps(other, tolerance: 1e-6) {
                Issue.record("labels of edges \(d) and \(e) overlap", sourceLocation: sourceLocation)
            }
        }
    }
    // Routes: from the source's outline to the target's, through no node and no label.
    for (e, edge) in graph.edges.enumerated() {
        let route = layout.edgeRoutes[e]
        guard edge.from >= 0, edge.from < n, edge.to >= 0, edge.to < n else {
            #expect(route.isEmpty, sourceLocation: sourceLocation)
            continue
        }
        guard route.count >= 2 else {
            Issue.record("edge \(e) has no route", sourceLocation: sourceLocation)
            continue
        }
        let source = layout.nodeFrames[edge.from], target = layout.nodeFrames[edge.to]
        let start = route[0], end = route[route.count - 1]
        let onSource = graph.nodes[edge.from].shape.borderPoint(toward: start, in: source)
        let onTarget = graph.nodes[edge.to].shape.borderPoint(toward: end, in: target)
        #expect(start.distance(to: onSource) <= 0.5, "edge \(e) starts off its source's outline: \(start) vs \(onSource)", sourceLocation: sourceLocation)
        #expect(end.distance(to: onTarget) <= 0.5, "edge \(e) ends off its target's outline: \(end) vs \(onTarget)", sourceLocation: sourceLocation)
        for p in route where !canvas.insetBy(-1e-6).contains(p) {
            Issue.record("edge \(e) leaves the canvas at \(p)", sourceLocation: sourceLocation)
        }
        for k in 1..<route.count {
            let a = route[k - 1], b = route[k]
            for (i, f) in layout.nodeFrames.enumerated() {
                let isEnd = i == edge.from || i == edge.to
                // The end segments start on their node's outline and head outwards; a node's
                // own frame is only checked against the middle of the route.
                if isEnd && (k == 1 || k == route.count - 1) { continue }
                if segment(a, b, entersInteriorOf: f) { Issue.record("edge \(e) passes through node \(i)", sourceLocation: sourceLocation) }
            }
            for (d, label) in layout.labelFrames.enumerated() {
                if let label, segment(a, b, entersInteriorOf: label) { Issue.record("edge \(e) passes through the label of edge \(d)", sourceLocation: sourceLocation) }
            }
        }
    }
    // Curves: the same ends, cubic pieces, and like the routes clear of other nodes and labels.
    #expect(layout.edgeCurves.count == graph.edges.count, sourceLocation: sourceLocation)
    for (e, edge) in graph.edges.enumerated() where e < layout.edgeCurves.count {
        let route = layout.edgeRoutes[e], curve = layout.edgeCurves[e]
        guard route.count >= 2 else { continue }
        #expect(curve.count % 3 == 1 && curve.first == route.first && curve.last == route.last,
                "edge \(e)'s curve does not match its route", sourceLocation: sourceLocation)
        let sampled = Polyline.sampleCubicBezier(curve, steps: 6)
        for k in 1..<sampled.count {
            for (i, f) in layout.nodeFrames.enumerated() where i != edge.from && i != edge.to {
                if segment(sampled[k - 1], sampled[k], entersInteriorOf: f) { Issue.record("edge \(e)'s curve passes through node \(i)", sourceLocation: sourceLocation) }
            }
            for (d, label) in layout.labelFrames.enumerated() {
                if let label, segment(sampled[k - 1], sampled[k], entersInteriorOf: label) {
                    Issue.record("edge \(e)'s curve passes through the label of edge \(d)", sourceLocation: sourceLocation)
                }
            }
        }
    }
    // Clusters: boxes contain their members and nested boxes, no other node, and siblings
    // do not overlap.
    let clusters = graph.clusters.count
    guard clusters > 0 else { return }
    let tree = ClusterTree(clusters: graph.clusters, nodes: graph.nodes)
    for c in 0..<clusters {
        let box = layout.clusterFrames[c]
        #expect(canvas.insetBy(-1e-6).contains(box), "cluster \(c) off the canvas", sourceLocation: sourceLocation)
        #expect(box.contains(layout.clusterLabelFrames[c]), "cluster \(c)'s title outside its box", sourceLocation: sourceLocation)
        for (i, f) in layout.nodeFrames.enumerated() {
            let member = tree.isWithin(tree.nodeCluster[i], c)
            if member {
                #expect(box.contains(f), "cluster \(c) does not contain its node \(i)", sourceLocation: sourceLocation)
            } else {
                #expect(!box.overlaps(f, tolerance: 1e-6), "cluster \(c) overlaps node \(i), not a member", sourceLocation: sourceLocation)
            }
            if member && f.overlaps(layout.clusterLabelFrames[c], tolerance: 1e-6) {
                Issue.record("cluster \(c)'s title overlaps its node \(i)", sourceLocation: sourceLocation)
            }
        }
        for d in 0..<clusters where d != c {
            let other = layout.clusterFrames[d]
            if tree.isWithin(d, c) {
                #expect(box.contains(other), "cluster \(c) does not contain nested cluster \(d)", sourceLocation: sourceLocation)
                #expect(!other.overlaps(layout.clusterLabelFrames[c], tolerance: 1e-6), "cluster \(c)'s title overlaps nested cluster \(d)", sourceLocation: sourceLocation)
            } else if !tree.isWithin(c, d) && d > c {
                #expect(!box.overlaps(other, tolerance: 1e-6), "clusters \(c) and \(d) overlap", sourceLocation: sourceLocation)
            }
        }
    }
}
