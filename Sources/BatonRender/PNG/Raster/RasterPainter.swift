/// Paints the figures of an image into its bands, top to bottom: a figure joins when the first
/// band it may touch comes (its edges built then), is drawn into every band it crosses in paint
/// order, and leaves — its edges dropped — after its last.
struct RasterPainter {
    let figures: [RasterFigure]
    let background: RasterColor
    private let glyphs: GlyphCache
    /// Figures by the first row they may touch (paint order among equals).
    private let order: [Int]
    private var next = 0
    private var active: [ActiveFigure] = []
    private var coverage: RasterCoverage

    init(figures: [RasterFigure], width: Int, background: RasterColor, fonts: PNGFonts) {
        self.figures = figures
        self.background = background
        glyphs = GlyphCache(fonts: fonts)
        order = figures.indices.sorted { (figures[$0].top, $0) < (figures[$1].top, $1) }
        coverage = RasterCoverage(width: width)
    }

    /// Draws rows `top ..< top + rows` into `band`; bands must come in order.
    mutating func paint(_ band: inout RasterBand, top: Int, rows: Int) throws(FontError) {
        let bottom = top + rows
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
        guard !live.isEmpty else { return }  // its edges start further down
        coverage.reset(rows: bottom - top, minX: edges.minX, maxX: edges.maxX)
        for edge in live { coverage.add(all[edge], top: top, bottom: bottom) }
        coverage.sweep(rule: rule) { row, from, to, value in
            band.blend(row: row, from: from, to: to, coverage: value, color: color)
        }
        live.removeAll { all[$0].y1 <= Double(bottom) }
    }
}
