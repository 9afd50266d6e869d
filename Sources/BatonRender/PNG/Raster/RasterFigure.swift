import BatonLayout

/// One thing painted: a filled or stroked path, or a line of glyphs, in one colour.
///
/// Figures are listed in paint order, with the rows they may touch. Their edges are built only
/// when the first band they reach is drawn and dropped after the last, so memory follows what
/// crosses a band rather than the whole picture (a dashed lifeline's thousands of dashes exist
/// while it is being drawn).
struct RasterFigure {
    enum Geometry {
        /// The path's subpaths filled (each closed for filling, as SVG does).
        case fill(RasterPath)
        case stroke(RasterPath, StrokeStyle)
        case glyphs(GlyphRun)
    }

    var geometry: Geometry
    var color: RasterColor
    var rule: RasterCoverage.FillRule = .nonZero
    /// Device rows the figure may touch (a generous bound: the edges give the exact one).
    var top: Double
    var bottom: Double

    /// The polygons to fill, flattened, in device pixels.
    func polygons(glyphs: GlyphCache) throws(FontError) -> [[Point]] {
        switch geometry {
        case .fill(let path):
            return path.finished.map(\.points)
        case .stroke(let path, let style):
            return RasterStroke.polygons(path.finished, style: style)
        case .glyphs(let run):
            return try glyphs.polygons(run)
        }
    }
}

/// A line of text as glyphs: which glyph goes where, in device pixels.
struct GlyphRun {
    struct Placed {
        var glyph: Int
        /// The glyph's origin on the baseline.
        var x: Double
    }

    var bold: Bool
    /// The em size in device pixels.
    var size: Double
    var baseline: Double
    var glyphs: [Placed]
}
