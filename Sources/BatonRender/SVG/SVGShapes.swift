import BatonLayout

/// Closed shapes: each `ShapeKind` drawn in its frame with plain SVG elements (`rect`,
/// `ellipse`, `polygon`, `path` with arcs), painted by the theme.
enum SVGShapes {
    static func write(_ shape: SceneShape, theme: Theme, into out: inout SVGOutput) {
        let paint = theme.shapePaint(shape.role)
        let f = shape.frame
        switch shape.kind {
        case .rectangle:
            rect(f, radius: 0, paint, into: &out)
        case .roundedRectangle(let radius):
            rect(f, radius: radius, paint, into: &out)
        case .ellipse:
            out.line("<ellipse")
            out.attribute("cx", f.midX)
            out.attribute("cy", f.midY)
            out.attribute("rx", f.width / 2)
            out.attribute("ry", f.height / 2)
            close(paint, into: &out)
        case .polygon(let points):
            polygon(points, paint, into: &out)
        case .person:
            let r = ShapeKind.personHeadRadius
            out.line("<circle")
            out.attribute("cx", f.midX)
            out.attribute("cy", f.minY + r)
            out.attribute("r", r)
            close(paint, into: &out)
            let body = Rect(x: f.minX, y: f.minY + 2 * r + 1, width: f.width, height: f.height - 2 * r - 1)
            rect(body, radius: min(10, body.height / 2), paint, into: &out)
        case .cylinder:
            cylinder(f, paint, into: &out)
        case .barrel:
            barrel(f, paint, into: &out)
        case .fannedBarrel:
            barrel(ShapeKind.fanBarrel(f), paint, into: &out)
            let rays = ShapeKind.fanRays(f)
            var d = ""
            for ray in rays {
                d += "M\(SVGOutput.format(ray.from.x)),\(SVGOutput.format(ray.from.y))L\(SVGOutput.format(ray.to.x)),\(SVGOutput.format(ray.to.y))"
            }
            path(d, fill: "none", paint, into: &out)
        case .hexagon:
            polygon(ShapeKind.hexagon(f), paint, into: &out)
        case .note:
            let fold = min(8, f.width / 2, f.height / 2)
            polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX - fold, y: f.minY), Point(x: f.maxX, y: f.minY + fold),
                     Point(x: f.maxX, y: f.maxY), Point(x: f.minX, y: f.maxY)], paint, into: &out)
            let d = "M\(SVGOutput.format(f.maxX - fold)),\(SVGOutput.format(f.minY))"
                + "V\(SVGOutput.format(f.minY + fold))H\(SVGOutput.format(f.maxX))"
            path(d, fill: "none", paint, into: &out)
        case .tab:
            let cut = min(6, f.width / 2, f.height / 2)
            polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX, y: f.minY), Point(x: f.maxX, y: f.maxY - cut),
                     Point(x: f.maxX - cut, y: f.maxY), Point(x: f.minX, y: f.maxY)], paint, into: &out)
        }
    }

    // MARK: - Outlines

    /// A database: the body with its bottom rim, then the near half of the lid on top.
    private static func cylinder(_ f: Rect, _ paint: ShapePaint, into out: inout SVGOutput) {
        let ry = ShapeKind.cylinderLidRadius(height: f.height), rx = f.width / 2
        let top = f.minY + ry, bottom = f.maxY - ry
        let arc = "A\(SVGOutput.format(rx)),\(SVGOutput.format(ry)) 0 0 0 "
        let body = "M\(SVGOutput.format(f.minX)),\(SVGOutput.format(top))V\(SVGOutput.format(bottom))"
            + arc + "\(SVGOutput.format(f.maxX)),\(SVGOutput.format(bottom))V\(SVGOutput.format(top))"
            + arc + "\(SVGOutput.format(f.minX)),\(SVGOutput.format(top))Z"
        path(body, fill: paint.fill, paint, into: &out)
        let rim = "M\(SVGOutput.format(f.minX)),\(SVGOutput.format(top))" + arc
            + "\(SVGOutput.format(f.maxX)),\(SVGOutput.format(top))"
        path(rim, fill: "none", paint, into: &out)
    }

    /// A queue: a cylinder lying on its side, its outlet (the right cap) facing the reader.
    private static func barrel(_ f: Rect, _ paint: ShapePaint, into out: inout SVGOutput) {
        let rx = ShapeKind.barrelCapRadius(width: f.width), ry = f.height / 2
        let left = f.minX + rx, right = f.maxX - rx
        let arc = { (sweep: Int) in "A\(SVGOutput.format(rx)),\(SVGOutput.format(ry)) 0 0 \(sweep) " }
        let body = "M\(SVGOutput.format(left)),\(SVGOutput.format(f.minY))H\(SVGOutput.format(right))"
            + arc(1) + "\(SVGOutput.format(right)),\(SVGOutput.format(f.maxY))H\(SVGOutput.format(left))"
            + arc(1) + "\(SVGOutput.format(left)),\(SVGOutput.format(f.minY))Z"
        path(body, fill: paint.fill, paint, into: &out)
        let rim = "M\(SVGOutput.format(right)),\(SVGOutput.format(f.minY))" + arc(0)
            + "\(SVGOutput.format(right)),\(SVGOutput.format(f.maxY))"
        path(rim, fill: "none", paint, into: &out)
    }

    // MARK: - Elements

    private static func rect(_ f: Rect, radius: Double, _ paint: ShapePaint, into out: inout SVGOutput) {
        out.line("<rect")
        out.attribute("x", f.minX)
        out.attribute("y", f.minY)
        out.attribute("width", f.width)
        out.attribute("height", f.height)
        if radius > 0 { out.attribute("rx", radius) }
        close(paint, into: &out)
    }

    private static func polygon(_ points: [Point], _ paint: ShapePaint, into out: inout SVGOutput) {
        out.line("<polygon points=\"")
        for (index, point) in points.enumerated() {
            if index > 0 { out.raw(" ") }
            out.point(point)
        }
        out.raw("\"")
        close(paint, into: &out)
    }

    private static func path(_ d: String, fill: String, _ paint: ShapePaint, into out: inout SVGOutput) {
        out.line("<path")
        out.attribute("d", d)
        var paint = paint
        paint.fill = fill
        close(paint, into: &out)
    }

    /// The paint attributes and the end of an empty element.
    private static func close(_ paint: ShapePaint, into out: inout SVGOutput) {
        out.attribute("fill", paint.fill)
        if let opacity = paint.fillOpacity { out.attribute("fill-opacity", opacity) }
        out.attribute("stroke", paint.stroke)
        out.attribute("stroke-width", paint.strokeWidth)
        if let dash = paint.dash { out.attribute("stroke-dasharray", dash) }
        out.raw("/>\n")
    }
}
