import BatonLayout
import Foundation

/// How a line is stroked: SVG's stroke attributes, in device pixels.
struct StrokeStyle: Sendable {
    var width: Double
    /// Dash and gap lengths (SVG `stroke-dasharray`), nil for solid.
    var dash: [Double]?
    var roundCaps = false
    var roundJoins = false
    /// SVG's default `stroke-miterlimit`: a sharper corner is bevelled.
    static let miterLimit = 4.0
}

/// A stroke turned into polygons to fill: each piece of a line (a dash, or a whole subpath)
/// becomes one outline — its left side forward, the end cap, its right side back, the start
/// cap — and a closed subpath two rings, its outer and inner sides, wound opposite ways.
///
/// At a corner the outer side gets the join (mitred, bevelled beyond the miter limit, or
/// round) and the inner side runs through the corner point itself, as Skia's and cairo's
/// strokers do: the little loop that makes lies inside the stroke and winds the same way, so
/// the nonzero rule fills the union with one outline's exact edges — no piece overlaps another
/// and adds its coverage twice at a shared edge. Pieces are wound alike, so that overlapping
/// dashes add up instead of cancelling.
enum RasterStroke {
    static func polygons(_ subpaths: [RasterPath.Subpath], style: StrokeStyle) -> [[Point]] {
        let halfWidth = style.width / 2
        guard halfWidth > 0, halfWidth.isFinite else { return [] }
        var out: [[Point]] = []
        let pattern = style.dash.flatMap(RasterDash.pattern)
        for subpath in subpaths {
            let points = deduplicated(subpath.points, closed: subpath.closed)
            if let pattern {
                for dash in RasterDash.dashes(points, closed: subpath.closed, pattern: pattern) {
                    outline(deduplicated(dash, closed: false), closed: false, halfWidth: halfWidth, style: style, into: &out)
                }
            } else {
                outline(points, closed: subpath.closed && points.count > 2, halfWidth: halfWidth, style: style, into: &out)
            }
        }
        return out
    }

    /// Points without repeats (which have no direction); a closed subpath also loses a last
    /// point equal to its first.
    static func deduplicated(_ points: [Point], closed: Bool) -> [Point] {
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for point in points where point.x.isFinite && point.y.isFinite {
            if let last = out.last, abs(last.x - point.x) < 1e-9, abs(last.y - point.y) < 1e-9 { continue }
            out.append(point)
        }
        if closed, out.count > 1, let first = out.first, let last = out.last,
           abs(last.x - first.x) < 1e-9, abs(last.y - first.y) < 1e-9 {
            out.removeLast()
        }
        return out
    }

    private static func outline(_ points: [Point], closed: Bool, halfWidth: Double, style: StrokeStyle, into out: inout [[Point]]) {
        guard let first = points.first, let last = points.last else { return }
        if points.count == 1 {
            // A zero-length piece: a dot with round caps, nothing with butt caps (as in SVG).
            if style.roundCaps { out.append(disc(first, radius: halfWidth)) }
            return
        }
        let count = points.count
        let segments = closed ? count : count - 1
        var directions: [Point] = []
        directions.reserveCapacity(segments)
        for index in 0..<segments {
            let a = points[index], b = points[(index + 1) % count]
            let length = a.distance(to: b)
            directions.append(Point(x: (b.x - a.x) / length, y: (b.y - a.y) / length))
        }
        // The left side (offset by +n, n = (−d.y, d.x)) and the right side (−n), both forward.
        var left: [Point] = [], right: [Point] = []
        left.reserveCapacity(2 * count + 2)
        right.reserveCapacity(2 * count + 2)
        if !closed {
            left.append(first + normal(directions[0], halfWidth))
            right.append(first - normal(directions[0], halfWidth))
        }
        for vertex in closed ? 0..<count : 1..<count - 1 {
            let incoming = directions[(vertex + segments - 1) % segments], outgoing = directions[vertex % segments]
            join(points[vertex], incoming, outgoing, side: halfWidth, style: style, into: &left)
            join(points[vertex], incoming, outgoing, side: -halfWidth, style: style, into: &right)
        }
        if closed {
            // Two rings, wound opposite ways: the band between them is the stroke.
            let leftArea = signedArea(left), rightArea = signedArea(right)
            let (outer, inner) = abs(leftArea) >= abs(rightArea) ? (left, right) : (right, left)
            out.append(signedArea(outer) >= 0 ? outer : outer.reversed())
            out.append(signedArea(inner) >= 0 ? inner.reversed() : inner)
            return
        }
        let end = directions[segments - 1]
        left.append(last + normal(end, halfWidth))
        right.append(last - normal(end, halfWidth))
        var polygon = left
        if style.roundCaps { polygon += halfTurn(around: last, along: end, halfWidth: halfWidth, ahead: true) }
        polygon += right.reversed()
        if style.roundCaps { polygon += halfTurn(around: first, along: directions[0], halfWidth: halfWidth, ahead: false) }
        add(polygon, into: &out)
    }

    @inline(__always)
    private static func normal(_ d: Point, _ length: Double) -> Point {
        Point(x: -d.y * length, y: d.x * length)
    }

    /// The points of one side (offset `side` along the normal; negative for the right) around a
    /// corner at `vertex`.
    private static func join(_ vertex: Point, _ d0: Point, _ d1: Point, side: Double, style: StrokeStyle, into points: inout [Point]) {
        let cross = d0.x * d1.y - d0.y * d1.x, dot = d0.x * d1.x + d0.y * d1.y
        let p0 = vertex + normal(d0, side), p1 = vertex + normal(d1, side)
        if abs(cross) < 1e-9, dot > 0 {  // straight on
            points.append(p0)
            return
        }
        // The path turns towards the side of +n when the cross product is positive: that side
        // is then the inner one. (A turn right back counts the left side as the outer one.)
        let inner = abs(cross) < 1e-9 ? side < 0 : (cross > 0) == (side > 0)
        if inner {
            points += [p0, vertex, p1]
            return
        }
        let halfWidth = abs(side)
        if style.roundJoins {
            let a0 = atan2(p0.y - vertex.y, p0.x - vertex.x)
            var a1 = atan2(p1.y - vertex.y, p1.x - vertex.x)
            // The outer way round from p0 to p1: the short way, or half a turn.
            if a1 - a0 > .pi { a1 -= 2 * .pi } else if a0 - a1 > .pi { a1 += 2 * .pi }
            let n = arcSteps(halfWidth, sweep: abs(a1 - a0))
            for step in 0...n {
                let angle = a0 + (a1 - a0) * Double(step) / Double(n)
                points.append(Point(x: vertex.x + halfWidth * cos(angle), y: vertex.y + halfWidth * sin(angle)))
            }
            return
        }
        // cos(θ/2) for a turn of θ; the miter reaches halfWidth / cos(θ/2) from the vertex.
        let halfCos = ((1 + dot) / 2).squareRoot()
        let bx = (p0.x + p1.x) / 2 - vertex.x, by = (p0.y + p1.y) / 2 - vertex.y
        let length = (bx * bx + by * by).squareRoot()
        if halfCos > 1 / StrokeStyle.miterLimit, length > 1e-12 {
            let reach = halfWidth / halfCos
            points += [p0, Point(x: vertex.x + bx / length * reach, y: vertex.y + by / length * reach), p1]
        } else {
            points += [p0, p1]
        }
    }

    /// The points strictly between the two sides of a round cap at `center`, for a line running
    /// along `d`: the half circle ahead of the end (`ahead`) or behind the start.
    private static func halfTurn(around center: Point, along d: Point, halfWidth: Double, ahead: Bool) -> [Point] {
        let n = arcSteps(halfWidth, sweep: .pi)
        guard n > 1 else { return [] }
        let direction = atan2(d.y, d.x)
        let start = ahead ? direction + .pi / 2 : direction - .pi / 2
        return (1..<n).map { step in
            let angle = start - .pi * Double(step) / Double(n)
            return Point(x: center.x + halfWidth * cos(angle), y: center.y + halfWidth * sin(angle))
        }
    }

    /// A full circle as a polygon.
    static func disc(_ center: Point, radius: Double) -> [Point] {
        let n = max(8, arcSteps(radius, sweep: 2 * .pi))
        var points: [Point] = []
        points.reserveCapacity(n)
        for step in 0..<n {
            let angle = 2 * .pi * Double(step) / Double(n)
            points.append(Point(x: center.x + radius * cos(angle), y: center.y + radius * sin(angle)))
        }
        return points
    }

    static func arcSteps(_ radius: Double, sweep: Double) -> Int {
        guard radius > RasterPath.tolerance, sweep.isFinite else { return 1 }
        let step = 2 * acos(1 - RasterPath.tolerance / radius)
        return min(RasterPath.maximumChords, max(1, Int((sweep / step).rounded(.up))))
    }

    /// Adds a polygon wound positively (its signed area above zero in device coordinates), so
    /// that overlapping pieces add up instead of cancelling; a polygon with no area is dropped.
    static func add(_ polygon: [Point], into out: inout [[Point]]) {
        let area = signedArea(polygon)
        guard abs(area) > 1e-12 else { return }
        out.append(area > 0 ? polygon : polygon.reversed())
    }

    static func signedArea(_ polygon: [Point]) -> Double {
        guard var previous = polygon.last else { return 0 }
        var sum = 0.0
        for point in polygon {
            sum += previous.x * point.y - point.x * previous.y
            previous = point
        }
        return sum / 2
    }
}
