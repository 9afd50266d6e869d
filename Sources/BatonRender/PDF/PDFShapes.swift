import BatonLayout

/// Closed shapes and lines with their ends, drawn as PDF paths with the SVG writer's geometry
/// (SVGShapes, SVGArrows): the same outlines, the same arrowheads and baton dots, the same
/// theme paint. Arcs and rounded corners become cubic Béziers, PDF's only curve.
enum PDFShapes {
    static func write(_ shape: SceneShape, theme: Theme, into out: inout PDFContent) {
        let paint = theme.shapePaint(shape.role)
        let f = shape.frame
        func closed(_ draw: (inout PDFContent) -> Void) { shapePath(paint, fill: true, into: &out, draw) }
        func open(_ draw: (inout PDFContent) -> Void) { shapePath(paint, fill: false, into: &out, draw) }
        switch shape.kind {
        case .rectangle:
            closed { $0.rectangle(f, radius: 0) }
        case .roundedRectangle(let radius):
            closed { $0.rectangle(f, radius: radius) }
        case .ellipse:
            closed { $0.ellipse(center: Point(x: f.midX, y: f.midY), rx: f.width / 2, ry: f.height / 2) }
        case .polygon(let points):
            closed { $0.polygon(points) }
        case .person:
            let r = ShapeKind.personHeadRadius
            closed { $0.ellipse(center: Point(x: f.midX, y: f.minY + r), rx: r, ry: r) }
            let body = Rect(x: f.minX, y: f.minY + 2 * r + 1, width: f.width, height: f.height - 2 * r - 1)
            closed { $0.rectangle(body, radius: min(10, body.height / 2)) }
        case .cylinder:
            cylinder(f, paint, into: &out)
        case .barrel:
            barrel(f, paint, into: &out)
        case .fannedBarrel:
            barrel(ShapeKind.fanBarrel(f), paint, into: &out)
            let rays = ShapeKind.fanRays(f)
            open { content in
                for ray in rays {
                    content.move(ray.from)
                    content.line(ray.to)
                }
            }
        case .hexagon:
            closed { $0.polygon(ShapeKind.hexagon(f)) }
        case .note:
            let fold = min(8, f.width / 2, f.height / 2)
            closed {
                $0.polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX - fold, y: f.minY), Point(x: f.maxX, y: f.minY + fold),
                            Point(x: f.maxX, y: f.maxY), Point(x: f.minX, y: f.maxY)])
            }
            open {
                $0.move(Point(x: f.maxX - fold, y: f.minY))
                $0.line(Point(x: f.maxX - fold, y: f.minY + fold))
                $0.line(Point(x: f.maxX, y: f.minY + fold))
            }
        case .tab:
            let cut = min(6, f.width / 2, f.height / 2)
            closed {
                $0.polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX, y: f.minY), Point(x: f.maxX, y: f.maxY - cut),
                            Point(x: f.maxX - cut, y: f.maxY), Point(x: f.minX, y: f.maxY)])
            }
        }
    }

    /// A database: the body with its bottom rim, then the near half of the lid on top.
    private static func cylinder(_ f: Rect, _ paint: ShapePaint, into out: inout PDFContent) {
        let ry = ShapeKind.cylinderLidRadius(height: f.height), rx = f.width / 2
        let top = f.minY + ry, bottom = f.maxY - ry
        shapePath(paint, fill: true, into: &out) {
            $0.move(Point(x: f.minX, y: top))
            $0.line(Point(x: f.minX, y: bottom))
            $0.arc(center: Point(x: f.midX, y: bottom), rx: rx, ry: ry, from: .pi, to: 0)
            $0.line(Point(x: f.maxX, y: top))
            $0.arc(center: Point(x: f.midX, y: top), rx: rx, ry: ry, from: 0, to: -.pi)
            $0.close()
        }
        shapePath(paint, fill: false, into: &out) {
            $0.move(Point(x: f.minX, y: top))
            $0.arc(center: Point(x: f.midX, y: top), rx: rx, ry: ry, from: .pi, to: 0)
        }
    }

    /// A queue: a cylinder lying on its side, its outlet (the right cap) facing the reader.
    private static func barrel(_ f: Rect, _ paint: ShapePaint, into out: inout PDFContent) {
        let rx = ShapeKind.barrelCapRadius(width: f.width), ry = f.height / 2
        let left = f.minX + rx, right = f.maxX - rx
        shapePath(paint, fill: true, into: &out) {
            $0.move(Point(x: left, y: f.minY))
            $0.line(Point(x: right, y: f.minY))
            $0.arc(center: Point(x: right, y: f.midY), rx: rx, ry: ry, from: -.pi / 2, to: .pi / 2)
            $0.line(Point(x: left, y: f.maxY))
            $0.arc(center: Point(x: left, y: f.midY), rx: rx, ry: ry, from: .pi / 2, to: 3 * .pi / 2)
            $0.close()
        }
        shapePath(paint, fill: false, into: &out) {
            $0.move(Point(x: right, y: f.minY))
            $0.arc(center: Point(x: right, y: f.midY), rx: rx, ry: ry, from: -.pi / 2, to: -3 * .pi / 2)
        }
    }

    /// One path painted with a shape's paint (`fill: false` strokes only, like an SVG path
    /// with `fill="none"`).
    private static func shapePath(_ paint: ShapePaint, fill: Bool, into out: inout PDFContent,
                                  _ draw: (inout PDFContent) -> Void) {
        out.op("q")
        let filled = fill && out.fill(paint.fill)
        if filled, let alpha = paint.fillOpacity { out.fillOpacity(alpha) }
        let stroked = out.stroke(paint.stroke, width: paint.strokeWidth, dash: paint.dash)
        draw(&out)
        out.paint(filled: filled, stroked: stroked)
        out.op("Q")
    }

    private static func dot(_ center: Point, radius: Double, color: String, into out: inout PDFContent) {
        out.op("q")
        let filled = out.fill(color)
        out.ellipse(center: center, rx: radius, ry: radius)
        out.paint(filled: filled, stroked: false)
        out.op("Q")
    }

    // MARK: - Lines

    static func write(_ line: SceneLine, theme: Theme, into out: inout PDFContent) {
        let paint = theme.linePaint(line.role)
        guard let geometry = SVGArrows.geometry(line) else { return }
        let points = geometry.points
        out.op("q")
        let stroked = out.stroke(paint.stroke, width: paint.width, dash: paint.dash, roundCaps: paint.roundCaps,
                                 roundJoins: paint.roundJoins)
        out.move(points[0])
        if geometry.isBezier {
            var index = 1
            while index + 2 < points.count {
                out.curve(points[index], points[index + 1], points[index + 2])
                index += 3
            }
        } else {
            for point in points.dropFirst() { out.line(point) }
        }
        out.paint(filled: false, stroked: stroked)
        out.op("Q")
        for mark in geometry.marks {
            switch mark {
            case .dot(let center):
                dot(center, radius: SVGArrows.batonRadius, color: paint.stroke, into: &out)
            case .filledHead(let tip, let left, let right):
                out.op("q")
                let filled = out.fill(paint.stroke)
                out.polygon([tip, left, right])
                out.paint(filled: filled, stroked: false)
                out.op("Q")
            case .openHead(let tip, let left, let right):
                out.op("q")
                let stroked = out.stroke(paint.stroke, width: paint.width, dash: nil)
                out.polygon([left, tip, right])
                out.paint(filled: false, stroked: stroked)
                out.op("Q")
            }
        }
    }
}
