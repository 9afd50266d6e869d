import BatonLayout

/// Closed shapes and lines with their ends, drawn as PDF paths with the SVG writer's geometry
/// (SVGShapes, SVGArrows): the same outlines, the same arrowheads and baton dots, the same
/// theme paint. Arcs and rounded corners become cubic Béziers, PDF's only curve.
enum PDFShapes {
    static func write(_ shape: SceneShape, theme: Theme, into out: inout PDFContent) {
        let paint = theme.shapePaint(shape.role)
        ShapeOutlines.pieces(of: shape) { filled, draw in shapePath(paint, fill: filled, into: &out, draw) }
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
