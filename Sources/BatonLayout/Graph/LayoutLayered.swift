// The layered (Sugiyama-style) graph layout behind Baton's native graph view, in the phases of
// Graphviz dot: cycle removal → layer assignment → dummy vertices → crossing minimisation →
// coordinate assignment → edge routing. Each phase is a pure function in its own file:
//
//   Layering/    CycleRemoval (greedy or depth-first), ReversalSearch (shorter back edges),
//                LayerAssignment (network simplex), BoundedLayering (shallower layers when the
//                vertices below would exceed a budget), ProperLayering (bend, label and cluster
//                filler vertices), RankAndOrder (tries several cycle removals when the budget
//                allows and keeps the fewest crossings), LayeringProfile (the drawing's size
//                estimated from the layers alone)
//   Ordering/    LayerOrdering (median sweeps + Transposition + Sifting from several starts),
//                ClusteredLayerSort (clusters stay contiguous), CrossingCounter (Barth–Jünger–Mutzel),
//                ClusterTrespasses (edges that would cut through a cluster box, moved off it)
//   Placement/   OrderCoordinates (BrandesKopf, refined by NetworkSimplexCoordinates), with
//                BorderedLayering making cluster boxes rectangles; LayerPlacement (bands and gaps)
//   Routing/     EdgePorts (where ends meet nodes, how far they run out; FlankPorts: ends beyond what a
//                side holds), LabelSides (which side of its edge a label takes), EdgeRouting (corridors,
//                taut routes), EdgeCurves, SelfLoops, DrawingFrame
//   Support/     the shared pieces: ProperGraph, ClusterTree, NetworkSimplex, LayoutSpace
//
// `rankLayered` runs phases 1–4 alone (they depend on the structure, not on sizes), so a caller can
// size nodes for the ranking before `layoutLayered(_:ranking:)` places and routes them.
//
// All phases work in "layout space", where layers are columns (see LayoutSpace); top-to-bottom
// drawings are transposed at the end. The work each phase may do is bounded by counts derived
// from the graph's size and `effort`, never by a clock; so are the vertices phase 3 adds
// (`LayeredLayoutOptions.vertexBudget`), which every later phase works on, so that time and
// memory grow about linearly with the graph. A caller that must not exceed a size at all asks
// `rankLayered(_:options:vertexLimit:)`, which refuses before building any of them.
//
// Invariants of the result: node frames do not overlap; label frames overlap no node and no
// other label; routes start and end on their nodes' outlines and pass through no node and no
// label; routes cross exactly as often as the arcs of the layering do; a cluster's box contains
// its nodes and nested boxes and no other node; the same input gives the same output, bit for
// bit (no unseeded randomness, no hashing order, no clock).

/// Lays out `graph` in layers. See `LayeredLayout` for the result's coordinates.
///
/// - Parameter observer: called as each phase ends, for timing; the layout does not depend on it.
public func layoutLayered(_ graph: LayeredGraph, options: LayeredLayoutOptions = LayeredLayoutOptions(),
                          observer: ((LayeredLayoutPhase) -> Void)? = nil) -> LayeredLayout {
    layoutLayered(graph, ranking: rankLayered(graph, options: options, observer: observer), options: options, observer: observer)
}

/// Phases 1–4 on their own: which edges are turned around, the layers and the order within
/// them. They depend on the graph's structure only (nodes, edges, which edges have labels, and
/// clusters), never on sizes, so a caller can learn from the ranking how edges will meet their
/// nodes, size the nodes for it, and finish with `layoutLayered(_:ranking:options:)`.
public func rankLayered(_ graph: LayeredGraph, options: LayeredLayoutOptions = LayeredLayoutOptions(),
                        observer: ((LayeredLayoutPhase) -> Void)? = nil) -> LayeredRanking {
    rankLayered(graph, options: options, admit: { _ in }, observer: observer)
}

/// Phases 1–4 as above, for a caller that cannot afford any size: when the layering needs more
/// than `vertexLimit` vertices beyond the nodes (see `LayeredLayoutTooLarge`), this throws
/// before building them, having spent time and memory linear in the graph's size only.
public func rankLayered(_ graph: LayeredGraph, options: LayeredLayoutOptions = LayeredLayoutOptions(), vertexLimit: Int,
                        observer: ((LayeredLayoutPhase) -> Void)? = nil) throws(LayeredLayoutTooLarge) -> LayeredRanking {
    try rankLayered(graph, options: options, admit: { (added: Int) throws(LayeredLayoutTooLarge) in
        if added > vertexLimit { throw LayeredLayoutTooLarge(addedVertices: added, limit: vertexLimit) }
    }, observer: observer)
}

private func rankLayered<Failure: Error>(_ graph: LayeredGraph, options: LayeredLayoutOptions,
                                         admit: (Int) throws(Failure) -> Void,
                                         observer: ((LayeredLayoutPhase) -> Void)?) throws(Failure) -> LayeredRanking {
    let (arcs, clusters) = layeringInput(graph)
    let ranked = try rankAndOrder(nodeCount: graph.nodes.count, edgeCount: graph.edges.count, arcs: arcs,
                                  hasLabel: graph.edges.map { $0.labelSize != nil }, priority: graph.edges.map(\.priority),
                                  clusters: clusters, effort: options.effort,
                                  layeringBudget: options.vertexBudget, admit: admit, observer: observer)
    return LayeredRanking(ranked: ranked, graph: graph)
}

/// Phases 1–3's layers alone, as `rankLayered` first lays them out, without building their
/// vertices or ordering them: time and memory linear in the graph's size. Its estimate of the
/// drawing's size (`LayeringProfile.estimatedSize`) is the same as `LayeredRanking.profile`'s.
public func layeringProfile(_ graph: LayeredGraph, options: LayeredLayoutOptions = LayeredLayoutOptions()) -> LayeringProfile {
    let (arcs, clusters) = layeringInput(graph)
    return firstLayeringProfile(nodeCount: graph.nodes.count, edgeCount: graph.edges.count, arcs: arcs,
                                hasLabel: graph.edges.map { $0.labelSize != nil }, priority: graph.edges.map(\.priority),
                                clusters: clusters, effort: options.effort, layeringBudget: options.vertexBudget)
}

/// The edges that take part in layering (valid, no self-loops) as arcs, and the clusters.
private func layeringInput(_ graph: LayeredGraph) -> (arcs: [(edge: Int, arc: Arc)], clusters: ClusterTree) {
    let nodeCount = graph.nodes.count
    var arcs: [(edge: Int, arc: Arc)] = []
    for (i, e) in graph.edges.enumerated() where e.isValid(nodeCount: nodeCount) && e.from != e.to {
        arcs.append((i, Arc(tail: e.from, head: e.to)))
    }
    return (arcs, ClusterTree(clusters: graph.clusters, nodes: graph.nodes))
}

/// Phases 5–6 for a graph ranked by `rankLayered`. The graph must have the structure it was
/// ranked with (sizes, shapes and label sizes may differ); otherwise it is ranked again.
public func layoutLayered(_ graph: LayeredGraph, ranking: LayeredRanking, options: LayeredLayoutOptions = LayeredLayoutOptions(),
                          observer: ((LayeredLayoutPhase) -> Void)? = nil) -> LayeredLayout {
    guard ranking.fits(graph) else {
        return layoutLayered(graph, ranking: rankLayered(graph, options: options, observer: observer), options: options, observer: observer)
    }
    let space = LayoutSpace(direction: options.direction)
    let nodeCount = graph.nodes.count
    let nodeSizes = graph.nodes.map { space.size($0.size.sanitized) }
    let shapes = graph.nodes.map(\.shape)
    let labelSizes = graph.edges.map { $0.labelSize.map { space.size($0.sanitized) } }
    let clusters = ClusterTree(clusters: graph.clusters, nodes: graph.nodes)
    let ranked = ranking.ranked
    let proper = ranked.graph, order = ranked.order, reversed = ranked.reversed
    let hasLabels = graph.edges.enumerated().contains { i, e in e.isValid(nodeCount: nodeCount) && e.from != e.to && labelSizes[i] != nil }

    // 5. Coordinates: along the layers, then across them.
    let loops = SelfLoopPlan(nodeCount: nodeCount, edges: graph.edges, labelSizes: labelSizes, options: options)
    let labelSides = LabelSides(graph: proper, order: order, edgeCount: graph.edges.count, nodeCount: nodeCount)
    let flanks = FlankPorts(graph: proper, nodeSizes: nodeSizes, shapes: shapes, loops: loops, space: space, options: options)
    let extents = VertexExtents(graph: proper, nodeSizes: nodeSizes, labelSizes: labelSizes, labelSides: labelSides, loops: loops,
                                flanks: flanks, options: options)
    let titles = ClusterTitles(graph.clusters, space: space, options: options)
    let along = OrderCoordinates(graph: proper, order: order, clusters: clusters, extents: extents,
                                 titleReserve: titles.orderReserve, minimumClusterExtent: titles.minimumOrderExtent, options: options)
    let ports = EdgePorts(graph: proper, anchor: along.anchor, sizes: nodeSizes, shapes: shapes, flanks: flanks, space: space,
                          options: options)
    let across = LayerPlacement(graph: proper, thickness: extents.thickness, clusters: clusters, titleReserve: titles.rankReserve,
                                minimumClusterExtent: titles.minimumRankExtent, anchor: along.anchor, options: options, hasLabels: hasLabels,
                                minimumGaps: ports.gaps.map { EdgeRouter.minimumGap($0, options: options) })
    var nodeFrames: [Rect] = []
    nodeFrames.reserveCapacity(nodeCount)
    for v in 0..<nodeCount {
        let l = proper.layer[v]
        nodeFrames.append(Rect(center: Point(x: across.center[l], y: along.anchor[v]), size: nodeSizes[v]))
    }
    observer?(.coordinateAssignment)

    // 6. Routes, labels, loops and cluster boxes.
    let router = EdgeRouter(graph: proper, anchor: along.anchor, corridor: along.corridor, layers: across, frames: nodeFrames,
                            shapes: shapes, ports: ports, labelSides: labelSides, labelSizes: labelSizes, space: space,
                            options: options)
    var routes = Array(repeating: [Point](), count: graph.edges.count)
    var labelFrames = [Rect?](repeating: nil, count: graph.edges.count)
    let proposed = router.routes()
    for e in graph.edges.indices {
        guard let route = proposed[e] else { continue }
        routes[e] = reversed[e] ? route.reversed() : route
        if let size = labelSizes[e] {
            labelFrames[e] = router.labelFrame(e, size: size) ?? Rect(center: route[route.count / 2], size: size)
        }
    }
    for v in 0..<nodeCount where !loops.loops[v].isEmpty {
        for loop in loops.routes(node: v, frame: nodeFrames[v], shape: shapes[v], labelSizes: labelSizes, space: space, options: options) {
            routes[loop.edge] = loop.route
            labelFrames[loop.edge] = loop.label
        }
    }
    var clusterFrames: [Rect] = []
    var titleFrames: [Rect] = []
    for c in 0..<clusters.count {
        let frame = Rect(x: across.clusterStart[c], y: along.clusterStart[c],
                         width: across.clusterEnd[c] - across.clusterStart[c], height: along.clusterEnd[c] - along.clusterStart[c])
        clusterFrames.append(frame)
        titleFrames.append(titles.frame(c, in: frame))
    }
    let curves = graph.edges.indices.map { e in
        EdgeCurves.curve(forRoute: routes[e], isSelfLoop: graph.edges[e].from == graph.edges[e].to,
                         radius: options.bendRadius, straightEnds: 2.0 / 3 * options.arrowRoom)
    }
    observer?(.edgeRouting)

    // Back to drawing coordinates, with the margin around everything.
    return DrawingFrame.place(space: space, margin: options.margin, nodeFrames: nodeFrames, routes: routes, curves: curves,
                              labelFrames: labelFrames, clusterFrames: clusterFrames, titleFrames: titleFrames)
}
