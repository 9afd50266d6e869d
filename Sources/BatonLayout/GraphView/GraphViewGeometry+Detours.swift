// Measures the detours of a graph view's picture: a node placed far from everything it talks to
// (the reader follows a long edge across the page to find who calls it), and an edge that runs
// back against the flow across most of the drawing (it cuts through everything in between).
// Both read only the finished `Scene`, the way `GraphViewGeometry.report` does.

import BatonModel

extension GraphViewGeometry {
    /// The detours of one drawing.
    public struct Detours: Hashable, Sendable, CustomStringConvertible {
        /// Nodes whose nearest partner (a node they share an edge with) is farther away, box to
        /// box, than `isolationLimit` times the median edge length.
        public var isolatedNodes: Int
        /// The largest distance from a node to its nearest partner, in median edge lengths
        /// (0 when the drawing has no edge between two different nodes).
        public var worstIsolation: Double
        /// Edges that run against the drawing's flow (to a node placed before their start).
        public var backEdges: Int
        /// The largest extent of a back edge along the flow, as a fraction of the drawing's
        /// extent along the flow (from the first node's near side to the last node's far side);
        /// 0 without back edges.
        public var widestBackEdge: Double

        public init(isolatedNodes: Int = 0, worstIsolation: Double = 0, backEdges: Int = 0, widestBackEdge: Double = 0) {
            self.isolatedNodes = isolatedNodes
            self.worstIsolation = worstIsolation
            self.backEdges = backEdges
            self.widestBackEdge = widestBackEdge
        }

        public var description: String {
            "isolated nodes \(isolatedNodes), worst isolation \(Report.format(worstIsolation, digits: 2)), "
                + "back edges \(backEdges), widest back edge \(Report.format(widestBackEdge, digits: 2))"
        }
    }

    /// A node counts as isolated when its nearest partner is farther than this many median edge
    /// lengths away.
    public static let isolationLimit = 2.0

    /// Measures a graph view's scene for detours.
    public static func detours(_ scene: Scene) -> Detours {
        let parts = parts(of: scene)
        // Every edge between two different nodes, with its ends.
        var links: [(from: Int, to: Int, edge: Edge)] = []
        for edge in parts.edges {
            guard let first = edge.points.first, let last = edge.points.last,
                  let from = nearestNode(to: first, parts.nodes), let to = nearestNode(to: last, parts.nodes), from != to else { continue }
            links.append((from, to, edge))
        }
        guard !links.isEmpty else { return Detours() }
        var detours = Detours()

        // Isolation: box-to-box distance to the nearest partner, against the median edge length.
        let lengths = links.map { Polyline.length($0.edge.points) }.sorted()
        let median = lengths.count % 2 == 1 ? lengths[lengths.count / 2]
            : (lengths[lengths.count / 2 - 1] + lengths[lengths.count / 2]) / 2
        var nearest = [Double?](repeating: nil, count: parts.nodes.count)
        for link in links {
            let d = distance(parts.nodes[link.from], parts.nodes[link.to])
            for node in [link.from, link.to] { nearest[node] = min(nearest[node] ?? .infinity, d) }
        }
        if median > 0 {
            for case let d? in nearest {
                let ratio = d / median
                detours.worstIsolation = max(detours.worstIsolation, ratio)
                if ratio > isolationLimit { detours.isolatedNodes += 1 }
            }
        }

        // The flow: the graph view's edges run left to right or top to bottom, whichever axis
        // they travel farther along.
        var alongX = 0.0, alongY = 0.0
        for link in links {
            let a = parts.nodes[link.from].center, b = parts.nodes[link.to].center
            alongX += abs(b.x - a.x); alongY += abs(b.y - a.y)
        }
        let horizontal = alongX >= alongY
        func along(_ p: Point) -> Double { horizontal ? p.x : p.y }
        let drawing = parts.nodes.dropFirst().reduce(parts.nodes[0]) { $0.union($1) }
        let extent = horizontal ? drawing.width : drawing.height
        for link in links {
            let a = parts.nodes[link.from].center, b = parts.nodes[link.to].center
            guard along(b) < along(a) - 1 else { continue }
            detours.backEdges += 1
            let values = link.edge.points.map(along)
            if let low = values.min(), let high = values.max(), extent > 0 {
                detours.widestBackEdge = max(detours.widestBackEdge, (high - low) / extent)
            }
        }
        return detours
    }

    /// The distance between two boxes (0 when they touch or overlap).
    static func distance(_ a: Rect, _ b: Rect) -> Double {
        let dx = max(a.minX - b.maxX, 0, b.minX - a.maxX), dy = max(a.minY - b.maxY, 0, b.minY - a.maxY)
        return (dx * dx + dy * dy).squareRoot()
    }
}
