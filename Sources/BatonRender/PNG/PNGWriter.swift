// PNG from a Scene: the SVG writer's drawing as pixels, rasterised and compressed by Baton
// itself (no image library, no converter), for chat tools, issue trackers and slides that
// take images but not SVG.
//
// - Size: one pixel per scene unit at scale 1 (the SVG's `width` × `height`), times `scale`,
//   rounded up; bounded by `PNGSize`.
// - Drawing: every shape, line, arrowhead, baton and label the SVG writer draws, with the same
//   geometry (`SVGArrows.geometry`, `ShapeKind`'s outlines) and theme paint, in paint order
//   (`PNGShapes`, `PNGText`). Paths are flattened, strokes turned into polygons (miter, round
//   and bevel joins, butt and round caps, dash patterns), and polygons filled with exact-area
//   antialiasing (`RasterCoverage`), composited source-over with opacity.
// - Text: glyph outlines of a TrueType face (`PNGFonts`: Liberation Sans or Arial, the widths
//   the layout measured with), unhinted, at the scene's baselines and anchors.
// - Memory: the image is drawn in bands of rows (`RasterBand`), each filtered and compressed
//   as soon as it is drawn (`PNGEncoder`), so a tall diagram never exists as a whole bitmap;
//   a figure's edges exist only while a band crosses it.
// - Bytes: 8-bit RGB, deflate by Baton's own compressor, no time or text chunks: the same scene
//   gives the same file on every machine.

import BatonLayout

public struct PNGOptions: Sendable {
    public var theme: Theme
    /// Device pixels per scene unit (`--scale`).
    public var scale: Double
    public var fonts: PNGFonts

    public init(theme: Theme = .light, scale: Double = 1, fonts: PNGFonts) {
        self.theme = theme
        self.scale = scale
        self.fonts = fonts
    }
}

public enum PNGWriter {
    /// About this many bytes of pixels are drawn at a time.
    static let bandBytes = 1 << 21
    static let maximumBandRows = 64

    public static func write(_ scene: Scene, options: PNGOptions) throws(RenderError) -> [UInt8] {
        let size = try PNGSize(canvas: scene.size, scale: options.scale)
        let theme = options.theme
        var canvas = PNGCanvas(scale: options.scale, capacity: scene.items.count * 2)
        for item in scene.items {
            write(item, theme: theme, fonts: options.fonts, into: &canvas)
        }
        let background = RasterColor(theme.background) ?? RasterColor(red: 255, green: 255, blue: 255)
        do {
            return try draw(canvas.figures, size: size, background: background, glyphs: GlyphCache(fonts: options.fonts))
        } catch {
            throw RenderError(message: "cannot draw the text of the PNG: the font is damaged (\(error.message))",
                              help: "give another TrueType font with --font FILE")
        }
    }

    private static func write(_ item: SceneItem, theme: Theme, fonts: PNGFonts, into canvas: inout PNGCanvas) {
        switch item {
        case .shape(let shape):
            PNGShapes.write(shape, theme: theme, into: &canvas)
        case .line(let line):
            PNGShapes.write(line, theme: theme, into: &canvas)
        case .text(let text):
            PNGText.write(text, theme: theme, fonts: fonts, into: &canvas)
        case .group(let group):
            for child in group.items { write(child, theme: theme, fonts: fonts, into: &canvas) }
        }
    }

    /// Draws `figures` band by band and encodes each band as it is finished.
    static func draw(_ figures: [RasterFigure], size: PNGSize, background: RasterColor,
                     glyphs: GlyphCache) throws(FontError) -> [UInt8] {
        let width = size.width, height = size.height
        let bandRows = max(1, min(maximumBandRows, bandBytes / (3 * width)))
        var band = RasterBand(width: width, capacity: bandRows)
        var coverage = RasterCoverage(width: width)
        var encoder = PNGEncoder(width: width, height: height)
        // Figures by the first row they may touch (paint order among equals).
        let order = figures.indices.sorted { (figures[$0].top, $0) < (figures[$1].top, $1) }
        var next = 0
        var active: [ActiveFigure] = []
        var top = 0
        while top < height {
            let rows = min(bandRows, height - top), bottom = top + rows
            band.start(top: top, rows: rows, background: background)
            var started = false
            while next < order.count, figures[order[next]].top < Double(bottom) {
                let index = order[next]
                next += 1
                guard figures[index].bottom > Double(top) else { continue }
                let edges = RasterEdges(try figures[index].polygons(glyphs: glyphs))
                guard !edges.isEmpty, edges.maxY > Double(top) else { continue }
                active.append(ActiveFigure(index: index, edges: edges))
                started = true
            }
            if started { active.sort { $0.index < $1.index } }
            for figure in active {
                figure.draw(into: &band, coverage: &coverage, top: top, bottom: bottom,
                            color: figures[figure.index].color, rule: figures[figure.index].rule)
            }
            active.removeAll { $0.edges.maxY <= Double(bottom) }
            band.pixels.withUnsafeBufferPointer { pixels in
                for row in 0..<rows {
                    encoder.append(row: UnsafeBufferPointer(rebasing: pixels[row * width * 3..<(row + 1) * width * 3]))
                }
            }
            top = bottom
        }
        return encoder.finish()
    }
}

/// A figure being drawn: its edges, and which of them reach the current band.
final class ActiveFigure {
    let index: Int
    let edges: RasterEdges
    /// The first edge that has not reached a band yet (edges are sorted by their top).
    private var cursor = 0
    private var live: [Int] = []

    init(index: Int, edges: RasterEdges) {
        self.index = index
        self.edges = edges
    }

    func draw(into band: inout RasterBand, coverage: inout RasterCoverage, top: Int, bottom: Int, color: RasterColor,
              rule: RasterCoverage.FillRule) {
        let all = edges.edges
        while cursor < all.count, all[cursor].y0 < Double(bottom) {
            live.append(cursor)
            cursor += 1
        }
        coverage.reset()
        for edge in live { coverage.add(all[edge], top: top, bottom: bottom) }
        coverage.sweep(rule: rule) { row, from, to, value in
            band.blend(row: row, from: from, to: to, coverage: value, color: color)
        }
        live.removeAll { all[$0].y1 <= Double(bottom) }
    }
}
