import BatonLayout

/// A path under construction in a vector or raster writer: what PDF's content stream and the
/// PNG rasteriser's path both offer, so that a shape's outline is worked out in one place.
protocol OutlinePath {
    mutating func move(_ p: Point)
    mutating func line(_ p: Point)
    /// An elliptical arc from angle `start` to `end` (radians, y down: π/2 is the bottom),
    /// continuing the current path.
    mutating func arc(center c: Point, rx: Double, ry: Double, from start: Double, to end: Double)
    mutating func close()
    /// A rectangle, with corners rounded to `radius`: from the top left (after the corner),
    /// clockwise, as SVG's `<rect>` (where a dash pattern begins).
    mutating func rectangle(_ f: Rect, radius: Double)
}

extension OutlinePath {
    mutating func polygon(_ points: [Point]) {
        guard let first = points.first else { return }
        move(first)
        for point in points.dropFirst() { line(point) }
        close()
    }

    /// An ellipse from its rightmost point, clockwise, as SVG's `<ellipse>` and `<circle>`.
    mutating func ellipse(center c: Point, rx: Double, ry: Double) {
        move(Point(x: c.x + rx, y: c.y))
        arc(center: c, rx: rx, ry: ry, from: 0, to: 2 * .pi)
        close()
    }
}

/// The outlines of a scene's closed shapes as the SVG writer draws them (SVGShapes), for the
/// writers that draw paths themselves (PDF, PNG): each piece is either closed (`filled`: filled,
/// then stroked) or open (stroked only), in the order SVG's elements come, each outline starting where
/// SVG's element starts it so that dashes fall where they fall in the SVG. The writer paints
/// each piece with the shape's paint.
enum ShapeOutlines {
    static func pieces<Path: OutlinePath>(of shape: SceneShape, _ piece: (_ filled: Bool, _ draw: (inout Path) -> Void) -> Void) {
        let f = shape.frame
        switch shape.kind {
        case .rectangle:
            piece(true) { $0.rectangle(f, radius: 0) }
        case .roundedRectangle(let radius):
            piece(true) { $0.rectangle(f, radius: radius) }
        case .ellipse:
            piece(true) { $0.ellipse(center: Point(x: f.midX, y: f.midY), rx: f.width / 2, ry: f.height / 2) }
        case .polygon(let points):
            piece(true) { $0.polygon(points) }
        case .person:
            let r = ShapeKind.personHeadRadius
            piece(true) { $0.ellipse(center: Point(x: f.midX, y: f.minY + r), rx: r, ry: r) }
            let body = Rect(x: f.minX, y: f.minY + 2 * r + 1, width: f.width, height: f.height - 2 * r - 1)
            piece(true) { $0.rectangle(body, radius: min(10, body.height / 2)) }
        case .cylinder:
            cylinder(f, piece)
        case .barrel:
            barrel(f, piece)
        case .fannedBarrel:
            barrel(ShapeKind.fanBarrel(f), piece)
            let rays = ShapeKind.fanRays(f)
            piece(false) { path in
                for ray in rays {
                    path.move(ray.from)
                    path.line(ray.to)
                }
            }
        case .hexagon:
            piece(true) { $0.polygon(ShapeKind.hexagon(f)) }
        case .note:
            let fold = min(8, f.width / 2, f.height / 2)
            piece(true) {
                $0.polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX - fold, y: f.minY), Point(x: f.maxX, y: f.minY + fold),
                            Point(x: f.maxX, y: f.maxY), Point(x: f.minX, y: f.maxY)])
            }
            piece(false) {
                $0.move(Point(x: f.maxX - fold, y: f.minY))
                $0.line(Point(x: f.maxX - fold, y: f.minY + fold))
                $0.line(Point(x: f.maxX, y: f.minY + fold))
            }
        case .tab:
            let cut = min(6, f.width / 2, f.height / 2)
            piece(true) {
                $0.polygon([Point(x: f.minX, y: f.minY), Point(x: f.maxX, y: f.minY), Point(x: f.maxX, y: f.maxY - cut),
                            Point(x: f.maxX - cut, y: f.maxY), Point(x: f.minX, y: f.maxY)])
            }
        }
    }

    /// A database: the body with its bottom rim, then the near half of the lid on top.
    private static func cylinder<Path: OutlinePath>(_ f: Rect, _ piece: (Bool, (inout Path) -> Void) -> Void) {
        let ry = ShapeKind.cylinderLidRadius(height: f.height), rx = f.width / 2
        let top = f.minY + ry, bottom = f.maxY - ry
        piece(true) {
            $0.move(Point(x: f.minX, y: top))
            $0.line(Point(x: f.minX, y: bottom))
            $0.arc(center: Point(x: f.midX, y: bottom), rx: rx, ry: ry, from: .pi, to: 0)
            $0.line(Point(x: f.maxX, y: top))
            $0.arc(center: Point(x: f.midX, y: top), rx: rx, ry: ry, from: 0, to: -.pi)
            $0.close()
        }
        piece(false) {
            $0.move(Point(x: f.minX, y: top))
            $0.arc(center: Point(x: f.midX, y: top), rx: rx, ry: ry, from: .pi, to: 0)
        }
    }

    /// A queue: a cylinder lying on its side, its outlet (the right cap) facing the reader.
    private static func barrel<Path: OutlinePath>(_ f: Rect, _ piece: (Bool, (inout Path) -> Void) -> Void) {
        let rx = ShapeKind.barrelCapRadius(width: f.width), ry = f.height / 2
        let left = f.minX + rx, right = f.maxX - rx
        piece(true) {
            $0.move(Point(x: left, y: f.minY))
            $0.line(Point(x: right, y: f.minY))
            $0.arc(center: Point(x: right, y: f.midY), rx: rx, ry: ry, from: -.pi / 2, to: .pi / 2)
            $0.line(Point(x: left, y: f.maxY))
            $0.arc(center: Point(x: left, y: f.midY), rx: rx, ry: ry, from: .pi / 2, to: 3 * .pi / 2)
            $0.close()
        }
        piece(false) {
            $0.move(Point(x: right, y: f.minY))
            $0.arc(center: Point(x: right, y: f.midY), rx: rx, ry: ry, from: -.pi / 2, to: -3 * .pi / 2)
        }
    }
}
