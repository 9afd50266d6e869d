// Phase 6 — edge routes. Every vertex owns a straight piece of track along the rank axis at its
// order coordinate, running through its layer's band and `arrowRoom` beyond it on both sides
// (for a node: from its outline outwards); routes join those pieces with straight segments
// across the gaps between bands. So edges never pass through nodes or labels (bands hold only
// vertices separated along the order axis, gaps hold no nodes), two routes cross exactly when
// their arcs cross in the layering, and both ends of every route are straight for arrowheads.
//
// Edges meeting one side of a node get distinct ports spread along that side, sorted by where
// the edges go, so that edges of one node never cross each other and parallel edges run apart.

struct EdgeRouter {
    let graph: ProperGraph
    let anchor: [Double]
    let layers: LayerPlacement
    let frames: [Rect]
    let shapes: [BorderShape]
    let space: LayoutSpace
    let options: LayeredLayoutOptions
    /// Port offset (along the order axis, from the node's anchor) of each edge at its layout
    /// tail and at its layout head.
    private var tailPort: [Double]
    private var headPort: [Double]

    init(graph: ProperGraph, anchor: [Double], layers: LayerPlacement, frames: [Rect], shapes: [BorderShape],
         space: LayoutSpace, options: LayeredLayoutOptions) {
        self.graph = graph
        self.anchor = anchor
        self.layers = layers
        self.frames = frames
        self.shapes = shapes
        self.space = space
        self.options = options
        let nodeCount = frames.count
        var outgoing = Array(repeating: [(edge: Int, toward: Double)](), count: nodeCount)
        var incoming = Array(repeating: [(edge: Int, toward: Double)](), count: nodeCount)
        for (e, chain) in graph.chains.enumerated() where chain.count >= 2 {
            guard case .node(let t) = graph.vertices[chain[0]], case .node(let h) = graph.vertices[chain[chain.count - 1]] else { continue }
            outgoing[t].append((e, anchor[chain[1]]))
            incoming[h].append((e, anchor[chain[chain.count - 2]]))
        }
        tailPort = Array(repeating: 0, count: graph.chains.count)
        headPort = Array(repeating: 0, count: graph.chains.count)
        for v in 0..<nodeCount {
            for (side, ends) in [(true, outgoing[v]), (false, incoming[v])] where !ends.isEmpty {
                let sorted = ends.sorted { $0.toward != $1.toward ? $0.toward < $1.toward : $0.edge < $1.edge }
                let usable = 0.7 * frames[v].height
                let step = sorted.count > 1 ? min(options.portSpacing, usable / Double(sorted.count - 1)) : 0
                for (i, end) in sorted.enumerated() {
                    let offset = (Double(i) - Double(sorted.count - 1) / 2) * step
                    if side { tailPort[end.edge] = offset } else { headPort[end.edge] = offset }
                }
            }
        }
    }

    /// The route of edge `e` in layout space from its layout tail to its layout head, or nil for
    /// edges without a chain (self-loops, invalid edges).
    func route(_ e: Int) -> [Point]? {
        let chain = graph.chains[e]
        guard chain.count >= 2,
              case .node(let t) = graph.vertices[chain[0]],
              case .node(let h) = graph.vertices[chain[chain.count - 1]] else { return nil }
        let room = options.arrowRoom
        var points: [Point] = []
        points.reserveCapacity(2 * chain.count + 2)

        let tailFrame = frames[t]
        let ty = anchor[chain[0]] + tailPort[e]
        let tailLayer = graph.layer[chain[0]]
        points.append(space.exitPoint(shapes[t], frame: tailFrame, from: Point(x: tailFrame.midX, y: ty), toward: Point(x: tailFrame.maxX + 1, y: ty)))
        points.append(Point(x: layers.end[tailLayer] + room, y: ty))
        for v in chain.dropFirst().dropLast() {
            let l = graph.layer[v], y = anchor[v]
            points.append(Point(x: layers.start[l] - room, y: y))
            points.append(Point(x: layers.end[l] + room, y: y))
        }
        let headFrame = frames[h]
        let hy = anchor[chain[chain.count - 1]] + headPort[e]
        let headLayer = graph.layer[chain[chain.count - 1]]
        points.append(Point(x: layers.start[headLayer] - room, y: hy))
        points.append(space.exitPoint(shapes[h], frame: headFrame, from: Point(x: headFrame.midX, y: hy), toward: Point(x: headFrame.minX - 1, y: hy)))
        return Polyline.simplified(points)
    }

    /// The frame of edge `e`'s label in layout space: just after the edge's track in the middle
    /// layer, centred on the band.
    func labelFrame(_ e: Int, size: Size) -> Rect? {
        for v in graph.chains[e] {
            if case .label = graph.vertices[v] {
                let l = graph.layer[v]
                return Rect(x: layers.center[l] - size.width / 2, y: anchor[v] + options.labelGap, width: size.width, height: size.height)
            }
        }
        return nil
    }
}
