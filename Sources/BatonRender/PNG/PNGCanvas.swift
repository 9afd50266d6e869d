import BatonLayout

/// The figures of one image, in paint order, built from the scene the way the PDF writer builds
/// its content stream: a path, then its fill and its stroke.
struct PNGCanvas {
    /// Device pixels per scene unit.
    let scale: Double
    private(set) var figures: [RasterFigure] = []

    init(scale: Double, capacity: Int) {
        self.scale = scale
        figures.reserveCapacity(capacity)
    }

    /// A path in scene coordinates.
    func path(_ draw: (inout RasterPath) -> Void) -> RasterPath {
        var path = RasterPath(scale: scale)
        draw(&path)
        return path
    }

    /// A stroke style from a theme's width and `stroke-dasharray`, in device pixels.
    func style(width: Double, dash: String?, roundCaps: Bool = false, roundJoins: Bool = false) -> StrokeStyle {
        let lengths = dash.map { $0.split(separator: " ").compactMap { Double($0) }.map { $0 * scale } }
        return StrokeStyle(width: width * scale, dash: lengths, roundCaps: roundCaps, roundJoins: roundJoins)
    }

    mutating func fill(_ path: RasterPath, _ color: RasterColor?) {
        guard let color, let (top, bottom) = Self.rows(path, margin: 1) else { return }
        add(RasterFigure(geometry: .fill(path), color: color, top: top, bottom: bottom))
    }

    mutating func stroke(_ path: RasterPath, _ color: RasterColor?, _ style: StrokeStyle) {
        guard let color, style.width > 0, let (top, bottom) = Self.rows(path, margin: StrokeStyle.miterLimit * style.width / 2 + 1)
        else { return }
        add(RasterFigure(geometry: .stroke(path, style), color: color, top: top, bottom: bottom))
    }

    /// Adds a figure; one whose rows are not finite (from a scene with a coordinate that is
    /// not) is left out, so that it cannot stall the others.
    mutating func add(_ figure: RasterFigure) {
        guard figure.top.isFinite, figure.bottom.isFinite else { return }
        figures.append(figure)
    }

    /// The rows a path's points span, widened by `margin`; nil for an empty path.
    static func rows(_ path: RasterPath, margin: Double) -> (Double, Double)? {
        var top = Double.infinity, bottom = -Double.infinity
        for subpath in path.finished {
            for point in subpath.points where point.y.isFinite {
                top = min(top, point.y)
                bottom = max(bottom, point.y)
            }
        }
        guard top <= bottom else { return nil }
        return (top - margin, bottom + margin)
    }
}
