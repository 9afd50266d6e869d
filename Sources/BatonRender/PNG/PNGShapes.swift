import BatonLayout

/// Closed shapes and lines with their ends, as figures: the SVG writer's geometry (SVGShapes,
/// SVGArrows) and paint, drawn in the PDF writer's order (PDFShapes) — the fill, then the
/// stroke on top, each outline starting where SVG's element starts it, so dashes fall where
/// they fall in the SVG.
enum PNGShapes {
    static func write(_ shape: SceneShape, theme: Theme, into canvas: inout PNGCanvas) {
        let paint = theme.shapePaint(shape.role)
        ShapeOutlines.pieces(of: shape) { filled, draw in shapePath(paint, fill: filled, into: &canvas, draw) }
    }

    /// One path painted with a shape's paint (`fill: false` strokes only, like an SVG path
    /// with `fill="none"`).
    private static func shapePath(_ paint: ShapePaint, fill: Bool, into canvas: inout PNGCanvas,
                                  _ draw: (inout RasterPath) -> Void) {
        let path = canvas.path(draw)
        if fill { canvas.fill(path, RasterColor(paint.fill, opacity: paint.fillOpacity)) }
        canvas.stroke(path, RasterColor(paint.stroke), canvas.style(width: paint.strokeWidth, dash: paint.dash))
    }

    private static func dot(_ center: Point, radius: Double, color: String, into canvas: inout PNGCanvas) {
        canvas.fill(canvas.path { $0.ellipse(center: center, rx: radius, ry: radius) }, RasterColor(color))
    }

    // MARK: - Lines

    static func write(_ line: SceneLine, theme: Theme, into canvas: inout PNGCanvas) {
        let paint = theme.linePaint(line.role)
        guard let geometry = SVGArrows.geometry(line) else { return }
        let points = geometry.points
        let path = canvas.path { path in
            path.move(points[0])
            if geometry.isBezier {
                var index = 1
                while index + 2 < points.count {
                    path.curve(points[index], points[index + 1], points[index + 2])
                    index += 3
                }
            } else {
                for point in points.dropFirst() { path.line(point) }
            }
        }
        let color = RasterColor(paint.stroke)
        canvas.stroke(path, color, canvas.style(width: paint.width, dash: paint.dash, roundCaps: paint.roundCaps,
                                                roundJoins: paint.roundJoins))
        for mark in geometry.marks {
            switch mark {
            case .dot(let center):
                dot(center, radius: SVGArrows.batonRadius, color: paint.stroke, into: &canvas)
            case .filledHead(let tip, let left, let right):
                canvas.fill(canvas.path { $0.polygon([tip, left, right]) }, color)
            case .openHead(let tip, let left, let right):
                let head = canvas.path {
                    $0.move(left)
                    $0.line(tip)
                    $0.line(right)
                }
                canvas.stroke(head, color, canvas.style(width: paint.width, dash: nil))
            }
        }
    }
}
