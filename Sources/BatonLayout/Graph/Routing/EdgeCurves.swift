// Smooth versions of the routes, for drawing: cubic Bézier paths along the same polylines, with
// every bend rounded off over at most `radius` on either side, and the last stretch before each
// end (where an arrowhead or Baton's initiator dot sits) kept straight. Rounding cuts a bend's
// corner by a fraction of the radius, far less than the room corridors keep around obstacles.
// Self-loops become one round loop as deep as the route's.
//
// Every curve leaves a bend's straight pieces along their direction, so the path has no corner
// (its tangent is continuous), and reaches as far along both, so it turns evenly. Next to a
// straight end a bend has only the end piece's length beyond `straightEnds` (the arrowhead's
// length); a bend with no room at all would be a corner.
enum EdgeCurves {
    /// Control points `[p0, c1, c2, p1, c1, c2, p2, …]` for a route.
    static func curve(forRoute route: [Point], isSelfLoop: Bool, radius: Double, straightEnds: Double) -> [Point] {
        guard route.count >= 2 else { return route }
        if isSelfLoop && route.count == 4 {
            // A loop [start, (x0, outer), (x1, outer), end] below its node (layout space): a
            // symmetric cubic reaches 3/4 of its control points' depth.
            let start = route[0], end = route[3], outer = route[1].y
            let depth = (outer - (start.y + end.y) / 2) * 4 / 3
            let flare = (route[2].x - route[1].x) / 2
            return [start, Point(x: route[1].x - flare, y: start.y + depth), Point(x: route[2].x + flare, y: end.y + depth), end]
        }
        var out = [route[0]]
        out.reserveCapacity(6 * route.count)
        func straight(to b: Point) {
            let a = out[out.count - 1]
            out.append(a.interpolated(to: b, 1.0 / 3))
            out.append(a.interpolated(to: b, 2.0 / 3))
            out.append(b)
        }
        let last = route.count - 1
        for i in 1..<last {
            let a = route[i - 1], p = route[i], b = route[i + 1]
            let lengthA = p.distance(to: a), lengthB = p.distance(to: b)
            var reachA = min(radius, lengthA / 2), reachB = min(radius, lengthB / 2)
            if i == 1 { reachA = min(radius, max(0, lengthA - straightEnds)) }
            if i + 1 == last { reachB = min(radius, max(0, lengthB - straightEnds)) }
            // As far on both sides: a round bend. One side short and the other long would make
            // a hook, turning on the spot at the short side's end.
            reachA = min(reachA, reachB)
            reachB = reachA
            guard lengthA > 0, lengthB > 0, reachA > 0 else { straight(to: p); continue }
            let q = p.interpolated(to: a, reachA / lengthA), s = p.interpolated(to: b, reachB / lengthB)
            // Handles that make the cubic a near-circular arc: (4/3)·tan(θ/4)/tan(θ/2) of the
            // reach for a turn by θ (2/3 for a slight turn, 0.55 for a right angle).
            let turn = ((p.x - a.x) * (b.x - p.x) + (p.y - a.y) * (b.y - p.y)) / (lengthA * lengthB)
            let handle = 4.0 / 3 / (1 + (2 / max(1e-9, 1 + turn)).squareRoot())
            if q != out[out.count - 1] { straight(to: q) }
            out.append(q.interpolated(to: p, handle))
            out.append(s.interpolated(to: p, handle))
            out.append(s)
        }
        straight(to: route[last])
        return out
    }
}
