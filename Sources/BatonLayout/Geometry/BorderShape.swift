// The outline of a node inside its frame, so that edges can end exactly on it.

/// A node's outline. Every shape fills its frame's bounding box: the frame is the shape's
/// bounding box, and `contains` decides which points of the frame are inside the outline.
public enum BorderShape: Hashable, Sendable {
    case rectangle
    /// A rectangle whose corners are quarter circles of the given radius.
    case roundedRectangle(radius: Double)
    /// The ellipse inscribed in the frame.
    case ellipse
    /// A hexagon with points on the left and right: the top and bottom sides are shorter than
    /// the frame's width by `inset` at each end.
    case hexagon(inset: Double)
    /// An upright cylinder (a store): straight sides, elliptical top and bottom of height `2 * cap`.
    case cylinder(cap: Double)
    /// A cylinder lying on its side (a queue): elliptical ends of width `2 * cap` on the left and right.
    case horizontalCylinder(cap: Double)

    /// Whether `p` lies inside the outline (or on it) when the node occupies `frame`.
    public func contains(_ p: Point, in frame: Rect) -> Bool {
        guard frame.contains(p) else { return false }
        let hw = frame.width / 2, hh = frame.height / 2
        let dx = abs(p.x - frame.midX), dy = abs(p.y - frame.midY)
        switch self {
        case .rectangle:
            return true
        case .roundedRectangle(let radius):
            let r = min(max(0, radius), hw, hh)
            let cx = hw - r, cy = hh - r
            if dx <= cx || dy <= cy { return true }
            let ex = dx - cx, ey = dy - cy
            return ex * ex + ey * ey <= r * r
        case .ellipse:
            guard hw > 0, hh > 0 else { return dx <= hw && dy <= hh }
            let u = dx / hw, v = dy / hh
            return u * u + v * v <= 1 + 1e-12
        case .hexagon(let inset):
            let i = min(max(0, inset), hw)
            guard hh > 0 else { return true }
            return dx <= hw - i * (dy / hh) + 1e-12
        case .cylinder(let cap):
            let c = min(max(0, cap), hh)
            if dy <= hh - c || c == 0 { return true }
            let u = hw > 0 ? dx / hw : 0, v = (dy - (hh - c)) / c
            return u * u + v * v <= 1 + 1e-12
        case .horizontalCylinder(let cap):
            let c = min(max(0, cap), hw)
            if dx <= hw - c || c == 0 { return true }
            let u = (dx - (hw - c)) / c, v = hh > 0 ? dy / hh : 0
            return u * u + v * v <= 1 + 1e-12
        }
    }

    /// Where the segment from `inside` (a point inside the outline) to `outside` (a point
    /// outside it) leaves the outline. Found by bisection to well below a thousandth of a point,
    /// which is exact for drawing purposes and works the same for every shape.
    /// If `outside` is in fact inside, it is returned unchanged.
    public func exitPoint(from inside: Point, toward outside: Point, in frame: Rect) -> Point {
        if contains(outside, in: frame) { return outside }
        var lo = 0.0, hi = 1.0
        for _ in 0..<48 {
            let mid = (lo + hi) / 2
            if contains(inside.interpolated(to: outside, mid), in: frame) { lo = mid } else { hi = mid }
        }
        return inside.interpolated(to: outside, (lo + hi) / 2)
    }

    /// The point where the ray from the frame's centre through `toward` meets the outline.
    public func borderPoint(toward target: Point, in frame: Rect) -> Point {
        let c = frame.center
        let d = target - c
        let len = (d.x * d.x + d.y * d.y).squareRoot()
        guard len > 0 else { return Point(x: frame.maxX, y: c.y) }
        let reach = frame.width + frame.height + 1
        return exitPoint(from: c, toward: c + d * (reach / len), in: frame)
    }
}
