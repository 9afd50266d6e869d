// The input of the layered graph layout: an abstract directed graph with node sizes, edge label
// sizes and nested clusters. It knows nothing about Baton's model; the graph view builds one.

/// A directed multigraph to be drawn in layers. Nodes, edges and clusters are referred to by
/// their index in the arrays. Multi-edges and self-loops are allowed.
///
/// Bad references are tolerated rather than trapped on: an edge with an endpoint out of range
/// gets an empty route, a node whose cluster is out of range is in no cluster, and a cluster
/// whose parent is out of range or would make a cycle is a top-level cluster.
public struct LayeredGraph: Hashable, Sendable {
    public struct Node: Hashable, Sendable {
        /// The size of the node's frame, as drawn (width × height in the final drawing).
        public var size: Size
        /// The innermost cluster containing the node, if any.
        public var cluster: Int?
        /// The outline edges are clipped to.
        public var shape: BorderShape

        public init(size: Size, cluster: Int? = nil, shape: BorderShape = .rectangle) {
            self.size = size
            self.cluster = cluster
            self.shape = shape
        }
    }

    public struct Edge: Hashable, Sendable {
        public var from: Int
        public var to: Int
        /// The size of the edge's label as drawn, or nil when the edge has no label.
        public var labelSize: Size?
        /// How much the edge wants to point forward when cycles are broken: of two ways to break
        /// them that make the layering equally long, the layout turns around edges of lower
        /// priority (and, among equals, the ones given later).
        public var priority: Int

        public init(from: Int, to: Int, labelSize: Size? = nil, priority: Int = 0) {
            self.from = from
            self.to = to
            self.labelSize = labelSize
            self.priority = priority
        }
    }

    public struct Cluster: Hashable, Sendable {
        /// The enclosing cluster, if any: clusters nest.
        public var parent: Int?
        /// The size of the cluster's title, drawn inside the box at its top-left corner.
        public var labelSize: Size

        public init(parent: Int? = nil, labelSize: Size = .zero) {
            self.parent = parent
            self.labelSize = labelSize
        }
    }

    public var nodes: [Node]
    public var edges: [Edge]
    public var clusters: [Cluster]

    public init(nodes: [Node] = [], edges: [Edge] = [], clusters: [Cluster] = []) {
        self.nodes = nodes
        self.edges = edges
        self.clusters = clusters
    }
}
