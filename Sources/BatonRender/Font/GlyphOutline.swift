/// A glyph's outline from `glyf`: closed contours of points on and off the curve, in font units
/// with y up. Between two points off the curve lies an implied point on it, midway (the
/// TrueType quadratic B-spline); `RasterPath.glyph` turns that into quadratic Béziers.
public struct GlyphOutline: Sendable {
    public struct Point: Sendable, Hashable {
        public var x: Double
        public var y: Double
        public var onCurve: Bool
    }

    public var contours: [[Point]]

    /// Composite glyphs nest at most this deep (real fonts nest two or three levels).
    static let maximumDepth = 8
    /// The most points one outline may gather from its components: far beyond any real glyph,
    /// and small enough that a hostile composite cannot make Baton build millions of points.
    static let pointBudget = 65_536

    // Simple-glyph flags.
    static let onCurve = 0x01, xShort = 0x02, yShort = 0x04, repeats = 0x08, xSame = 0x10, ySame = 0x20
    // Component flags.
    static let wordArguments = 0x0001, xyValues = 0x0002, hasScale = 0x0008, moreComponents = 0x0020
    static let hasXYScale = 0x0040, hasTwoByTwo = 0x0080, scaledOffset = 0x0800, unscaledOffset = 0x1000

    static func read(_ font: TrueTypeFont, glyph: Int, depth: Int, budget: inout Int) throws(FontError) -> GlyphOutline {
        guard glyph >= 0, glyph < font.glyphCount else { throw FontError("a composite glyph uses glyph \(glyph), which the font does not have") }
        let start = font.glyphOffsets[glyph], end = font.glyphOffsets[glyph + 1]
        guard start <= end, end <= font.glyf.length else { throw FontError("glyph \(glyph) lies outside the 'glyf' table") }
        guard end - start >= 10 else { return GlyphOutline(contours: []) }  // an empty glyph (a space)
        let data = font.data, at = font.glyf.offset + start
        let contourCount = try data.i16(at)
        if contourCount >= 0 {
            return try simple(data, at: at, end: font.glyf.offset + end, contours: contourCount, glyph: glyph, budget: &budget)
        }
        guard depth < maximumDepth else { throw FontError("glyph \(glyph) nests components more than \(maximumDepth) deep") }
        return try composite(font, at: at + 10, end: font.glyf.offset + end, glyph: glyph, depth: depth, budget: &budget)
    }

    private static func simple(_ data: FontData, at: Int, end: Int, contours contourCount: Int, glyph: Int,
                               budget: inout Int) throws(FontError) -> GlyphOutline {
        var ends: [Int] = []
        for index in 0..<contourCount {
            let last = try data.u16(at + 10 + 2 * index)
            guard ends.last.map({ last > $0 }) ?? true else { throw FontError("glyph \(glyph)'s contours are out of order") }
            ends.append(last)
        }
        let pointCount = (ends.last ?? -1) + 1
        budget -= pointCount
        guard budget >= 0 else { throw FontError("glyph \(glyph) has too many points") }
        let instructions = try data.u16(at + 10 + 2 * contourCount)
        var position = at + 12 + 2 * contourCount + instructions
        var flags: [Int] = []
        flags.reserveCapacity(pointCount)
        while flags.count < pointCount {
            let flag = try data.u8(position)
            position += 1
            flags.append(flag)
            if flag & repeats != 0 {
                let count = try data.u8(position)
                position += 1
                flags.append(contentsOf: repeatElement(flag, count: min(count, pointCount - flags.count)))
            }
        }
        // All the x coordinates, then all the y: each a delta from the last, one byte with its
        // sign in the flag (`short`), two bytes, or none when the flag says it repeats (`same`).
        func coordinates(short: Int, same: Int) throws(FontError) -> [Int] {
            var values: [Int] = []
            values.reserveCapacity(pointCount)
            var value = 0
            for flag in flags {
                if flag & short != 0 {
                    let delta = try data.u8(position)
                    position += 1
                    value += flag & same != 0 ? delta : -delta
                } else if flag & same == 0 {
                    value += try data.i16(position)
                    position += 2
                }
                values.append(value)
            }
            return values
        }
        let xs = try coordinates(short: xShort, same: xSame)
        let ys = try coordinates(short: yShort, same: ySame)
        guard position <= end else { throw FontError("glyph \(glyph)'s points run past its end") }
        var contours: [[Point]] = []
        var first = 0
        for last in ends {
            contours.append((first...last).map { Point(x: Double(xs[$0]), y: Double(ys[$0]), onCurve: flags[$0] & onCurve != 0) })
            first = last + 1
        }
        return GlyphOutline(contours: contours)
    }

    private static func composite(_ font: TrueTypeFont, at start: Int, end: Int, glyph: Int, depth: Int,
                                  budget: inout Int) throws(FontError) -> GlyphOutline {
        let data = font.data
        var position = start
        var contours: [[Point]] = []
        var flags = moreComponents
        while flags & moreComponents != 0 {
            guard position < end else { throw FontError("glyph \(glyph)'s components run past its end") }
            flags = try data.u16(position)
            let component = try data.u16(position + 2)
            // Every component costs a point, so that components of empty glyphs, nested and
            // repeated, cannot multiply into an endless walk.
            budget -= 1
            guard budget >= 0 else { throw FontError("glyph \(glyph) has too many components") }
            position += 4
            let argument1: Int, argument2: Int
            if flags & wordArguments != 0 {
                argument1 = flags & xyValues != 0 ? try data.i16(position) : try data.u16(position)
                argument2 = flags & xyValues != 0 ? try data.i16(position + 2) : try data.u16(position + 2)
                position += 4
            } else {
                argument1 = flags & xyValues != 0 ? try data.i8(position) : try data.u8(position)
                argument2 = flags & xyValues != 0 ? try data.i8(position + 1) : try data.u8(position + 1)
                position += 2
            }
            var a = 1.0, b = 0.0, c = 0.0, d = 1.0
            if flags & hasScale != 0 {
                a = try data.f2dot14(position)
                d = a
                position += 2
            } else if flags & hasXYScale != 0 {
                a = try data.f2dot14(position)
                d = try data.f2dot14(position + 2)
                position += 4
            } else if flags & hasTwoByTwo != 0 {
                a = try data.f2dot14(position)
                b = try data.f2dot14(position + 2)
                c = try data.f2dot14(position + 4)
                d = try data.f2dot14(position + 6)
                position += 8
            }
            let part = try read(font, glyph: component, depth: depth + 1, budget: &budget)
            var placed = part.contours.map { contour in
                contour.map { Point(x: a * $0.x + c * $0.y, y: b * $0.x + d * $0.y, onCurve: $0.onCurve) }
            }
            var dx = 0.0, dy = 0.0
            if flags & xyValues != 0 {
                dx = Double(argument1)
                dy = Double(argument2)
                if flags & scaledOffset != 0, flags & unscaledOffset == 0 {
                    (dx, dy) = (a * dx + c * dy, b * dx + d * dy)
                }
            } else {
                // Point matching: the component's point `argument2` lands on the glyph's point `argument1`.
                let anchor = contours.joined().dropFirst(argument1).first
                let moved = placed.joined().dropFirst(argument2).first
                guard let anchor, let moved else { throw FontError("glyph \(glyph) anchors a component at a point it does not have") }
                dx = anchor.x - moved.x
                dy = anchor.y - moved.y
            }
            if dx != 0 || dy != 0 {
                placed = placed.map { contour in contour.map { Point(x: $0.x + dx, y: $0.y + dy, onCurve: $0.onCurve) } }
            }
            contours.append(contentsOf: placed)
        }
        return GlyphOutline(contours: contours)
    }
}
