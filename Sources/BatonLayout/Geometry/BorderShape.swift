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
    /// A horizontal cylinder in the frame less `fan` on the right, followed by a fan that reaches
    /// the frame's right side within `spread` of the middle (a topic: its copies leave there).
    case fannedCylinder(cap: Double, fan: Double, spread: Double)
    /// A person: a round head of radius `head` centred at the top, over a body (a rounded
    /// rectangle) that starts just below the head and fills the rest of the frame.
    case person(head: Double)

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
        case .fannedCylinder(let cap, let fan, let spread):
            let f = min(max(0, fan), frame.width)
            if p.x >= frame.maxX - f { return dy <= max(0, spread) }
            let barrel = Rect(x: frame.minX, y: frame.minY, width: frame.width - f, height: frame.height)
            return BorderShape.horizontalCylinder(cap: cap).contains(p, in: barrel)
        case .person(let head):
            let body = Self.personBody(head: head, in: frame)
            if p.y >= body.minY { return BorderShape.roundedRectangle(radius: min(10, body.height / 2)).contains(p, in: body) }
            let r = min(max(0, head), hw), cy = frame.minY + r
            let ex = p.x - frame.midX, ey = p.y - cy
            return ex * ex + ey * ey <= r * r + 1e-9
        }
    }

    /// A person's body: the frame below the head (and a one-point neck).
    static func personBody(head: Double, in frame: Rect) -> Rect {
        let top = min(frame.maxY, frame.minY + 2 * max(0, head) + 1)
        return Rect(x: frame.minX, y: top, width: frame.width, height: frame.maxY - top)
    }

    /// Where edges may meet the outline along one axis: the y interval of the left and right
    /// sides (`vertical`), or the x interval of the top and bottom sides. It is the whole frame
    /// except for a person's left and right sides, where edges should meet the body, not the
    /// air beside the head.
    public func portRange(vertical: Bool, in frame: Rect) -> ClosedRange<Double> {
        guard vertical else { return frame.minX...frame.maxX }
        if case .person(let head) = self {
            let body = Self.personBody(head: head, in: frame)
            return body.minY...max(body.minY, body.maxY)
        }
        return frame.minY...frame.maxY
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
