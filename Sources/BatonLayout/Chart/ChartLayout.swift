// The time chart's layout: a `TimeChart` in, a `Scene` out, like the sequence and graph views.
//
// From top to bottom: the title and subtitle; the window labels, each over its window; then
// every panel — a header (its title, the unit of a count, and the legend right-aligned, or in
// rows under the title when it does not fit beside it) over its plot — and the time labels
// under the last plot only, since every plot shares the one time axis. The plots are exactly
// aligned: all start where the widest value label of any panel ends.
//
// Paint order, back to front: the window columns (from the labels down through every panel),
// then per panel its grid, baseline, series (areas under lines), value labels, header and
// legend; the time labels; the window labels; the title.
//
// Invariants (tested on the Scene): every item lies inside the canvas; no legend or title
// overlaps a plot; series, grid lines and shading stay inside their plot (series and windows
// are cut to the time range); a series has at most about one point per pixel across
// (`Downsampling`); the same chart gives the same scene.

/// The canvas: how wide the chart is, and how tall each plot.
public struct ChartLayoutOptions: Hashable, Sendable {
    /// The whole chart's width in pixels (at least 320); 880 fits a GitHub README unscaled.
    public var width: Double
    /// Each plot's height in pixels (40 to 2,000), headers and labels excluded.
    public var plotHeight: Double

    public init(width: Double = 880, plotHeight: Double = 132) {
        self.width = width
        self.plotHeight = plotHeight
    }
}

public enum ChartLayout {
    public static func scene(_ chart: TimeChart, options: ChartLayoutOptions = ChartLayoutOptions(),
                             metrics: TextMetrics = TextMetrics()) -> Scene {
        let width = clamp(options.width, ChartStyle.minWidth, ChartStyle.maxWidth, fallback: 880)
        let plotHeight = clamp(options.plotHeight, ChartStyle.minPlotHeight, ChartStyle.maxPlotHeight, fallback: 132)
        let (start, end) = timeRange(chart)

        // Every series cut to the range, every panel's value ticks and labels.
        let panels = chart.panels.map { panel -> ClippedPanel in
            let runs = panel.series.map { ChartRuns.runs(of: $0.data, start: start, end: end) }
            let range = ChartRuns.valueRange(runs.flatMap { $0 })
            let ticks = ChartAxes.valueTicks(unit: panel.unit, low: range?.min, high: range?.max, plotHeight: plotHeight)
            return ClippedPanel(panel: panel, runs: runs, ticks: ticks)
        }
        let valueLabels = panels.map { ChartAxes.labels($0.ticks, unit: $0.panel.unit) }

        // Across: the widest value label, then the plots; room on the right for the last time label.
        let axisStyle = ChartStyle.axisLabel
        let widestValue = valueLabels.joined().map { metrics.width(of: $0, size: axisStyle.size, weight: axisStyle.weight) }.max() ?? 0
        let left = ChartStyle.margin
        let plotLeft = (left + widestValue + ChartStyle.valueLabelGap).rounded(.up)
        var plotRight = (width - ChartStyle.margin).rounded(.down)
        let timeTicks = ChartAxes.timeTicks(start: start, end: end, width: max(1, plotRight - plotLeft))
        if let last = timeTicks.values.last, abs(last - end) <= (end - start) * 1e-9 {
            // A label under the plot's right end must not cross the canvas' edge.
            let label = ChartFormat.duration(last, step: timeTicks.step)
            let half = metrics.width(of: label, size: axisStyle.size, weight: axisStyle.weight) / 2
            plotRight = min(plotRight, (width - half - 4).rounded(.down))
        }
        let plotWidth = max(1, plotRight - plotLeft)
        func x(_ time: Double) -> Double { plotLeft + (time - start) / (end - start) * plotWidth }

        var items: [SceneItem] = []
        var y = ChartStyle.topMargin
        var heading: [SceneItem] = []

        // Title and subtitle.
        let textWidth = width - 2 * ChartStyle.margin
        for (text, style) in [(chart.title, ChartStyle.title), (chart.subtitle, ChartStyle.subtitle)]
        where !text.allSatisfy(\.isWhitespace) {
            if !heading.isEmpty { y += ChartStyle.subtitleGap }
            let (lines, size) = metrics.measure(text, style: style, maxWidth: textWidth)
            heading.append(.text(metrics.block(lines, size: size, style: style, alignment: .start, anchor: Point(x: left, y: y))))
            y += size.height
        }
        if !heading.isEmpty { y += ChartStyle.titleGap }

        // Window labels, then the columns from their top down to the last plot.
        let windows = ChartWindows.clipped(chart.windows, start: start, end: end)
        let labels = ChartWindows.labels(windows, x: x, left: plotLeft, right: plotLeft + plotWidth,
                                         minX: left, maxX: width - ChartStyle.margin, metrics: metrics)
        let bandTop = y
        if !labels.isEmpty { y += ChartWindows.bandHeight(labels, metrics: metrics) + ChartStyle.windowBandGap }

        var plots: [ChartPlot] = []
        var panelItems: [SceneItem] = []
        for (index, panel) in panels.enumerated() {
            let (header, headerHeight) = ChartHeader.layout(panel.panel, left: left, right: plotLeft + plotWidth, top: y, metrics: metrics)
            // Plots start on whole pixels, so their grid lines can sit on pixel middles.
            y = (y + headerHeight + ChartStyle.headerGap).rounded(.up)
            let plot = ChartPlot(frame: Rect(x: plotLeft, y: y, width: plotWidth, height: plotHeight),
                                 start: start, end: end, values: panel.ticks)
            plots.append(plot)
            y += plotHeight
            var group = ChartAxes.grid(plot, timeTicks: timeTicks)
            let colors = ChartSeriesColors.assign(panel.panel.series.map(\.role))
            for (series, (runs, color)) in zip(panel.panel.series, zip(panel.runs, colors)) {
                group.append(.group(SceneGroup(id: nil, classes: "series \(series.role.rawValue)", items:
                    ChartSeriesShapes.items(runs, style: series.style, role: series.role, color: color, plot: plot))))
            }
            group.append(.group(SceneGroup(id: nil, classes: "axis value",
                                           items: ChartAxes.valueLabels(plot, labels: valueLabels[index], metrics: metrics))))
            group += header
            panelItems.append(.group(SceneGroup(id: "panel-\(index + 1)", classes: "panel", items: group)))
            if index < panels.count - 1 { y += ChartStyle.panelGap }
        }

        // The shared time axis under the last plot.
        var timeItems: [SceneItem] = []
        if let last = plots.last {
            y += ChartStyle.timeLabelGap
            timeItems = ChartAxes.timeLabels(last, ticks: timeTicks, top: y, canvasWidth: width, metrics: metrics)
            y += metrics.lineHeight(size: axisStyle.size)
        }
        let height = y + ChartStyle.bottomMargin

        if let bottom = plots.last?.frame.maxY, !windows.isEmpty {
            items.append(.group(SceneGroup(id: "windows", classes: "windows", items:
                ChartWindows.shading(windows, x: x, left: plotLeft, right: plotLeft + plotWidth, top: bandTop, bottom: bottom))))
        }
        items += panelItems
        if !timeItems.isEmpty { items.append(.group(SceneGroup(id: nil, classes: "axis time", items: timeItems))) }
        if !labels.isEmpty {
            items.append(.group(SceneGroup(id: nil, classes: "window-labels",
                                           items: ChartWindows.labelItems(labels, top: bandTop, metrics: metrics))))
        }
        items += heading

        let description = ChartDescription.describe(title: chart.title, start: start, end: end, panels: panels, windows: windows)
        return Scene(size: Size(width: width, height: height), title: chart.title, description: description,
                     roleDescription: "time chart", items: items)
    }

    /// The chart's time range: as given when it is a finite, non-empty range; else the data's
    /// own; else the first second.
    static func timeRange(_ chart: TimeChart) -> (start: Double, end: Double) {
        let limit = NiceTicks.limit
        if chart.start.isFinite, chart.end.isFinite, chart.end > chart.start, abs(chart.start) <= limit, abs(chart.end) <= limit {
            let (start, end) = NiceTicks.sanitized(chart.start, chart.end)
            return (start, end)
        }
        var low = Double.infinity, high = -Double.infinity
        for panel in chart.panels {
            for series in panel.series {
                for point in series.data.orderedPoints where abs(point.time) <= limit {
                    low = min(low, point.time)
                    high = max(high, point.time)
                }
            }
        }
        if chart.start.isFinite, abs(chart.start) <= limit { low = chart.start }
        if chart.end.isFinite, abs(chart.end) <= limit { high = chart.end }
        guard low.isFinite, high.isFinite else { return (0, 1) }
        return NiceTicks.sanitized(low, high)
    }

    static func clamp(_ value: Double, _ low: Double, _ high: Double, fallback: Double) -> Double {
        value.isNaN ? fallback : min(max(value, low), high)
    }
}
