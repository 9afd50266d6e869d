import BatonModel

/// The graph view's content as an abstract layered graph, and that graph laid out.
///
/// Node `i` of the layered graph is `nodes.ids[i]`, edge `k` is `content.edges[k]`, and cluster
/// `c` is `clusters[c]` (the groups, parents before children).
///
/// Edges go from their data source to their data target, so that producers come before
/// consumers along the layout direction, except callbacks: a callback answers a registration
/// (the passive end called the initiator earlier), so it is laid out from its passive end, in
/// the registration's direction, and drawn back. Without that, every registration and its
/// callback form a cycle, and the layout would as likely turn the registration around.
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

    let content: GraphViewContent
    let nodes: GraphNodes
    /// Per edge of `content`.
    let edgeLabels: [MeasuredText]
    /// Parents before children, in declaration order.
    let clusters: [Cluster]
    let graph: LayeredGraph
    let layout: LayeredLayout

    /// `layoutOptions` replaces the graph view's own (`GraphViewStyle.layoutOptions`), for tests.
    init(model: Model, content: GraphViewContent, direction: LayoutDirection, metrics: TextMetrics,
         layoutOptions: LayeredLayoutOptions? = nil) {
        self.init(model: model, content: content, metrics: metrics,
                  options: layoutOptions ?? S.layoutOptions(direction: direction)) { graph, options in
            rankLayered(graph, options: options)
        }
    }

    /// The same, refusing (before building them) a layering that needs more than `vertexLimit`
    /// vertices beyond the nodes.
    init(model: Model, content: GraphViewContent, direction: LayoutDirection, metrics: TextMetrics,
         vertexLimit: Int) throws(LayeredLayoutTooLarge) {
        try self.init(model: model, content: content, metrics: metrics,
                      options: S.layoutOptions(direction: direction)) { (graph, options) throws(LayeredLayoutTooLarge) in
            try rankLayered(graph, options: options, vertexLimit: vertexLimit)
        }
    }

    private init<Failure: Error>(model: Model, content: GraphViewContent, metrics: TextMetrics, options: LayeredLayoutOptions,
                                 rank: (LayeredGraph, LayeredLayoutOptions) throws(Failure) -> LayeredRanking) throws(Failure) {
        self.content = content
        var nodes = GraphNodes(model: model, content: content, metrics: metrics)

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
        self.clusters = clusters

        let labels = content.edges.map { GraphViewLabels.measureEdge($0.labels, metrics: metrics) }
        edgeLabels = labels
        var graph = LayeredGraph()
        graph.edges = content.edges.enumerated().map { k, edge in
            guard let from = nodes.index[edge.dataSource.rawValue], let to = nodes.index[edge.dataTarget.rawValue] else {
                // Content never shows an edge without its ends; keep the numbering anyway.
                return LayeredGraph.Edge(from: -1, to: -1)
            }
            let size = labels[k].isEmpty ? nil : labels[k].size
            return Self.isLaidOutBackwards(edge) ? LayeredGraph.Edge(from: to, to: from, labelSize: size)
                : LayeredGraph.Edge(from: from, to: to, labelSize: size)
        }
        graph.clusters = clusters.map { LayeredGraph.Cluster(parent: $0.parent, labelSize: $0.label.size) }

        // Room for every node's edge ends: the ranking says on which side each edge meets its
        // nodes (including the edges it turns around to break cycles), so nodes are sized for
        // it before they are placed (for the ends their sides keep: see `FlankPorts`).
        graph.nodes = nodes.ids.indices.map { LayeredGraph.Node(size: nodes.sizes[$0], cluster: clusterOf[$0]) }
        let ranking = try rank(graph, options)
        let looped = ranking.hasSelfLoop
        for (node, ends) in ranking.endsPerSide.enumerated() {
            nodes.makeRoom(node, forEnds: ends, hasLoop: looped[node], spacing: options.portSpacing, direction: options.direction)
        }
        graph.nodes = nodes.ids.indices.map { node in
            LayeredGraph.Node(size: nodes.sizes[node], cluster: clusterOf[node], shape: nodes.outline(node))
        }
        self.nodes = nodes
        self.graph = graph
        layout = layoutLayered(graph, ranking: ranking, options: options)
    }

    static func isLaidOutBackwards(_ edge: GraphViewContent.Edge) -> Bool {
        edge.arrow == .callback
    }

    /// Edge `k`'s Bézier control points in the data direction (from `dataSource` to `dataTarget`).
    func curve(_ k: Int) -> [Point] {
        let curve = layout.edgeCurves[k]
        return Self.isLaidOutBackwards(content.edges[k]) ? curve.reversed() : curve
    }
}
