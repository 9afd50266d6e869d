/// A plot's coordinate system: seconds across, the panel's unit up.
struct ChartPlot: Hashable {
    /// The plotting area; series, grid and shading stay inside it.
    var frame: Rect
    var start: Double
    var end: Double
    var values: Ticks

    func x(_ time: Double) -> Double {
        let t = (time - start) / (end - start)
        return frame.minX + min(max(t, 0), 1) * frame.width
    }

    func y(_ value: Double) -> Double {
        let t = (value - values.lower) / (values.upper - values.lower)
        return frame.maxY - min(max(t.isNaN ? 0 : t, 0), 1) * frame.height
    }
}

/// The axes: value ticks per panel, time ticks shared by all, their labels and grid lines.
enum ChartAxes {
    /// Ticks covering a panel's values from `low` to `high`, always including zero.
    static func valueTicks(unit: ChartUnit, low: Double?, high: Double?, plotHeight: Double) -> Ticks {
        let count = max(2, Int((plotHeight / ChartStyle.valueTickSpacing).rounded(.down)))
        let lower = min(0, low ?? 0), upper = max(0, high ?? 0)
        switch unit {
        case .seconds: return NiceTicks.duration(lower: lower, upper: upper, count: count)
        case .perSecond, .percent, .count: return NiceTicks.linear(lower: lower, upper: upper, count: count)
        }
    }

    /// The labels of `ticks` in `unit`.
    static func labels(_ ticks: Ticks, unit: ChartUnit) -> [String] {
        ticks.values.map { ChartFormat.value($0, unit: unit, step: ticks.step) }
    }

    /// Time ticks for a plot `width` pixels wide.
    static func timeTicks(start: Double, end: Double, width: Double) -> Ticks {
        let count = max(2, Int((width / ChartStyle.timeTickSpacing).rounded(.down)))
        return NiceTicks.time(start: start, end: end, count: count)
    }

    /// Light lines across the plot at every value tick but zero (the baseline is drawn on its
    /// own) and at every time tick, then the baseline.
    ///
    /// Grid lines are one pixel wide, so each sits on the middle of a pixel (a half-pixel
    /// coordinate, within the plot): on a whole-pixel coordinate a renderer smears it over two
    /// pixels at half strength.
    static func grid(_ plot: ChartPlot, timeTicks: Ticks) -> [SceneItem] {
        var items: [SceneItem] = []
        let f = plot.frame
        func crisp(_ v: Double, _ low: Double, _ high: Double) -> Double {
            min(max((v - 0.5).rounded() + 0.5, low + 0.5), high - 0.5)
        }
        for time in timeTicks.values {
            let x = crisp(plot.x(time), f.minX, f.maxX)
            items.append(.line(SceneLine(.polyline([Point(x: x, y: f.minY), Point(x: x, y: f.maxY)]), role: .chart(.gridLine))))
        }
        for value in plot.values.values where value != 0 {
            let y = crisp(plot.y(value), f.minY, f.maxY)
            items.append(.line(SceneLine(.polyline([Point(x: f.minX, y: y), Point(x: f.maxX, y: y)]), role: .chart(.gridLine))))
        }
        let zero = crisp(plot.y(0), f.minY, f.maxY)
        items.append(.line(SceneLine(.polyline([Point(x: f.minX, y: zero), Point(x: f.maxX, y: zero)]), role: .chart(.baseline))))
        return items
    }

    /// The value labels, right-aligned left of the plot and centred on their ticks.
    static func valueLabels(_ plot: ChartPlot, labels: [String], metrics: TextMetrics) -> [SceneItem] {
        let style = ChartStyle.axisLabel
        let right = plot.frame.minX - ChartStyle.valueLabelGap
        return zip(plot.values.values, labels).map { value, label in
            let width = metrics.width(of: label, size: style.size, weight: style.weight)
            let height = metrics.lineHeight(size: style.size)
            return .text(metrics.block([label], size: Size(width: width, height: height), style: style,
                                       alignment: .end, anchor: Point(x: right, y: plot.y(value) - height / 2)))
        }
    }

    /// The time labels, centred under their ticks from `top` down; a label that would cross the
    /// canvas' edge is moved inside it.
    static func timeLabels(_ plot: ChartPlot, ticks: Ticks, top: Double, canvasWidth: Double,
                           metrics: TextMetrics) -> [SceneItem] {
        let style = ChartStyle.axisLabel
        let height = metrics.lineHeight(size: style.size)
        return ticks.values.map { time in
            let label = ChartFormat.duration(time, step: ticks.step)
            let width = metrics.width(of: label, size: style.size, weight: style.weight)
            let center = min(max(plot.x(time), width / 2 + 1), canvasWidth - width / 2 - 1)
            return .text(metrics.block([label], size: Size(width: width, height: height), style: style,
                                       alignment: .middle, anchor: Point(x: center, y: top)))
        }
    }
}
