import BatonLayout

/// Glyph outlines read once per glyph and flattened once per size, for one image: a diagram
/// draws a few dozen letters thousands of times, at two or three sizes.
final class GlyphCache {
    struct Key: Hashable {
        var bold: Bool
        var glyph: Int
        /// The em size in device pixels, by its bits (sizes are few and exact).
        var size: UInt64
    }

    let fonts: PNGFonts
    private var outlines: [Key: [[Point]]] = [:]

    init(fonts: PNGFonts) {
        self.fonts = fonts
    }

    /// Every glyph of `run` as polygons in device pixels.
    func polygons(_ run: GlyphRun) throws(FontError) -> [[Point]] {
        var out: [[Point]] = []
        for placed in run.glyphs {
            let shape = try polygons(glyph: placed.glyph, bold: run.bold, size: run.size)
            for polygon in shape {
                out.append(polygon.map { Point(x: $0.x + placed.x, y: $0.y + run.baseline) })
            }
        }
        return out
    }

    /// One glyph's contours, flattened at `size` pixels per em, with its origin at (0, 0), y down.
    func polygons(glyph: Int, bold: Bool, size: Double) throws(FontError) -> [[Point]] {
        let key = Key(bold: bold, glyph: glyph, size: size.bitPattern)
        if let known = outlines[key] { return known }
        let font = bold ? fonts.bold : fonts.regular
        let outline = try font.outline(of: glyph)
        let k = size / Double(font.unitsPerEm)
        var path = RasterPath(scale: 1)
        for contour in outline.contours {
            Self.trace(contour.map { GlyphOutline.Point(x: $0.x * k, y: -$0.y * k, onCurve: $0.onCurve) }, into: &path)
        }
        let polygons = path.finished.map(\.points)
        outlines[key] = polygons
        return polygons
    }

    /// A TrueType contour as lines and quadratic Béziers: two points off the curve in a row
    /// imply a point on it halfway between them.
    static func trace(_ contour: [GlyphOutline.Point], into path: inout RasterPath) {
        guard !contour.isEmpty else { return }
        func point(_ p: GlyphOutline.Point) -> Point { Point(x: p.x, y: p.y) }
        func middle(_ a: GlyphOutline.Point, _ b: GlyphOutline.Point) -> Point { Point(x: (a.x + b.x) / 2, y: (a.y + b.y) / 2) }
        // Start on the curve: at the first point on it, or between the first two off it.
        let startIndex = contour.firstIndex(where: \.onCurve)
        let start = startIndex.map { point(contour[$0]) } ?? middle(contour[0], contour[contour.count > 1 ? 1 : 0])
        let first = startIndex ?? 0
        path.move(start)
        var current = start
        var control: Point?
        for step in 1...contour.count {
            let p = contour[(first + step) % contour.count]
            let isLast = step == contour.count
            if p.onCurve {
                let to = isLast ? start : point(p)
                if let c = control { path.quadratic(current, c, to) } else { path.line(to) }
                current = to
                control = nil
            } else {
                if let c = control {
                    let mid = Point(x: (c.x + p.x) / 2, y: (c.y + p.y) / 2)
                    path.quadratic(current, c, mid)
                    current = mid
                }
                control = point(p)
                if isLast, let c = control { path.quadratic(current, c, start) }
            }
        }
        path.close()
    }
}
