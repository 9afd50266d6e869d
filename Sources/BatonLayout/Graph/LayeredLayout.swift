// The result of the layered graph layout: frames and routes in drawing coordinates, with the
// origin at the top-left corner of the drawing and y growing downwards.

public struct LayeredLayout: Hashable, Sendable {
    /// The size of the whole drawing, margins included.
    public var size: Size
    /// One frame per node, indexed like `LayeredGraph.nodes`.
    public var nodeFrames: [Rect]
    /// One route per edge, indexed like `LayeredGraph.edges`: a polyline from the source's
    /// outline to the target's outline, in the edge's own direction (reversed edges are drawn
    /// back the way they were given). The first and last segments are straight pieces at least
    /// `arrowRoom` long, so arrowheads can follow their direction. Edges with an endpoint out of
    /// range have an empty route. Geometry (crossings, clearances) is defined on these.
    public var edgeRoutes: [[Point]]
    /// The same routes as smooth cubic Bézier paths, for drawing: control points
    /// `[p0, c1, c2, p1, c1, c2, p2, …]` (an SVG path `M p0 C c1 c2 p1 C …`) with the route's ends.
    /// Bends are rounded off (see `LayeredLayoutOptions.bendRadius`), the ends stay straight for
    /// arrowheads, and self-loops are round.
    public var edgeCurves: [[Point]]
    /// The frame of each edge's label, indexed like `LayeredGraph.edges` (nil without a label).
    public var labelFrames: [Rect?]
    /// One box per cluster, indexed like `LayeredGraph.clusters`.
    public var clusterFrames: [Rect]
    /// Where each cluster's title goes, inside its box at the top-left corner.
    public var clusterLabelFrames: [Rect]

    public init(size: Size, nodeFrames: [Rect], edgeRoutes: [[Point]], edgeCurves: [[Point]], labelFrames: [Rect?],
                clusterFrames: [Rect], clusterLabelFrames: [Rect]) {
        self.size = size
        self.nodeFrames = nodeFrames
        self.edgeRoutes = edgeRoutes
        self.edgeCurves = edgeCurves
        self.labelFrames = labelFrames
        self.clusterFrames = clusterFrames
        self.clusterLabelFrames = clusterLabelFrames
    }
}
