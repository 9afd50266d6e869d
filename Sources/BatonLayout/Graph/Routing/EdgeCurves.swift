// Smooth versions of the routes, for drawing: cubic Bézier paths along the same polylines, with
// every bend rounded off over at most `radius` on either side, and the last stretch before each
// end (where an arrowhead or Baton's initiator dot sits) kept straight. Rounding cuts a bend's
// corner by a fraction of the radius, far less than the room corridors keep around obstacles.
// Self-loops become one round loop as deep as the route's.

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
            if i == 1 { reachA = min(reachA, max(0, lengthA - straightEnds)) }
            if i + 1 == last { reachB = min(reachB, max(0, lengthB - straightEnds)) }
            guard reachA > 0, reachB > 0 else { straight(to: p); continue }
            let q = p.interpolated(to: a, reachA / lengthA), s = p.interpolated(to: b, reachB / lengthB)
            if q != out[out.count - 1] { straight(to: q) }
            out.append(q.interpolated(to: p, 2.0 / 3))
            out.append(s.interpolated(to: p, 2.0 / 3))
            out.append(s)
        }
        straight(to: route[last])
        return out
    }
}
