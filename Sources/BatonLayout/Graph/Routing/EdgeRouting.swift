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
// Ends meet their nodes where `EdgePorts` says, and run out straight, as many separations
// beyond `arrowRoom` as their step says, before they turn (the gaps are wide enough for the
// steps, see `LayerPlacement`; squeezed if not).

struct EdgeRouter {
    let graph: ProperGraph
    let anchor: [Double]
    let corridor: [ClosedRange<Double>?]
    let layers: LayerPlacement
    let frames: [Rect]
    let shapes: [BorderShape]
    let ports: EdgePorts
    let labelSides: LabelSides
    /// The width of each edge's label along the rank axis (layout space), nil without one.
    let labelWidth: [Double?]
    let space: LayoutSpace
    let options: LayeredLayoutOptions
    /// How far one step of a straight end reaches in each gap (between layer `l` and `l + 1`),
    /// and how far a staggered end climbs (or drops) across it after its straight end.
    private let stepLength: [Double]
    private let climb: [Double]

    init(graph: ProperGraph, anchor: [Double], corridor: [ClosedRange<Double>?], layers: LayerPlacement, frames: [Rect],
         shapes: [BorderShape], ports: EdgePorts, labelSides: LabelSides, labelSizes: [Size?], space: LayoutSpace,
         options: LayeredLayoutOptions) {
        self.graph = graph
        self.anchor = anchor
        self.corridor = corridor
        self.layers = layers
        self.frames = frames
        self.shapes = shapes
        self.ports = ports
        self.labelSides = labelSides
        labelWidth = labelSizes.map { $0?.width }
        self.space = space
        self.options = options
        var stepLength = Array(repeating: 0.0, count: ports.gaps.count)
        var climb = Array(repeating: 0.0, count: ports.gaps.count)
        for (l, gap) in ports.gaps.enumerated() where l + 1 < layers.start.count {
            let total = Double(gap.tailSteps + gap.headSteps)
            let room = layers.start[l + 1] - layers.end[l] - 2 * options.arrowRoom
            if total > 0 { stepLength[l] = max(0, min(options.edgeSeparation, (room - Self.slantRoom) / total)) }
            climb[l] = max(0, room - total * stepLength[l])
        }
        self.stepLength = stepLength
        self.climb = climb
    }

    /// The most edges a drawing may have for its ends to be staggered. A drawing with more is an
    /// overview that nobody follows edge by edge, and checking every run against the routes
    /// around it would cost it more than its routing.
    static let staggerLimit = 500

    /// The least run across a gap between the straight ends of its two sides.
    static let slantRoom = 8.0
    /// The narrowest gap that gives every end in it its run (see `EdgePorts.gaps`).
    static func minimumGap(_ gap: EdgePorts.Gap, options: LayeredLayoutOptions) -> Double {
        2 * options.arrowRoom + slantRoom + Double(gap.tailSteps + gap.headSteps) * options.edgeSeparation
    }

    /// The routes of all edges in layout space (nil for edges without a chain). A run of ends
    /// is staggered only where its routes come closer than a separation across their gap.
    /// Staggered ends turn out of line with the ends beside them, so a route from elsewhere that
    /// runs through where they turn could cross them where it did not before: a run is staggered
    /// only if its routes then cross the other routes in its gap no more often than before (the
    /// ends keep to their straight runs otherwise), so routes still cross exactly as the
    /// layering's arcs do.
    func routes() -> [[Point]?] {
        let edgeCount = graph.chains.count
        var routes = (0..<edgeCount).map { route($0) }
        guard edgeCount <= Self.staggerLimit else { return routes }
        /// The pieces of `route` in gap `l`.
        func inGap(_ route: [Point], _ l: Int) -> [(Point, Point)] {
            route.indices.dropFirst().compactMap { i in
                let a = route[i - 1], b = route[i]
                return max(a.x, b.x) > layers.end[l] && min(a.x, b.x) < layers.start[l + 1] ? (a, b) : nil
            }
        }
        // The runs whose ends come closer than a separation across their gap.
        let close = ports.groups.filter { group in
            let members = group.edges.compactMap { routes[$0].map { inGap($0, group.gap) } }
            var closest = Double.infinity
            for k in members.indices.dropFirst() {
                for (a, b) in members[k - 1] {
                    for (c, d) in members[k] { closest = min(closest, Self.distance(a, b, c, d)) }
                }
            }
            return closest < options.edgeSeparation - 1
        }
        guard !close.isEmpty else { return routes }
        // Every route's pieces in each gap that has such a run, by height (`PieceIndex`).
        var wanted = Array(repeating: false, count: ports.gaps.count)
        for group in close { wanted[group.gap] = true }
        var index = PieceIndex(gaps: ports.gaps.count)
        func addPieces(_ e: Int, _ route: [Point]) {
            for i in route.indices.dropFirst() {
                let a = route[i - 1], b = route[i]
                let from = min(a.x, b.x), to = max(a.x, b.x)
                // The gaps this piece reaches into (gap `l` runs from `end[l]` to `start[l + 1]`).
                var l = Self.firstGap(after: from, layers.start)
                while l < wanted.count && layers.end[l] < to {
                    if wanted[l] { index.add(gap: l, edge: e, a, b) }
                    l += 1
                }
            }
        }
        for (e, route) in routes.enumerated() { if let route { addPieces(e, route) } }
        index.sort()
        var tailStaggered = Array(repeating: false, count: edgeCount)
        for group in close {
            let l = group.gap
            var tried: [(edge: Int, old: [(Point, Point)], new: [(Point, Point)], route: [Point])] = []
            var low = Double.infinity, high = -Double.infinity
            for e in group.edges {
                // An edge straight from node to node staggers one end only: both would share its one gap.
                if !group.tails && tailStaggered[e] && graph.chains[e].count == 2 { continue }
                guard let old = routes[e], let new = staggered(old, e, tail: group.tails) else { continue }
                let before = inGap(old, l), after = inGap(new, l)
                tried.append((e, before, after, new))
                for (a, b) in before + after { low = min(low, a.y, b.y); high = max(high, a.y, b.y) }
            }
            // Only the other routes' pieces in the gap, at the heights these reach, can cross them.
            var others: [(Point, Point)] = []
            index.forEach(gap: l, minY: low, maxY: high) { edge, a, b in
                if !group.edges.contains(edge) { others.append((a, b)) }
            }
            func crossings(_ own: [(Point, Point)]) -> Int {
                var count = 0
                for (a, b) in own {
                    let minX = min(a.x, b.x), maxX = max(a.x, b.x), minY = min(a.y, b.y), maxY = max(a.y, b.y)
                    for (c, d) in others
                    where max(c.x, d.x) >= minX && min(c.x, d.x) <= maxX && max(c.y, d.y) >= minY && min(c.y, d.y) <= maxY
                        && Polyline.segmentsCross(a, b, c, d) {
                        count += 1
                    }
                }
                return count
            }
            guard tried.reduce(0, { $0 + crossings($1.new) }) <= tried.reduce(0, { $0 + crossings($1.old) }) else { continue }
            for candidate in tried {
                if group.tails { tailStaggered[candidate.edge] = true }
                index.retire(candidate.edge)
                routes[candidate.edge] = candidate.route
                addPieces(candidate.edge, candidate.route)
            }
        }
        return routes
    }

    /// The distance between segments `ab` and `cd` (0 where they cross).
    static func distance(_ a: Point, _ b: Point, _ c: Point, _ d: Point) -> Double {
        if Polyline.segmentsCross(a, b, c, d) { return 0 }
        func toSegment(_ p: Point, _ u: Point, _ v: Point) -> Double {
            let dx = v.x - u.x, dy = v.y - u.y, squared = dx * dx + dy * dy
            let t = squared > 0 ? max(0, min(1, ((p.x - u.x) * dx + (p.y - u.y) * dy) / squared)) : 0
            return p.distance(to: Point(x: u.x + t * dx, y: u.y + t * dy))
        }
        return min(toSegment(a, c, d), toSegment(b, c, d), toSegment(c, a, b), toSegment(d, a, b))
    }

    /// The first gap `l` (between layers `l` and `l + 1`) that ends after `x`: the first `l`
    /// with `starts[l + 1] > x`.
    static func firstGap(after x: Double, _ starts: [Double]) -> Int {
        var low = 1, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// Where an x-monotone polyline is at `x`, if it gets there.
    static func height(of route: [Point], at x: Double) -> Double? {
        for i in route.indices.dropFirst() where min(route[i - 1].x, route[i].x) <= x && x <= max(route[i - 1].x, route[i].x) {
            let a = route[i - 1], b = route[i]
            return b.x != a.x ? a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) : a.y
        }
        return nil
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
        points.reserveCapacity(2 * chain.count + 4)

        // From the tail's port out beyond its layer band.
        let tailFrame = frames[t]
        let tailLayer = graph.layer[chain[0]]
        let leaveX = layers.end[tailLayer] + room
        let leave: Point
        switch ports.tail[e] {
        case .side(let offset):
            let y = anchor[chain[0]] + offset
            points.append(space.exitPoint(shapes[t], frame: tailFrame, from: Point(x: tailFrame.midX, y: y),
                                          toward: Point(x: tailFrame.maxX + 1, y: y)))
            leave = Point(x: leaveX, y: y)
        case .flank(let along, let depth, let top):
            let x = tailFrame.midX + along, y = top ? tailFrame.minY - depth : tailFrame.maxY + depth
            points.append(space.exitPoint(shapes[t], frame: tailFrame, from: Point(x: x, y: tailFrame.midY),
                                          toward: Point(x: x, y: top ? tailFrame.minY - 1 : tailFrame.maxY + 1)))
            points.append(Point(x: x, y: y))
            leave = Point(x: leaveX, y: y)
        }

        // Into the head's port from before its layer band.
        let headFrame = frames[h]
        let headLayer = graph.layer[chain[chain.count - 1]]
        let arriveX = layers.start[headLayer] - room
        let arrive: Point
        var last: [Point] = []
        switch ports.head[e] {
        case .side(let offset):
            let y = anchor[chain[chain.count - 1]] + offset
            arrive = Point(x: arriveX, y: y)
            last.append(space.exitPoint(shapes[h], frame: headFrame, from: Point(x: headFrame.midX, y: y),
                                        toward: Point(x: headFrame.minX - 1, y: y)))
        case .flank(let along, let depth, let top):
            let x = headFrame.midX + along, y = top ? headFrame.minY - depth : headFrame.maxY + depth
            arrive = Point(x: arriveX, y: y)
            last.append(Point(x: x, y: y))
            last.append(space.exitPoint(shapes[h], frame: headFrame, from: Point(x: x, y: headFrame.midY),
                                        toward: Point(x: x, y: top ? headFrame.minY - 1 : headFrame.maxY + 1)))
        }
        var windows: [Window] = []
        windows.reserveCapacity(2 * chain.count + 2)
        func pass(_ x: Double, _ range: ClosedRange<Double>) {
            if let last = windows.last, last.x == x {
                windows[windows.count - 1].low = max(last.low, range.lowerBound)
                windows[windows.count - 1].high = min(last.high, range.upperBound)
            } else {
                windows.append(Window(x: x, low: range.lowerBound, high: range.upperBound))
            }
        }
        for v in chain.dropFirst().dropLast() {
            let l = graph.layer[v]
            let range = corridor[v] ?? anchor[v]...anchor[v]
            pass(layers.start[l] - room, range)
            // Beside its label, the edge runs straight along the label's side, and on for a bend's
            // reach (within its layer's room) so that rounding its bends never cuts into the label.
            // (A run ending within a bend's reach of the layer's room ends there instead: two
            // bends that close would each have no room to be round.)
            if case .label = graph.vertices[v], let width = labelWidth[e] {
                let reach = width / 2 + options.bendRadius
                var from = layers.center[l] - reach, to = layers.center[l] + reach
                if from - (layers.start[l] - room) < options.bendRadius { from = layers.start[l] - room }
                if (layers.end[l] + room) - to < options.bendRadius { to = layers.end[l] + room }
                pass(from, anchor[v]...anchor[v])
                pass(to, anchor[v]...anchor[v])
            }
            pass(layers.end[l] + room, range)
        }
        points.append(contentsOf: Polyline.shortestPath(from: leave, to: arrive, through: windows))
        points.append(contentsOf: last)
        return Polyline.simplified(points)
    }

    /// `route` (edge `e`'s, as `route(_:)` makes it) with its straight end at the layout tail
    /// (or head) staggered: it runs out its steps further, climbs (or drops) across its gap's
    /// `climb`, and runs on level to where the route passed the far side of the gap (the next
    /// layer's window, or the other end), from where it is unchanged. Nil when the route does
    /// not cross the gap as expected.
    func staggered(_ route: [Point], _ e: Int, tail: Bool) -> [Point]? {
        let chain = graph.chains[e]
        guard chain.count >= 2, route.count >= 2 else { return nil }
        let room = options.arrowRoom
        // Mirrored for a head: the route reversed, and x measured the other way.
        let path = tail ? route : Array(route.reversed())
        func x(_ p: Point) -> Double { tail ? p.x : -p.x }
        let l = tail ? graph.layer[chain[0]] : graph.layer[chain[chain.count - 1]] - 1
        guard l >= 0, l < climb.count, let step = tail ? ports.tailSteps[e] : ports.headSteps[e] else { return nil }
        let near = tail ? layers.end[l] + room : layers.start[l + 1] - room
        let far = tail ? layers.start[l + 1] - room : layers.end[l] + room
        // The port and, on a flank, the corner: everything before the straight run out.
        var prefix = [path[0]]
        if case .flank = tail ? ports.tail[e] : ports.head[e], path.count > 2 { prefix.append(path[1]) }
        guard let run = prefix.last else { return nil }
        // Where the route passes the gap's far side.
        var k = prefix.count
        while k < path.count && x(path[k]) < x(Point(x: far, y: 0)) { k += 1 }
        guard k < path.count, k > 0 else { return nil }
        let a = path[k - 1], b = path[k]
        let t = x(b) == x(a) ? 1 : (x(Point(x: far, y: 0)) - x(a)) / (x(b) - x(a))
        let passing = a.interpolated(to: b, max(0, min(1, t)))
        let out = near + (tail ? 1 : -1) * Double(step) * stepLength[l]
        let top = out + (tail ? 1 : -1) * climb[l]
        var result = prefix
        result.append(Point(x: out, y: run.y))
        result.append(Point(x: top, y: passing.y))
        result.append(passing)
        result.append(contentsOf: path[k...])
        let simplified = Polyline.simplified(result)
        return tail ? simplified : simplified.reversed()
    }

    /// The frame of edge `e`'s label in layout space: centred on the label's layer band, beside
    /// the edge (which runs straight along it, at its label vertex's anchor), on the side
    /// `labelSides` chose.
    func labelFrame(_ e: Int, size: Size) -> Rect? {
        for v in graph.chains[e] {
            if case .label = graph.vertices[v] {
                let l = graph.layer[v]
                let y = labelSides.before[e] ? anchor[v] - options.labelGap - size.height : anchor[v] + options.labelGap
                return Rect(x: layers.center[l] - size.width / 2, y: y, width: size.width, height: size.height)
            }
        }
        return nil
    }
}
