// The checker's measures of how edges are drawn beyond where they pass (GraphViewGeometry.swift
// has those): nodes stretched to give edge ends room, routes swinging out around something,
// kinks, and two-way pairs drawn apart. Like the rest of the checker, they read only the scene.

extension GraphViewGeometry {
    // MARK: - Nodes

    /// Nodes longer or wider than their names need: a hub whose edge ends all meet one side
    /// grows into a bar, where spreading them over more sides would keep it its natural size.
    static func stretchedNodes(_ parts: Parts) -> Int {
        var count = 0
        for (frame, needs) in zip(parts.nodes, parts.nodeNeeds)
        where frame.height > needs.height + stretchTolerance || frame.width > needs.width + stretchTolerance {
            count += 1
        }
        return count
    }

    // MARK: - Detours

    /// Edges whose path leaves the band between its two ends (on either axis) by more than
    /// `detourTolerance`, held out by a label: of the node boxes and label boxes between the
    /// swung-out part and the band (or up to `detourReach` beyond it), the nearest to that part
    /// is a label. An edge between two nodes has no reason to go beyond them except to get
    /// around something; a label in the way is the layout's own doing (it chose where labels
    /// go), a node in the way is the placement's. Loops (both ends on one node) go out and
    /// back by design and do not count.
    static func labelDetours(_ parts: Parts) -> Int {
        let labels = parts.edges.flatMap(\.labels)
        var count = 0
        for edge in parts.edges {
            guard let first = edge.points.first, let last = edge.points.last, edge.points.count > 2 else { continue }
            if let tail = nearestNode(to: first, parts.nodes), tail == nearestNode(to: last, parts.nodes) { continue }
            var detour = false
            for vertical in [false, true] where !detour {
                func along(_ p: Point) -> Double { vertical ? p.y : p.x }
                let low = min(along(first), along(last)), high = max(along(first), along(last))
                for outward in [-1.0, 1.0] where !detour {
                    // The part beyond the band on this side, and how far it swings.
                    let edgeOfBand = outward < 0 ? low : high
                    let beyond = edge.points.filter { (along($0) - edgeOfBand) * outward > 0 }
                    guard let extreme = beyond.map({ (along($0) - edgeOfBand) * outward }).max(), extreme > detourTolerance else { continue }
                    let swung = SceneItem.bounds(of: beyond)
                    // What lies between the swung part and the band (or a little past it),
                    // wholly: a box reaching out beside the swung part does not hold it out.
                    let from = edgeOfBand - outward * detourReach, to = edgeOfBand + outward * extreme
                    let region = vertical
                        ? Rect(x: swung.minX, y: min(from, to), width: swung.width, height: abs(to - from))
                        : Rect(x: min(from, to), y: swung.minY, width: abs(to - from), height: swung.height)
                    func between(_ box: Rect) -> Bool {
                        guard box.overlaps(region) else { return false }
                        let (lo, hi) = vertical ? (box.minY, box.maxY) : (box.minX, box.maxX)
                        return outward > 0 ? hi <= to + overlapTolerance : lo >= to - overlapTolerance
                    }
                    var nearest: (distance: Double, isLabel: Bool)?
                    for (box, isLabel) in parts.nodes.map({ ($0, false) }) + labels.map({ ($0, true) }) where between(box) {
                        let d = distance(from: box, to: beyond)
                        if d < nearest?.distance ?? .infinity { nearest = (d, isLabel) }
                    }
                    if nearest?.isLabel == true { detour = true }
                }
            }
            if detour { count += 1 }
        }
        return count
    }

    // MARK: - Kinks

    /// Whether the edge's path has a kink: consecutive pieces meeting at an angle (a corner a
    /// rounded route should not have, such as a curve that does not arrive along the straight
    /// end piece it joins), or a curve turning by more than 10° (`kinkCosine`) with a radius tighter
    /// than `kinkRadius` somewhere (a bend squeezed into a few pixels reads as a corner).
    static func hasKink(_ edge: Edge) -> Bool {
        for path in edge.paths {
            switch path {
            case .polyline(let points):
                if hasCorner(points) { return true }
            case .bezier(let controls):
                guard controls.count >= 4 else { continue }
                var i = 0
                while i + 3 < controls.count {
                    let segment = Array(controls[i...(i + 3)])
                    if isTightBend(segment) { return true }
                    if i + 6 < controls.count, let incoming = endTangent(segment),
                       let outgoing = startTangent(Array(controls[(i + 3)...(i + 6)])),
                       cosine(incoming, outgoing) < kinkCosine {
                        return true
                    }
                    i += 3
                }
            }
        }
        return false
    }

    /// Whether two consecutive segments of the polyline meet at more than 10° (`kinkCosine`).
    static func hasCorner(_ points: [Point]) -> Bool {
        var previous: Point?
        for i in points.indices.dropFirst() {
            let d = points[i] - points[i - 1]
            guard d.x != 0 || d.y != 0 else { continue }
            if let previous, cosine(previous, d) < kinkCosine { return true }
            previous = d
        }
        return false
    }

    /// The direction a cubic `[p0, c1, c2, p1]` leaves its start in (the first control point
    /// apart from the start), nil for a point.
    static func startTangent(_ c: [Point]) -> Point? {
        for k in 1...3 where c[k] != c[0] { return c[k] - c[0] }
        return nil
    }

    /// The direction a cubic arrives at its end in.
    static func endTangent(_ c: [Point]) -> Point? {
        for k in stride(from: 2, through: 0, by: -1) where c[k] != c[3] { return c[3] - c[k] }
        return nil
    }

    /// Whether the cubic `[p0, c1, c2, p1]` turns by more than 10° (`kinkCosine`) and somewhere bends
    /// tighter than `kinkRadius` (curvature sampled at `kinkSamples` points).
    static func isTightBend(_ c: [Point]) -> Bool {
        guard let start = startTangent(c), let end = endTangent(c), cosine(start, end) < kinkCosine else { return false }
        let a = c[1] - c[0], b = c[2] - c[1], d = c[3] - c[2]
        for s in 0...kinkSamples {
            let t = Double(s) / Double(kinkSamples), u = 1 - t
            let velocity = a * (3 * u * u) + b * (6 * u * t) + d * (3 * t * t)
            let acceleration = (b - a) * (6 * u) + (d - b) * (6 * t)
            let speed = (velocity.x * velocity.x + velocity.y * velocity.y).squareRoot()
            guard speed > 1e-6 else { continue }
            let cross = abs(velocity.x * acceleration.y - velocity.y * acceleration.x)
            // Radius = speed³ / cross, compared without dividing.
            if cross * kinkRadius > speed * speed * speed { return true }
        }
        return false
    }

    /// Points per cubic where the checker samples curvature.
    static let kinkSamples = 16

    /// The cosine of the angle between two directions (1 when either is a zero vector).
    static func cosine(_ u: Point, _ v: Point) -> Double {
        let lu = (u.x * u.x + u.y * u.y).squareRoot(), lv = (v.x * v.x + v.y * v.y).squareRoot()
        guard lu > 0, lv > 0 else { return 1 }
        return (u.x * v.x + u.y * v.y) / (lu * lv)
    }

    /// A stand-in for the angle of direction `d` that orders directions as angles do, in 0..<4
    /// for the full turn (the "diamond angle"): no trigonometry needed to sort ends around a node.
    static func pseudoAngle(_ d: Point) -> Double {
        let sum = abs(d.x) + abs(d.y)
        guard sum > 0 else { return 0 }
        if d.y >= 0 { return d.x >= 0 ? d.y / sum : 1 - d.x / sum }
        return d.x < 0 ? 2 - d.y / sum : 3 + d.x / sum
    }

    // MARK: - Two-way pairs

    /// Two-way pairs (A to B and B to A) not drawn side by side: at A or at B another edge's end
    /// lies between theirs around the node, or halfway along the first another edge passes
    /// between it and the second. Edges joining the same two nodes never separate a pair.
    static func splitPairs(_ parts: Parts) -> Int {
        let ends: [(tail: Int?, head: Int?)] = parts.edges.map { edge in
            guard let first = edge.points.first, let last = edge.points.last else { return (nil, nil) }
            return (nearestNode(to: first, parts.nodes), nearestNode(to: last, parts.nodes))
        }
        // Every edge end on each node, as an angle around the node's centre.
        var around = Array(repeating: [(edge: Int, angle: Double)](), count: parts.nodes.count)
        for (e, edge) in parts.edges.enumerated() {
            guard let first = edge.points.first, let last = edge.points.last else { continue }
            for (node, point) in [(ends[e].tail, first), (ends[e].head, last)] {
                guard let node else { continue }
                let c = parts.nodes[node].center
                around[node].append((e, pseudoAngle(point - c)))
            }
        }
        func joinsSame(_ g: Int, _ a: Int, _ b: Int) -> Bool {
            (ends[g].tail == a && ends[g].head == b) || (ends[g].tail == b && ends[g].head == a)
        }
        var count = 0
        for e in parts.edges.indices {
            guard let a = ends[e].tail, let b = ends[e].head, a != b else { continue }
            for f in parts.edges.indices where f > e && ends[f].tail == b && ends[f].head == a {
                var split = false
                for node in [a, b] where !split {
                    let mine = around[node].filter { $0.edge == e || $0.edge == f }
                    guard mine.count == 2 else { continue }
                    let from = mine[0].angle
                    var width = mine[1].angle - from
                    if width <= -2 { width += 4 } else if width > 2 { width -= 4 }
                    for other in around[node] where !joinsSame(other.edge, a, b) {
                        var offset = other.angle - from
                        if offset <= -2 { offset += 4 } else if offset > 2 { offset -= 4 }
                        if width > 0 ? (offset > 0 && offset < width) : (offset < 0 && offset > width) { split = true; break }
                    }
                }
                if !split, let middle = halfway(parts.edges[e].points) {
                    let across = nearestPoint(to: middle, on: parts.edges[f].points)
                    for (g, other) in parts.edges.enumerated() where !joinsSame(g, a, b) && crosses(other.points, from: middle, to: across) {
                        split = true
                        break
                    }
                }
                if split { count += 1 }
            }
        }
        return count
    }

    /// The point halfway along a polyline, by length.
    static func halfway(_ points: [Point]) -> Point? {
        guard let first = points.first else { return nil }
        var remaining = Polyline.length(points) / 2
        for i in points.indices.dropFirst() {
            let l = points[i - 1].distance(to: points[i])
            if l >= remaining, l > 0 { return points[i - 1].interpolated(to: points[i], remaining / l) }
            remaining -= l
        }
        return points.last ?? first
    }

    /// The point of the polyline nearest to `p`.
    static func nearestPoint(to p: Point, on points: [Point]) -> Point {
        guard var best = points.first else { return p }
        var bestDistance = p.distance(to: best)
        for i in points.indices.dropFirst() {
            let a = points[i - 1], b = points[i]
            let dx = b.x - a.x, dy = b.y - a.y
            let squared = dx * dx + dy * dy
            let t = squared > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / squared)) : 0
            let q = Point(x: a.x + t * dx, y: a.y + t * dy)
            let d = p.distance(to: q)
            if d < bestDistance { best = q; bestDistance = d }
        }
        return best
    }

    /// Whether the polyline crosses the segment from `a` to `b`.
    static func crosses(_ points: [Point], from a: Point, to b: Point) -> Bool {
        for i in points.indices.dropFirst() where Polyline.segmentsCross(points[i - 1], points[i], a, b) { return true }
        return false
    }
}
