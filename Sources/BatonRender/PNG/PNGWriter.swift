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
import BatonSyntax
import Foundation

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
            return try draw(canvas.figures, size: size, background: background, fonts: options.fonts)
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

    /// Draws `figures` band by band and encodes each band as it is finished. Drawing and
    /// filtering are about as much work as compressing, so a tall image draws and filters its
    /// next band on another thread while this one compresses (`BandPipeline`); the bytes are
    /// the same either way (`pipelined`
    /// chooses, for tests; nil: from the image's height).
    static func draw(_ figures: [RasterFigure], size: PNGSize, background: RasterColor,
                     fonts: PNGFonts, pipelined: Bool? = nil) throws(FontError) -> [UInt8] {
        let width = size.width, height = size.height
        let bandRows = max(1, min(maximumBandRows, bandBytes / (3 * width)))
        var encoder = PNGEncoder(width: width, height: height)
        let bands = (height + bandRows - 1) / bandRows
        if !(pipelined ?? (bands > 2)) {
            var painter = RasterPainter(figures: figures, width: width, background: background, fonts: fonts)
            var band = RasterBand(width: width, capacity: bandRows)
            var filter = PNGBandFilter(width: width)
            var rows = PNGFilteredRows(width: width, capacity: bandRows)
            for index in 0..<bands {
                try painter.paint(&band, top: index * bandRows, rows: min(bandRows, height - index * bandRows))
                rows.fill(from: band, with: &filter)
                encoder.append(rows)
            }
            return encoder.finish()
        }
        let pipeline = BandPipeline(width: width, rows: bandRows)
        // One of the process's kept threads (`WorkerThreads`, which never makes work wait for
        // a thread that other work holds): this one waits for it. It draws and filters; this
        // one compresses.
        WorkerThreads.shared.run {
            var painter = RasterPainter(figures: figures, width: width, background: background, fonts: fonts)
            var band = RasterBand(width: width, capacity: bandRows)
            var filter = PNGBandFilter(width: width)
            for index in 0..<bands {
                let drawn = pipeline.fill { (rows: inout PNGFilteredRows) throws(FontError) in
                    try painter.paint(&band, top: index * bandRows, rows: min(bandRows, height - index * bandRows))
                    rows.fill(from: band, with: &filter)
                }
                guard drawn else { return }
            }
        }
        for _ in 0..<bands {
            try pipeline.drain { encoder.append($0) }
        }
        return encoder.finish()
    }
}
