/// A series drawn in its plot: for each unbroken run, the tint down to zero (an area series)
/// and the line, through at most about one point per pixel across.
enum ChartSeriesShapes {
    /// The series' group: its areas, then its lines.
    static func items(_ runs: [[ChartPoint]], style: ChartSeries.Style, role: ChartSeriesRole, color: Int,
                      plot: ChartPlot) -> [SceneItem] {
        var areas: [SceneItem] = []
        var lines: [SceneItem] = []
        let f = plot.frame
        let zero = plot.y(0)
        for run in runs {
            let pixels = run.map { Point(x: plot.x($0.time), y: plot.y($0.value)) }
            var points = Downsampling.simplified(Downsampling.minMax(pixels, originX: f.minX))
            let lone = points.count == 1
            if lone, let only = points.first {
                // A lone value between gaps: a short dash, so it still shows.
                points = [Point(x: max(f.minX, only.x - 1.5), y: only.y), Point(x: min(f.maxX, only.x + 1.5), y: only.y)]
            }
            guard let first = points.first, let last = points.last else { continue }
            if style == .area, !lone {
                let outline = points + [Point(x: last.x, y: zero), Point(x: first.x, y: zero)]
                areas.append(.shape(SceneShape(.polygon(outline), frame: SceneItem.bounds(of: outline),
                                               role: .chart(.seriesArea(role, color: color)))))
            }
            lines.append(.line(SceneLine(.polyline(points), role: .chart(.seriesLine(role, color: color)))))
        }
        return areas + lines
    }
}
