import BatonModel

/// The graph view's content as an abstract layered graph, and that graph laid out.
///
/// Node `i` of the layered graph is `nodes.ids[i]`, edge `k` is `content.edges[k]`, and cluster
/// `c` is `clusters[c]` (the groups, parents before children).
///
/// Edges go from their data source to their data target, so that producers come before
/// consumers along the layout direction, except callbacks that answer a registration the view
/// shows (an edge initiated by the callback's passive end towards its initiator): such a callback
/// is laid out from its passive end, in the registration's direction, and drawn back. Without
/// that, every registration and its callback form a cycle, and the layout would as likely turn
/// the registration around. A callback without a registration in view forms no such cycle, and
/// is laid out in its data direction like any other edge.
///
/// Without a direction, the layout chooses one (`AutomaticDirection`): the ranking does not
/// depend on it, so the graph is ranked once and placed in one direction or, for a small graph
/// whose left-to-right drawing is too wide, in both.
struct GraphLayout {
    typealias S = GraphViewStyle

    /// A group as a cluster: its parent cluster, its members and its measured title.
    struct Cluster {
        var group: GroupID
        var parent: Int?
        /// Shown direct members.
        var members: [ParticipantID]
        var label: MeasuredText
    }

    /// Everything measured before the layout: the nodes at their natural sizes, the labels, the
    /// clusters, and the layered graph made of them.
    struct Input {
        let content: GraphViewContent
        let nodes: GraphNodes
        let edgeLabels: [MeasuredText]
        let clusters: [Cluster]
        let clusterOf: [Int?]
        /// Per edge of `content`: laid out from its data target to its data source.
        let backwards: [Bool]
        /// Nodes at their natural sizes (before they grow room for their edge ends).
        let graph: LayeredGraph

        init(model: Model, content: GraphViewContent, metrics: TextMetrics) {
            self.content = content
            let nodes = GraphNodes(model: model, content: content, metrics: metrics)
            var clusters: [Cluster] = []
            var clusterOf = [Int?](repeating: nil, count: nodes.ids.count)
            func flatten(_ cluster: GraphViewContent.Cluster, parent: Int?) {
                let index = clusters.count
                clusters.append(Cluster(group: cluster.group, parent: parent, members: cluster.members,
                                        label: GraphViewLabels.measureCluster(model[cluster.group].displayName, metrics: metrics)))
                for member in cluster.members {
                    if let node = nodes.index[member.rawValue] { clusterOf[node] = index }
                }
                for subcluster in cluster.subclusters { flatten(subcluster, parent: index) }
            }
            for cluster in content.clusters { flatten(cluster, parent: nil) }

            let labels = content.edges.map { GraphViewLabels.measureEdge($0.labels, metrics: metrics) }
            let backwards = GraphLayout.laidOutBackwards(content.edges)
            var graph = LayeredGraph()
            graph.edges = content.edges.enumerated().map { k, edge in
                guard let from = nodes.index[edge.dataSource.rawValue], let to = nodes.index[edge.dataTarget.rawValue] else {
                    // Content never shows an edge without its ends; keep the numbering anyway.
                    return LayeredGraph.Edge(from: -1, to: -1)
                }
                let size = labels[k].isEmpty ? nil : labels[k].size
                // Where a cycle leaves a choice, the initiator comes first: a service that reads
                // and writes a store sits before it, the read drawn back.
                let priority = edge.arrow == .fetch ? 0 : 1
                return backwards[k] ? LayeredGraph.Edge(from: to, to: from, labelSize: size, priority: priority)
                    : LayeredGraph.Edge(from: from, to: to, labelSize: size, priority: priority)
            }
            graph.clusters = clusters.map { LayeredGraph.Cluster(parent: $0.parent, labelSize: $0.label.size) }
            graph.nodes = nodes.ids.indices.map { LayeredGraph.Node(size: nodes.sizes[$0], cluster: clusterOf[$0]) }
            self.nodes = nodes
            self.edgeLabels = labels
            self.clusters = clusters
            self.clusterOf = clusterOf
            self.backwards = backwards
            self.graph = graph
        }
    }

    let content: GraphViewContent
    let nodes: GraphNodes
    /// Per edge of `content`.
    let edgeLabels: [MeasuredText]
    /// Parents before children, in declaration order.
    let clusters: [Cluster]
    let graph: LayeredGraph
    let layout: LayeredLayout
    /// The direction laid out: the one asked for, or the one chosen.
    let direction: LayoutDirection
    /// Per edge of `content`: laid out from its data target to its data source.
    let backwards: [Bool]

    /// `direction` nil: chosen (see `AutomaticDirection`) for the canvas the scene will have,
    /// with the title of size `title` above the drawing. `layoutOptions` replaces the graph view's
    /// own (`GraphViewStyle.layoutOptions`, its direction replaced too), for tests.
    init(model: Model, content: GraphViewContent, direction: LayoutDirection?, title: Size? = nil, metrics: TextMetrics,
         layoutOptions: LayeredLayoutOptions? = nil) {
        let options = { (direction: LayoutDirection) -> LayeredLayoutOptions in
            var options = layoutOptions ?? S.layoutOptions(direction: direction)
            options.direction = direction
            return options
        }
        self.init(Input(model: model, content: content, metrics: metrics), direction: direction, title: title,
                  options: options) { graph, options in
            rankLayered(graph, options: options)
        }
    }

    /// The same, refusing (before building them) a layering that needs more than `vertexLimit`
    /// vertices beyond the nodes.
    init(model: Model, content: GraphViewContent, direction: LayoutDirection?, title: Size?, metrics: TextMetrics,
         vertexLimit: Int) throws(LayeredLayoutTooLarge) {
        try self.init(Input(model: model, content: content, metrics: metrics), direction: direction, title: title,
                      options: S.layoutOptions(direction:)) { (graph, options) throws(LayeredLayoutTooLarge) in
            try rankLayered(graph, options: options, vertexLimit: vertexLimit)
        }
    }

    private init<Failure: Error>(_ input: Input, direction: LayoutDirection?, title: Size?,
                                 options: (LayoutDirection) -> LayeredLayoutOptions,
                                 rank: (LayeredGraph, LayeredLayoutOptions) throws(Failure) -> LayeredRanking) throws(Failure) {
        // The ranking depends on the graph's structure only, not on the direction.
        let ranking = try rank(input.graph, options(direction ?? .leftToRight))

        // Room for every node's edge ends: the ranking says on which side each edge meets its
        // nodes (including the edges it turns around to break cycles), so nodes are sized for
        // it before they are placed (for the ends their sides keep: see `FlankPorts`).
        let looped = ranking.hasSelfLoop
        func place(_ direction: LayoutDirection) -> (nodes: GraphNodes, graph: LayeredGraph, layout: LayeredLayout) {
            let options = options(direction)
            var nodes = input.nodes
            for (node, ends) in ranking.endsPerSide.enumerated() {
                nodes.makeRoom(node, forEnds: ends, hasLoop: looped[node], spacing: options.portSpacing, direction: direction)
            }
            var graph = input.graph
            graph.nodes = nodes.ids.indices.map { node in
                LayeredGraph.Node(size: nodes.sizes[node], cluster: input.clusterOf[node], shape: nodes.outline(node))
            }
            return (nodes, graph, layoutLayered(graph, ranking: ranking, options: options))
        }

        var leftToRight: (nodes: GraphNodes, graph: LayeredGraph, layout: LayeredLayout)?
        var topToBottom: (nodes: GraphNodes, graph: LayeredGraph, layout: LayeredLayout)?
        func canvas(_ drawing: Size) -> Size { GraphScene.canvasSize(drawing: drawing, title: title) }
        let chosen: LayoutDirection
        if let direction {
            chosen = direction
        } else if ranking.profile.vertexCount > AutomaticDirection.exactVertices {
            chosen = Self.estimatedChoice(ranking.profile, graph: input.graph, title: title, options: options)
        } else {
            let wide = place(.leftToRight)
            leftToRight = wide
            chosen = AutomaticDirection.choose(leftToRight: canvas(wide.layout.size), topToBottom: {
                let tall = place(.topToBottom)
                topToBottom = tall
                return canvas(tall.layout.size)
            })
        }
        let placed = (chosen == .leftToRight ? leftToRight : topToBottom) ?? place(chosen)
        content = input.content
        nodes = placed.nodes
        edgeLabels = input.edgeLabels
        clusters = input.clusters
        graph = placed.graph
        layout = placed.layout
        self.direction = chosen
        backwards = input.backwards
    }

    /// A big graph's choice, from the sizes its first layering promises.
    private static func estimatedChoice(_ profile: LayeringProfile, graph: LayeredGraph, title: Size?,
                                        options: (LayoutDirection) -> LayeredLayoutOptions) -> LayoutDirection {
        func canvas(_ direction: LayoutDirection) -> Size {
            GraphScene.canvasSize(drawing: profile.estimatedSize(of: graph, options: options(direction)), title: title)
        }
        return AutomaticDirection.choose(leftToRight: canvas(.leftToRight), topToBottom: { canvas(.topToBottom) })
    }

    /// The direction the graph view of `content` takes when none is given, as `init` chooses it,
    /// without placing a big graph at all (see `AutomaticDirection`).
    static func automaticDirection(model: Model, content: GraphViewContent, title: Size?, metrics: TextMetrics) -> LayoutDirection {
        let input = Input(model: model, content: content, metrics: metrics)
        let profile = layeringProfile(input.graph, options: S.layoutOptions(direction: .leftToRight))
        guard profile.vertexCount <= AutomaticDirection.exactVertices else {
            return estimatedChoice(profile, graph: input.graph, title: title, options: S.layoutOptions(direction:))
        }
        return GraphLayout(input, direction: nil, title: title, options: S.layoutOptions(direction:)) { graph, options in
            rankLayered(graph, options: options)
        }.direction
    }

    /// Which edges are laid out backwards: callbacks whose registration is in view.
    static func laidOutBackwards(_ edges: [GraphViewContent.Edge]) -> [Bool] {
        struct Pair: Hashable { var initiator: ParticipantID, passive: ParticipantID }
        let initiated = Set(edges.map { Pair(initiator: $0.initiator, passive: $0.passive) })
        return edges.map { $0.arrow == .callback && initiated.contains(Pair(initiator: $0.passive, passive: $0.initiator)) }
    }

    /// Edge `k`'s Bézier control points in the data direction (from `dataSource` to `dataTarget`).
    func curve(_ k: Int) -> [Point] {
        let curve = layout.edgeCurves[k]
        return backwards[k] ? curve.reversed() : curve
    }
}
