// Phase 6 — edge routes. An edge leaves its source straight along the flow, from its port on the
// node's outline to `arrowRoom` beyond the node's layer band, and arrives the same way. In
// between it runs like a taut string through its dummies' corridors: each layer it crosses is a
// box, widened by `arrowRoom` on both sides, whose vertical extent is the free space around the
// dummy (up to halfway to its neighbours, see `OrderCoordinates.corridor`). Layer bands hold only
// vertices, gaps hold none, and corridors of neighbours never overlap, so routes pass through no
// node or label, and since every route bends only at the same x positions (box sides), two
// routes cross exactly as often as their arcs cross in the layering. Long edges come out as
// straight lines across many layers wherever the corridors allow.
//
// Edges meeting one side of a node get distinct ports spread along that side, sorted by where
// the edges go, so that edges of one node never cross each other and parallel edges run apart.

struct EdgeRouter {
    let graph: ProperGraph
    let anchor: [Double]
    let corridor: [ClosedRange<Double>?]
    let layers: LayerPlacement
    let frames: [Rect]
    let shapes: [BorderShape]
    let space: LayoutSpace
    let options: LayeredLayoutOptions
    /// Port offset (along the order axis, from the node's anchor) of each edge at its layout
    /// tail and at its layout head.
    private var tailPort: [Double]
    private var headPort: [Double]

    init(graph: ProperGraph, anchor: [Double], corridor: [ClosedRange<Double>?], layers: LayerPlacement, frames: [Rect],
         shapes: [BorderShape], space: LayoutSpace, options: LayeredLayoutOptions) {
        self.graph = graph
        self.anchor = anchor
        self.corridor = corridor
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
                // Ports spread around the anchor, within the part of the side edges may meet
                // (all of it, except beside a person's head), moved as little as needed to fit.
                let range = space.portRange(shapes[v], frame: frames[v])
                let span = range.upperBound - range.lowerBound
                let usable = Self.usableSide * min(frames[v].height, span)
                let step = sorted.count > 1 ? min(options.portSpacing, usable / Double(sorted.count - 1)) : 0
                let reach = step * Double(sorted.count - 1) / 2
                let margin = (span - usable) / 2
                let low = range.lowerBound + margin + reach, high = range.upperBound - margin - reach
                let center = low <= high ? min(max(anchor[v], low), high) : (range.lowerBound + range.upperBound) / 2
                for (i, end) in sorted.enumerated() {
                    let offset = center - anchor[v] + (Double(i) - Double(sorted.count - 1) / 2) * step
                    if side { tailPort[end.edge] = offset } else { headPort[end.edge] = offset }
                }
            }
        }
    }

    /// The share of a node's side (around its middle) that edge ends spread over.
    static let usableSide = 0.7

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
        let start = space.exitPoint(shapes[t], frame: tailFrame, from: Point(x: tailFrame.midX, y: ty), toward: Point(x: tailFrame.maxX + 1, y: ty))
        let leave = Point(x: layers.end[tailLayer] + room, y: ty)
        var windows: [Window] = []
        windows.reserveCapacity(2 * chain.count)
        for v in chain.dropFirst().dropLast() {
            let l = graph.layer[v]
            let range = corridor[v] ?? anchor[v]...anchor[v]
            for x in [layers.start[l] - room, layers.end[l] + room] {
                if let last = windows.last, last.x == x {
                    windows[windows.count - 1].low = max(last.low, range.lowerBound)
                    windows[windows.count - 1].high = min(last.high, range.upperBound)
                } else {
                    windows.append(Window(x: x, low: range.lowerBound, high: range.upperBound))
                }
            }
        }
        let headFrame = frames[h]
        let hy = anchor[chain[chain.count - 1]] + headPort[e]
        let headLayer = graph.layer[chain[chain.count - 1]]
        let arrive = Point(x: layers.start[headLayer] - room, y: hy)
        let end = space.exitPoint(shapes[h], frame: headFrame, from: Point(x: headFrame.midX, y: hy), toward: Point(x: headFrame.minX - 1, y: hy))
        points.append(start)
        points.append(contentsOf: Polyline.shortestPath(from: leave, to: arrive, through: windows))
        points.append(end)
        return Polyline.simplified(points)
    }

    /// The frame of edge `e`'s label in layout space, given the edge's route (from layout tail to
    /// head): centred on the label's layer band, just below where the route crosses it.
    func labelFrame(_ e: Int, size: Size, route: [Point]) -> Rect? {
        for v in graph.chains[e] {
            if case .label = graph.vertices[v] {
                let l = graph.layer[v]
                let x0 = layers.center[l] - size.width / 2, x1 = x0 + size.width
                var lowest = -Double.infinity
                for x in [x0, x1] { lowest = max(lowest, Self.height(of: route, at: x) ?? anchor[v]) }
                for p in route where p.x > x0 && p.x < x1 { lowest = max(lowest, p.y) }
                return Rect(x: x0, y: lowest + options.labelGap, width: size.width, height: size.height)
            }
        }
        return nil
    }

    /// Where an x-monotone polyline is at `x`, if it gets there.
    static func height(of route: [Point], at x: Double) -> Double? {
        for i in route.indices.dropFirst() where route[i - 1].x <= x && x <= route[i].x {
            let a = route[i - 1], b = route[i]
            return b.x > a.x ? a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) : max(a.y, b.y)
        }
        return nil
    }
}
