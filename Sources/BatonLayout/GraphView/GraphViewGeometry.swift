// Measures the graph view's picture as numbers: how often a label reads as belonging to the
// wrong edge or floats away from its own, how often labels collide, how many edges run too close
// side by side, cut through a cluster they have nothing to do with, swing out around something,
// bend sharply or part from their other direction, how many nodes are stretched beyond what their
// names need, and how the drawing is shaped.
//
// It reads only a finished `Scene`, so the same numbers come from any producer (and from
// hand-built scenes in tests), and improving the layout can be judged before and after. The
// scene tells what is what by structure, the way `GraphScene` builds it:
// - an edge is a group marked `.interactions(…)`: its lines are the path, its text blocks are
//   its labels (the label sits inside its edge's group);
// - a node is a group marked `.participant(…)`: its first shape's frame is the node's box, its
//   first text block its name;
// - a cluster is a `.groupBox` shape outside those groups.
// Paths are compared as polylines (Béziers sampled), pruned by bounding boxes, so the cost stays
// near edges × segments on ordinary drawings.

import BatonModel

public enum GraphViewGeometry {
    /// The defects and the shape of one drawing.
    public struct Report: Hashable, Sendable, CustomStringConvertible {
        /// Labels that do not read as their own edge's: another edge's path comes nearer to the
        /// label's box than `labelMargin` beyond the box's distance to its own edge. (Gaps
        /// between the text and the lines are what a reader goes by; a label's centre is no
        /// guide: beside a vertical edge, a wide label's centre is far from every edge.)
        public var labelsNearerAnotherEdge: Int
        /// Labels whose box lies farther than `labelReach` from their own edge's path, so that
        /// they float in the space beside it instead of sitting against it.
        public var labelsAwayFromEdge: Int
        /// Label–label pairs that overlap, label–node pairs that overlap, and label–edge pairs
        /// where another edge's path passes through the label.
        public var labelOverlaps: Int
        /// Pairs of edges that run roughly parallel (within 15°) closer than 10 px to each other
        /// over more than 20 px of length.
        public var closeParallelEdges: Int
        /// Edges whose path passes through the box of a cluster that holds neither of its ends.
        public var clusterTrespasses: Int
        /// Nodes drawn longer or wider (by more than `stretchTolerance`) than their names need:
        /// hubs grown into bars to give their edge ends room along one side.
        public var stretchedNodes: Int
        /// Edges whose path swings out (by more than `detourTolerance`) beyond the band between
        /// its two ends, held out there by a label: a trough or hump that makes room for a label
        /// (its own or another's). Swings around a node are the placement's to avoid, and not
        /// counted here.
        public var labelDetours: Int
        /// Edges with a kink: two pieces meeting at an angle (more than 10°), or a bend
        /// tighter than `kinkRadius` — typically where a curve meets a straight end piece.
        public var kinks: Int
        /// Two-way pairs (an edge from A to B and one from B to A) that are not drawn side by
        /// side: another edge's end lies between theirs on A or B, or another edge runs between
        /// them halfway.
        public var splitPairs: Int
        /// Width over height of the canvas (0 for an empty canvas).
        public var aspectRatio: Double
        /// The length of every edge's path, summed.
        public var totalEdgeLength: Double
        /// The canvas's area in square pixels.
        public var area: Double

        public init(labelsNearerAnotherEdge: Int = 0, labelsAwayFromEdge: Int = 0, labelOverlaps: Int = 0,
                    closeParallelEdges: Int = 0, clusterTrespasses: Int = 0, stretchedNodes: Int = 0, labelDetours: Int = 0,
                    kinks: Int = 0, splitPairs: Int = 0, aspectRatio: Double = 0, totalEdgeLength: Double = 0, area: Double = 0) {
            self.labelsNearerAnotherEdge = labelsNearerAnotherEdge
            self.labelsAwayFromEdge = labelsAwayFromEdge
            self.labelOverlaps = labelOverlaps
            self.closeParallelEdges = closeParallelEdges
            self.clusterTrespasses = clusterTrespasses
            self.stretchedNodes = stretchedNodes
            self.labelDetours = labelDetours
            self.kinks = kinks
            self.splitPairs = splitPairs
            self.aspectRatio = aspectRatio
            self.totalEdgeLength = totalEdgeLength
            self.area = area
        }

        /// The sum of the defect counts (everything but the drawing's shape): what a clean
        /// drawing has none of.
        public var defects: Int {
            labelsNearerAnotherEdge + labelsAwayFromEdge + labelOverlaps + closeParallelEdges + clusterTrespasses
                + stretchedNodes + labelDetours + kinks + splitPairs
        }

        public var description: String {
            "labels nearer another edge \(labelsNearerAnotherEdge), labels away from edge \(labelsAwayFromEdge), "
                + "label overlaps \(labelOverlaps), close parallel edges \(closeParallelEdges), "
                + "cluster trespasses \(clusterTrespasses), stretched nodes \(stretchedNodes), label detours \(labelDetours), "
                + "kinks \(kinks), split pairs \(splitPairs), "
                + "aspect \(Self.format(aspectRatio, digits: 2)), edge length \(Self.format(totalEdgeLength, digits: 0)), "
                + "area \(Self.format(area, digits: 0))"
        }

        /// `value` with `digits` decimals, without Foundation.
        static func format(_ value: Double, digits: Int) -> String {
            guard value.isFinite else { return "\(value)" }
            var scale = 1.0
            for _ in 0..<digits { scale *= 10 }
            let scaled = (abs(value) * scale).rounded()
            let whole = Int(scaled / scale)
            let sign = value < 0 && scaled > 0 ? "-" : ""
            guard digits > 0 else { return sign + String(whole) }
            let fraction = String(Int(scaled - Double(whole) * scale))
            return sign + String(whole) + "." + String(repeating: "0", count: digits - fraction.count) + fraction
        }
    }

    /// How near two edges may run side by side, and over how much length, before it counts.
    static let parallelDistance = 10.0
    static let parallelLength = 20.0
    /// The sine of the largest angle between two segments that still counts as parallel (15°).
    static let parallelSine = 0.2588
    /// How much farther than its own edge every other edge must stay from a label's box: a label
    /// 5 px from its edge and 8 px from the next one reads as belonging to either.
    static let labelMargin = 6.0
    /// The farthest a label's box may be from its own edge and still read as sitting against it.
    static let labelReach = 8.0
    /// Overlaps smaller than this (rounding, touching borders) do not count.
    static let overlapTolerance = 0.5
    /// How much longer or wider than its name needs a node may be (rounding, the view's
    /// narrowest node) before it counts as stretched.
    static let stretchTolerance = 1.0
    /// How far a path may swing out beyond the band between its ends before it counts as a detour,
    /// and how far beyond the band what holds it out may be.
    static let detourTolerance = 6.0
    static let detourReach = 20.0
    /// Joints at more than this angle (10°, given by its cosine) count as kinks...
    static let kinkCosine = 0.9848
    /// ...and so do bends tighter than this radius that turn by more than that overall.
    static let kinkRadius = 4.0
    /// Segments per Bézier curve when sampling a path.
    static let bezierSteps = 8

    /// An edge as the checker sees it: its path as a polyline, its box, its labels' frames, and
    /// its path as drawn (the lines' paths, for tangents and curvature).
    struct Edge {
        var points: [Point]
        var bounds: Rect
        var labels: [Rect]
        var paths: [LinePath] = []
    }

    /// A node as the checker sees it: its box, and the size its name needs inside its outline
    /// (the name with the participant box's padding and the shape's insets, at least the view's
    /// narrowest node).
    struct Node {
        var frame: Rect
        var needs: Size
    }

    /// What the scene draws, sorted out: edges, node boxes, cluster boxes.
    struct Parts {
        var edges: [Edge] = []
        var nodes: [Rect] = []
        var nodeNeeds: [Size] = []
        var clusters: [Rect] = []
    }

    /// Measures a graph view's scene.
    public static func report(_ scene: Scene) -> Report {
        let parts = parts(of: scene)
        var report = Report()
        report.aspectRatio = scene.size.height > 0 ? scene.size.width / scene.size.height : 0
        report.area = scene.size.width * scene.size.height
        report.totalEdgeLength = parts.edges.reduce(0) { $0 + Polyline.length($1.points) }
        report.labelsNearerAnotherEdge = labelsNearerAnotherEdge(parts)
        report.labelsAwayFromEdge = labelsAwayFromEdge(parts)
        report.labelOverlaps = labelOverlaps(parts)
        report.closeParallelEdges = closeParallelEdges(parts.edges)
        report.clusterTrespasses = clusterTrespasses(parts)
        report.stretchedNodes = stretchedNodes(parts)
        report.labelDetours = labelDetours(parts)
        report.kinks = parts.edges.reduce(0) { $0 + (hasKink($1) ? 1 : 0) }
        report.splitPairs = splitPairs(parts)
        return report
    }

    static func parts(of scene: Scene) -> Parts {
        var parts = Parts()
        func visit(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .group(let group):
                    switch group.marker {
                    case .interactions:
                        parts.edges.append(edge(group.items))
                    case .participant:
                        if let node = node(group.items) {
                            parts.nodes.append(node.frame)
                            parts.nodeNeeds.append(node.needs)
                        }
                    case .interaction, nil:
                        visit(group.items)
                    }
                case .shape(let shape):
                    if shape.role == .groupBox { parts.clusters.append(shape.frame) }
                case .line, .text:
                    break
                }
            }
        }
        visit(scene.items)
        return parts
    }

    /// A node from its group's items: the first shape is its outline, the first text its name.
    /// Without a name, the node needs one line of the participant label's height.
    static func node(_ items: [SceneItem]) -> Node? {
        guard let shape = items.lazy.compactMap({ if case .shape(let s) = $0 { s } else { nil } }).first else { return nil }
        let name = items.lazy.compactMap { if case .text(let t) = $0 { t } else { nil } }.first
        let label = Size(width: name?.frame.width ?? 0, height: max(name?.frame.height ?? 0, name?.lineHeight ?? 0))
        let body = label.height + 2 * ParticipantBox.paddingY
        let height = body + shape.kind.labelInsets(height: body).vertical
        let width = max(label.width + 2 * ParticipantBox.paddingX + shape.kind.labelInsets(height: height).horizontal,
                        GraphViewStyle.nodeMinWidth)
        return Node(frame: shape.frame, needs: Size(width: width, height: height))
    }

    /// An edge from its group's items: every line joined into one path, every text a label.
    static func edge(_ items: [SceneItem]) -> Edge {
        var points: [Point] = []
        var labels: [Rect] = []
        var paths: [LinePath] = []
        func visit(_ items: [SceneItem]) {
            for item in items {
                switch item {
                case .line(let line):
                    paths.append(line.path)
                    switch line.path {
                    case .polyline(let p): points += p
                    case .bezier(let p): points += Polyline.sampleCubicBezier(p, steps: bezierSteps)
                    }
                case .text(let text): labels.append(text.frame)
                case .group(let group): visit(group.items)
                case .shape: break
                }
            }
        }
        visit(items)
        return Edge(points: points, bounds: SceneItem.bounds(of: points), labels: labels, paths: paths)
    }

    // MARK: - Labels

    static func labelsNearerAnotherEdge(_ parts: Parts) -> Int {
        var count = 0
        for (e, edge) in parts.edges.enumerated() {
            for label in edge.labels {
                let own = distance(from: label, to: edge.points)
                for (f, other) in parts.edges.enumerated() where f != e {
                    // A path is no nearer than its box.
                    guard distance(from: label, to: other.bounds) < own + labelMargin else { continue }
                    if distance(from: label, to: other.points) < own + labelMargin {
                        count += 1
                        break
                    }
                }
            }
        }
        return count
    }

    static func labelsAwayFromEdge(_ parts: Parts) -> Int {
        var count = 0
        for edge in parts.edges {
            for label in edge.labels where distance(from: label, to: edge.points) > labelReach { count += 1 }
        }
        return count
    }

    static func labelOverlaps(_ parts: Parts) -> Int {
        let labels = parts.edges.enumerated().flatMap { e, edge in edge.labels.map { (edge: e, frame: $0) } }
        var count = 0
        for (i, label) in labels.enumerated() {
            for j in 0..<i where label.frame.overlaps(labels[j].frame, tolerance: overlapTolerance) { count += 1 }
            for node in parts.nodes where label.frame.overlaps(node, tolerance: overlapTolerance) { count += 1 }
            let inner = label.frame.insetBy(overlapTolerance)
            for (f, edge) in parts.edges.enumerated() where f != label.edge && edge.bounds.insetBy(-1).overlaps(label.frame) {
                if crosses(edge.points, inner) { count += 1 }
            }
        }
        return count
    }

    // MARK: - Edges

    static func closeParallelEdges(_ edges: [Edge]) -> Int {
        var count = 0
        for i in edges.indices {
            let near = edges[i].bounds.insetBy(-parallelDistance)
            for j in 0..<i where near.overlaps(edges[j].bounds) || near.contains(edges[j].bounds) {
                if sideBySideLength(edges[i].points, edges[j].points) > parallelLength { count += 1 }
            }
        }
        return count
    }

    /// The length of `a` that runs roughly parallel to some segment of `b`, closer than
    /// `parallelDistance`, judged at each segment's midpoint.
    static func sideBySideLength(_ a: [Point], _ b: [Point]) -> Double {
        guard a.count >= 2, b.count >= 2 else { return 0 }
        var length = 0.0
        for s in 1..<a.count {
            let p = a[s - 1], q = a[s]
            let ls = p.distance(to: q)
            guard ls > 1e-9 else { continue }
            let mid = p.interpolated(to: q, 0.5)
            for t in 1..<b.count {
                let u = b[t - 1], v = b[t]
                let lt = u.distance(to: v)
                guard lt > 1e-9 else { continue }
                // Quick box test before any arithmetic on angles.
                guard mid.x >= min(u.x, v.x) - parallelDistance, mid.x <= max(u.x, v.x) + parallelDistance,
                      mid.y >= min(u.y, v.y) - parallelDistance, mid.y <= max(u.y, v.y) + parallelDistance else { continue }
                let sine = abs((q.x - p.x) * (v.y - u.y) - (q.y - p.y) * (v.x - u.x)) / (ls * lt)
                guard sine <= parallelSine else { continue }
                // The midpoint must face the other segment (not lie beyond its ends), and be near it.
                let along = ((mid.x - u.x) * (v.x - u.x) + (mid.y - u.y) * (v.y - u.y)) / (lt * lt)
                guard along >= 0, along <= 1 else { continue }
                if distance(from: mid, toSegment: u, v) < parallelDistance {
                    length += ls
                    break
                }
            }
        }
        return length
    }

    static func clusterTrespasses(_ parts: Parts) -> Int {
        guard !parts.clusters.isEmpty else { return 0 }
        var count = 0
        for edge in parts.edges {
            guard let first = edge.points.first, let last = edge.points.last else { continue }
            let ends = [nearestNode(to: first, parts.nodes), nearestNode(to: last, parts.nodes)].compactMap { $0 }
            for cluster in parts.clusters where edge.bounds.insetBy(-1).overlaps(cluster) {
                guard !ends.contains(where: { cluster.contains(parts.nodes[$0]) }) else { continue }
                if crosses(edge.points, cluster.insetBy(overlapTolerance)) {
                    count += 1
                    break
                }
            }
        }
        return count
    }

    /// The node whose box is nearest to `p`, within a few pixels (an edge ends on its node's
    /// outline, which lies inside the box); nil when none is that near.
    static func nearestNode(to p: Point, _ nodes: [Rect]) -> Int? {
        var best: (node: Int, distance: Double)?
        for (n, frame) in nodes.enumerated() {
            let d = distance(from: p, to: frame)
            if d <= 4, d < best?.distance ?? .infinity { best = (n, d) }
        }
        return best?.node
    }

    // MARK: - Distances

    static func crosses(_ points: [Point], _ rect: Rect) -> Bool {
        guard points.count >= 2 else { return false }
        for s in 1..<points.count where rect.isCrossed(by: points[s - 1], points[s]) { return true }
        return false
    }

    static func distance(from p: Point, to points: [Point]) -> Double {
        guard let first = points.first else { return .infinity }
        guard points.count >= 2 else { return p.distance(to: first) }
        var best = Double.infinity
        for s in 1..<points.count { best = min(best, distance(from: p, toSegment: points[s - 1], points[s])) }
        return best
    }

    static func distance(from p: Point, toSegment a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let squared = dx * dx + dy * dy
        guard squared > 0 else { return p.distance(to: a) }
        let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / squared))
        return p.distance(to: Point(x: a.x + t * dx, y: a.y + t * dy))
    }

    /// From the box `r` to the nearest point of the polyline (0 where it passes through or touches).
    static func distance(from r: Rect, to points: [Point]) -> Double {
        guard let first = points.first else { return .infinity }
        guard points.count >= 2 else { return distance(from: first, to: r) }
        let corners = [Point(x: r.minX, y: r.minY), Point(x: r.maxX, y: r.minY), Point(x: r.minX, y: r.maxY), Point(x: r.maxX, y: r.maxY)]
        var best = Double.infinity
        for s in 1..<points.count {
            let a = points[s - 1], b = points[s]
            if r.contains(a) || r.contains(b) || r.isCrossed(by: a, b) { return 0 }
            best = min(best, distance(from: a, to: r), distance(from: b, to: r))
            for c in corners { best = min(best, distance(from: c, toSegment: a, b)) }
        }
        return best
    }

    /// Between the nearest points of two boxes (0 when they touch or overlap).
    static func distance(from r: Rect, to s: Rect) -> Double {
        let dx = max(s.minX - r.maxX, 0, r.minX - s.maxX), dy = max(s.minY - r.maxY, 0, r.minY - s.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }

    /// From `p` to the nearest point of `r` (0 inside).
    static func distance(from p: Point, to r: Rect) -> Double {
        let dx = max(r.minX - p.x, 0, p.x - r.maxX), dy = max(r.minY - p.y, 0, p.y - r.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
