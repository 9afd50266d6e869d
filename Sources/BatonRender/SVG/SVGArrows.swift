import BatonLayout

/// Lines with their end decorations.
///
/// Markers are drawn as ordinary shapes rather than SVG `<marker>` elements: SVG 1.1 markers
/// cannot take the colour of the line they sit on, need ids that collide between diagrams on a
/// page, and are the part of SVG that sanitizers and converters most often get wrong.
enum SVGArrows {
    static let headLength = 10.0
    static let headHalfWidth = 4.5
    static let batonRadius = 4.0

    /// What a line draws: its stroked points (shortened where a filled head begins) and the
    /// marks on its ends. The PDF writer draws the same geometry.
    struct Geometry {
        var points: [Point]
        var isBezier: Bool
        var marks: [Mark]
    }

    static func geometry(_ line: SceneLine) -> Geometry? {
        var points = line.path.points
        guard points.count >= 2 else { return nil }
        let isBezier: Bool
        if case .bezier = line.path { isBezier = true } else { isBezier = false }
        let startMarks = marks(at: points[0], from: points[1], end: line.start)
        let endMarks = marks(at: points[points.count - 1], from: points[points.count - 2], end: line.end)
        // The stroke stops where an arrowhead begins, so that a dashed or dotted line never
        // shows through the head's point (or inside a hollow head).
        // On a curve, a control point within the part cut off moves with the end, so that the
        // last piece keeps its direction instead of doubling back (a cusp some renderers draw
        // with a gap); control points further away stay, so that the curve keeps its shape.
        // Under a hollow head nothing may stick out past the cut, so both control points of the
        // last piece that lie within the part cut off stop at the cut instead.
        func shorten(end: Int, controls: [Int], to cut: Point, hollow: Bool) {
            let reach = cut.distance(to: points[end]) + 1
            if isBezier {
                for control in hollow ? controls : [controls[0]] where points[control].distance(to: points[end]) <= reach {
                    points[control] = hollow ? cut : points[control] + (cut - points[end])
                }
            }
            points[end] = cut
        }
        let last = points.count - 1
        if let cut = startMarks.strokeEnd {
            shorten(end: 0, controls: [1, min(2, last)], to: cut, hollow: line.start.arrowhead == .open)
        }
        if let cut = endMarks.strokeEnd {
            shorten(end: last, controls: [last - 1, max(0, last - 2)], to: cut, hollow: line.end.arrowhead == .open)
        }
        return Geometry(points: points, isBezier: isBezier, marks: startMarks.shapes + endMarks.shapes)
    }

    static func write(_ line: SceneLine, theme: Theme, into out: inout SVGOutput) {
        let paint = theme.linePaint(line.role)
        guard let geometry = geometry(line) else { return }
        let points = geometry.points, isBezier = geometry.isBezier

        out.line("<path d=\"M")
        out.point(points[0])
        if isBezier {
            var index = 1
            while index + 2 < points.count {
                out.raw("C")
                out.point(points[index])
                out.raw(" ")
                out.point(points[index + 1])
                out.raw(" ")
                out.point(points[index + 2])
                index += 3
            }
        } else {
            for point in points.dropFirst() {
                out.raw("L")
                out.point(point)
            }
        }
        out.raw("\" fill=\"none\"")
        out.attribute("stroke", paint.stroke)
        out.attribute("stroke-width", paint.width)
        if let dash = paint.dash { out.attribute("stroke-dasharray", dash) }
        if paint.roundCaps { out.raw(" stroke-linecap=\"round\"") }
        if paint.roundJoins { out.raw(" stroke-linejoin=\"round\"") }
        out.raw("/>\n")
        for mark in geometry.marks {
            write(mark, color: paint.stroke, width: paint.width, into: &out)
        }
    }

    enum Mark {
        case dot(Point)
        case filledHead(tip: Point, left: Point, right: Point)
        /// A triangle's outline (the line stops at its base).
        case openHead(tip: Point, left: Point, right: Point)
    }

    /// The decorations at `point`, where the line arrives from `previous`, and where the stroke
    /// should stop instead (nil: at `point`).
    static func marks(at point: Point, from previous: Point, end: LineEnd) -> (shapes: [Mark], strokeEnd: Point?) {
        var shapes: [Mark] = []
        var strokeEnd: Point?
        let dx = point.x - previous.x, dy = point.y - previous.y
        let length = (dx * dx + dy * dy).squareRoot()
        let ux = length > 0 ? dx / length : 1, uy = length > 0 ? dy / length : 0
        if end.baton { shapes.append(.dot(point)) }
        if let head = end.arrowhead {
            // With the baton on the same end, the head's tip touches the dot instead of the line's end.
            let back = end.baton ? batonRadius : 0
            let tip = Point(x: point.x - ux * back, y: point.y - uy * back)
            let base = Point(x: tip.x - ux * headLength, y: tip.y - uy * headLength)
            let left = Point(x: base.x - uy * headHalfWidth, y: base.y + ux * headHalfWidth)
            let right = Point(x: base.x + uy * headHalfWidth, y: base.y - ux * headHalfWidth)
            switch head {
            case .filled:
                shapes.append(.filledHead(tip: tip, left: left, right: right))
                strokeEnd = Point(x: base.x + ux, y: base.y + uy)
            case .open:
                // A hollow triangle, as Graphviz draws `onormal`: the DOT export and the drawing
                // show the same head. The line stops at its base.
                shapes.append(.openHead(tip: tip, left: left, right: right))
                strokeEnd = base
            }
        }
        return (shapes, strokeEnd)
    }

    private static func write(_ mark: Mark, color: String, width: Double, into out: inout SVGOutput) {
        switch mark {
        case .dot(let center):
            out.line("<circle")
            out.attribute("cx", center.x)
            out.attribute("cy", center.y)
            out.attribute("r", batonRadius)
            out.attribute("fill", color)
            out.raw("/>\n")
        case .filledHead(let tip, let left, let right):
            out.line("<path d=\"M")
            out.point(tip)
            out.raw("L")
            out.point(left)
            out.raw("L")
            out.point(right)
            out.raw("Z\"")
            out.attribute("fill", color)
            out.raw("/>\n")
        case .openHead(let tip, let left, let right):
            out.line("<path d=\"M")
            out.point(left)
            out.raw("L")
            out.point(tip)
            out.raw("L")
            out.point(right)
            out.raw("Z\" fill=\"none\"")
            out.attribute("stroke", color)
            out.attribute("stroke-width", width)
            out.raw(" stroke-linejoin=\"miter\"/>\n")
        }
    }
}
