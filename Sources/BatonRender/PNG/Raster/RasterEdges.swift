import BatonLayout

/// The straight edges of a figure's polygons, each pointing down (y0 < y1) with the winding it
/// adds, sorted by where they start, so that a band of rows only looks at the edges that reach
/// it. Horizontal edges add no coverage and are left out; so is anything not finite.
struct RasterEdges: Sendable {
    struct Edge: Sendable {
        var x0: Double
        var y0: Double
        var x1: Double
        var y1: Double
        /// +1 where the polygon runs down, −1 where it runs up.
        var winding: Float
    }

    private(set) var edges: [Edge] = []
    /// The rows the edges cover: `minY ..< maxY`.
    private(set) var minY = Double.infinity
    private(set) var maxY = -Double.infinity
    private(set) var minX = Double.infinity
    private(set) var maxX = -Double.infinity

    /// Coordinates beyond this (device pixels) are clamped: far outside any image Baton writes,
    /// and small enough for every conversion to an integer to be exact.
    static let reach = 1.0e8

    init(_ polygons: [[Point]]) {
        for polygon in polygons {
            guard var previous = polygon.last else { continue }
            for point in polygon {
                add(previous, point)
                previous = point
            }
        }
        edges.sort { $0.y0 < $1.y0 }
    }

    private mutating func add(_ a: Point, _ b: Point) {
        guard a.x.isFinite, a.y.isFinite, b.x.isFinite, b.y.isFinite, a.y != b.y else { return }
        let ax = min(max(a.x, -Self.reach), Self.reach), ay = min(max(a.y, -Self.reach), Self.reach)
        let bx = min(max(b.x, -Self.reach), Self.reach), by = min(max(b.y, -Self.reach), Self.reach)
        guard ay != by else { return }
        let edge = ay < by ? Edge(x0: ax, y0: ay, x1: bx, y1: by, winding: 1) : Edge(x0: bx, y0: by, x1: ax, y1: ay, winding: -1)
        edges.append(edge)
        minY = min(minY, edge.y0)
        maxY = max(maxY, edge.y1)
        minX = min(minX, ax, bx)
        maxX = max(maxX, ax, bx)
    }

    var isEmpty: Bool { edges.isEmpty }
}
