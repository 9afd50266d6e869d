// Tunable distances and effort of the layered layout. All distances are in points.

public struct LayeredLayoutOptions: Hashable, Sendable {
    /// Which way edges flow: left to right unless set (the graph view chooses, see `AutomaticDirection`).
    public var direction: LayoutDirection = .leftToRight
    /// Space between two nodes of the same layer.
    public var nodeSeparation: Double = 20
    /// Space between two edges (or an edge and a node) passing through the same layer.
    public var edgeSeparation: Double = 10
    /// Space between consecutive layers. Halved (but kept above the arrow room at both ends)
    /// when edges have labels, because labels take a layer of their own as in Graphviz dot.
    public var layerSeparation: Double = 48
    /// Space between a cluster's box and what it contains.
    public var clusterPadding: Double = 10
    /// Space between a cluster's box and nodes or boxes outside it.
    public var clusterSeparation: Double = 10
    /// Space between an edge and its label.
    public var labelGap: Double = 4
    /// Length of the straight end of every route at both nodes, so that an arrowhead
    /// (or Baton's initiator dot) sits on a straight piece of the edge.
    public var arrowRoom: Double = 10
    /// How far from a bend `LayeredLayout.edgeCurves` start rounding it off.
    public var bendRadius: Double = 12
    /// Spacing of the ends of several edges meeting one side of a node.
    public var portSpacing: Double = 8
    /// How far a self-loop reaches out of its node.
    public var selfLoopSize: Double = 18
    /// Empty space around the whole drawing.
    public var margin: Double = 8
    /// How hard the layout searches for fewer crossings and shorter edges: 1 is the default,
    /// 0 does a single ordering sweep and no coordinate refinement, larger values search longer.
    /// The work is capped by counts derived from the graph's size, never by the clock, so the
    /// same input always gives the same drawing.
    public var effort: Double = 1
    /// How many vertices the layering may add to the nodes (a bend wherever a long edge crosses a
    /// layer, fillers and borders of clusters) before it is made shallower, turning more edges
    /// around to fit. Every later phase works on those vertices, so this caps their time and
    /// memory on big dense graphs. Nil: 250,000 plus 24 per node and edge, which everyday graphs
    /// never reach.
    public var vertexBudget: Int?

    public init(direction: LayoutDirection = .leftToRight) {
        self.direction = direction
    }
}
