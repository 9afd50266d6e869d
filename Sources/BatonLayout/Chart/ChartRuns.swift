/// A series cut to the chart's time range and split at its gaps: the pieces a line is drawn
/// through.
///
/// A NaN or infinite value is a gap (no completed run, no measurement), so the line stops
/// there rather than diving to zero; a segment crossing either end of the range is cut where it
/// crosses, so lines end exactly at the plot's edges; values are clamped to ±1e300 so the
/// arithmetic after this stays finite.
enum ChartRuns {
    static func runs(of data: ChartSeriesData, start: Double, end: Double) -> [[ChartPoint]] {
        var runs: [[ChartPoint]] = []
        var current: [ChartPoint] = []
        var previous: ChartPoint?
        func finish() {
            if !current.isEmpty { runs.append(current) }
            current = []
        }
        for point in data.orderedPoints {
            guard point.value.isFinite else {
                finish()
                previous = nil
                continue
            }
            let point = ChartPoint(point.time, min(max(point.value, -NiceTicks.limit), NiceTicks.limit))
            defer { previous = point }
            guard let a = previous else {
                if point.time >= start && point.time <= end { current.append(point) }
                continue
            }
            // The segment from a to point, cut to start...end.
            if point.time < start { continue }
            if a.time > end { break }
            if a.time < start { current.append(interpolated(a, point, at: start)) }
            if point.time <= end {
                current.append(point)
            } else {
                current.append(interpolated(a, point, at: end))
                break
            }
        }
        finish()
        return runs
    }

    /// The value on the segment from `a` to `b` at `time` (between them).
    static func interpolated(_ a: ChartPoint, _ b: ChartPoint, at time: Double) -> ChartPoint {
        let span = b.time - a.time
        guard span > 0 else { return ChartPoint(time, b.value) }
        let t = (time - a.time) / span
        return ChartPoint(time, a.value + (b.value - a.value) * t)
    }

    /// The smallest and largest value of `runs`, or nil when they hold none.
    static func valueRange(_ runs: [[ChartPoint]]) -> (min: Double, max: Double)? {
        var low = Double.infinity, high = -Double.infinity
        for run in runs {
            for point in run {
                low = min(low, point.value)
                high = max(high, point.value)
            }
        }
        return low <= high ? (low, high) : nil
    }
}

/// A panel ready to draw: each series cut into runs, and the value axis those runs need.
struct ClippedPanel {
    var panel: ChartPanel
    /// One list of runs per series, in the panel's order.
    var runs: [[[ChartPoint]]]
    var ticks: Ticks
}
