// Helpers for open polylines given as arrays of points, and for cubic Bézier paths given as
// control points `[p0, c1, c2, p1, c1, c2, p2, …]` (3n + 1 points), the form SVG's `C` and
// Graphviz's `-Tplain` splines use.

public enum Polyline {
    /// The total length of the polyline.
    public static func length(_ points: [Point]) -> Double {
        var total = 0.0
        for i in points.indices.dropFirst() { total += points[i - 1].distance(to: points[i]) }
        return total
    }

    /// The polyline without repeated points and without interior points lying on the straight
    /// line between their neighbours (within `tolerance`), so that straight runs are one segment.
    public static func simplified(_ points: [Point], tolerance: Double = 1e-6) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for p in points {
            if let last = out.last, last.distance(to: p) <= tolerance { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                let cross = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x)
                let dot = (b.x - a.x) * (p.x - b.x) + (b.y - a.y) * (p.y - b.y)
                if abs(cross) <= tolerance * max(1, a.distance(to: p)) && dot >= 0 { out[out.count - 1] = p; continue }
            }
            out.append(p)
        }
        return out
    }

    /// Whether segments `a1a2` and `b1b2` cross at a single point interior to both. Segments that
    /// only touch (an end on the other segment) or are collinear do not cross.
    public static func segmentsCross(_ a1: Point, _ a2: Point, _ b1: Point, _ b2: Point) -> Bool {
        intersection(a1, a2, b1, b2) != nil
    }

    /// The crossing point of segments `a1a2` and `b1b2` when they cross properly (see `segmentsCross`).
    public static func intersection(_ a1: Point, _ a2: Point, _ b1: Point, _ b2: Point) -> Point? {
        let d1 = orientation(b1, b2, a1), d2 = orientation(b1, b2, a2)
        let d3 = orientation(a1, a2, b1), d4 = orientation(a1, a2, b2)
        guard d1 * d2 < 0, d3 * d4 < 0 else { return nil }
        let t = d1 / (d1 - d2)
        return a1.interpolated(to: a2, t)
    }

    /// Twice the signed area of triangle `abc`: positive when `c` lies to the left of `ab`.
    static func orientation(_ a: Point, _ b: Point, _ c: Point) -> Double {
        (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)
    }

    /// Cubic Bézier control points for a smooth curve through every point of `points`
    /// (a Catmull–Rom spline), suitable for an SVG path `M p0 C c1 c2 p1 C …`. The tangents at
    /// both ends follow the first and last segments, so arrowheads keep their direction.
    public static func smoothCubicBezier(through points: [Point], tension: Double = 0.5) -> [Point] {
        guard points.count > 2 else {
            guard points.count == 2 else { return points }
            return [points[0], points[0].interpolated(to: points[1], 1.0 / 3), points[0].interpolated(to: points[1], 2.0 / 3), points[1]]
        }
        var out: [Point] = [points[0]]
        out.reserveCapacity(3 * points.count)
        let n = points.count
        for i in 0..<(n - 1) {
            let p0 = points[max(0, i - 1)], p1 = points[i], p2 = points[i + 1], p3 = points[min(n - 1, i + 2)]
            // Tangents are limited to a third of each adjacent segment, which keeps the curve
            // close to the polyline (no overshoot into neighbouring nodes).
            let k = tension / 3
            var c1 = p1 + (p2 - p0) * k
            var c2 = p2 - (p3 - p1) * k
            if i == 0 { c1 = p1.interpolated(to: p2, 1.0 / 3) }
            if i == n - 2 { c2 = p2.interpolated(to: p1, 1.0 / 3) }
            out.append(clampNear(c1, p1, p2))
            out.append(clampNear(c2, p2, p1))
            out.append(p2)
        }
        return out
    }

    /// `c` pulled back towards `anchor` so that it stays within half the segment length.
    private static func clampNear(_ c: Point, _ anchor: Point, _ other: Point) -> Point {
        let limit = anchor.distance(to: other) / 2
        let d = anchor.distance(to: c)
        return d <= limit || d == 0 ? c : anchor.interpolated(to: c, limit / d)
    }

    /// A polyline approximating the cubic Bézier path `controlPoints` (3n + 1 points), with
    /// `steps` segments per curve.
    public static func sampleCubicBezier(_ controlPoints: [Point], steps: Int = 8) -> [Point] {
        guard controlPoints.count >= 4 else { return controlPoints }
        var out: [Point] = [controlPoints[0]]
        var i = 0
        while i + 3 < controlPoints.count {
            let p0 = controlPoints[i], p1 = controlPoints[i + 1], p2 = controlPoints[i + 2], p3 = controlPoints[i + 3]
            for s in 1...max(1, steps) {
                let t = Double(s) / Double(max(1, steps)), u = 1 - t
                let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, d = t * t * t
                out.append(Point(x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y))
            }
            i += 3
        }
        return out
    }
}
