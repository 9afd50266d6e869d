/// Fault and spike windows: a tinted column from the labels at the top down through every
/// panel, so one glance connects "Stripe down" with the dip in goodput below it.
///
/// Windows are cut to the chart's time range (one outside it, empty or with a NaN end is not
/// drawn), tinted translucently so overlapping windows show as a deeper tint, and never
/// narrower than `ChartStyle.windowMinWidth`, so a five-second spike on a ten-minute chart
/// still shows. Labels sit centred over their window in lanes: a label that would touch the
/// one before it on a lane goes to the next lane; when every lane is taken it is left out of
/// the picture (the description still names it).
enum ChartWindows {
    /// A window inside the time range.
    struct Clipped: Hashable {
        var window: ChartWindow
        var from: Double
        var to: Double
    }

    static func clipped(_ windows: [ChartWindow], start: Double, end: Double) -> [Clipped] {
        windows.compactMap { window in
            // An infinite end reaches the range's end; a NaN one says nothing.
            guard !window.from.isNaN, !window.to.isNaN else { return nil }
            let from = max(window.from, start), to = min(window.to, end)
            return from < to ? Clipped(window: window, from: from, to: to) : nil
        }
    }

    /// The window's column from `x(from)` to `x(to)`, at least the minimum width and inside
    /// `left...right`.
    static func columnX(_ clipped: Clipped, x: (Double) -> Double, left: Double, right: Double) -> (Double, Double) {
        var a = x(clipped.from), b = x(clipped.to)
        if b - a < ChartStyle.windowMinWidth {
            let middle = (a + b) / 2
            a = max(left, middle - ChartStyle.windowMinWidth / 2)
            b = min(right, a + ChartStyle.windowMinWidth)
            a = max(left, b - ChartStyle.windowMinWidth)
        }
        return (a, b)
    }

    /// The tinted columns, from `top` to `bottom`.
    static func shading(_ windows: [Clipped], x: (Double) -> Double, left: Double, right: Double,
                        top: Double, bottom: Double) -> [SceneItem] {
        guard bottom > top else { return [] }
        return windows.map { clipped in
            let (a, b) = columnX(clipped, x: x, left: left, right: right)
            let kind = clipped.window.kind
            return .group(SceneGroup(id: nil, classes: "window \(kind.rawValue)", items: [
                .shape(SceneShape(.rectangle, frame: Rect(x: a, y: top, width: b - a, height: bottom - top),
                                  role: .chart(.window(kind)))),
            ]))
        }
    }

    /// A label placed on a lane.
    struct Label: Hashable {
        var text: String
        var width: Double
        var kind: ChartWindow.Kind
        var lane: Int
        /// The box's left end.
        var minX: Double
    }

    /// Labels in lanes, each centred over its column and kept inside `minX...maxX`.
    static func labels(_ windows: [Clipped], x: (Double) -> Double, left: Double, right: Double,
                       minX: Double, maxX: Double, metrics: TextMetrics) -> [Label] {
        let style = ChartStyle.windowLabel
        // Left to right (ties in the order given), so lanes fill like lines of text.
        let order = windows.indices.sorted { a, b in
            windows[a].from != windows[b].from ? windows[a].from < windows[b].from : a < b
        }
        var laneEnds: [Double] = []
        var placed: [Label] = []
        for index in order {
            let clipped = windows[index]
            let (text, width) = ChartText.line(clipped.window.displayLabel, style: style,
                                               maxWidth: min(ChartStyle.windowLabelMaxWidth, maxX - minX), metrics: metrics)
            let (a, b) = columnX(clipped, x: x, left: left, right: right)
            let start = min(max((a + b) / 2 - width / 2, minX), maxX - width)
            var lane = laneEnds.firstIndex { $0 + ChartStyle.windowLabelSpacing <= start }
            if lane == nil, laneEnds.count < ChartStyle.windowLabelLanes {
                laneEnds.append(-.infinity)
                lane = laneEnds.count - 1
            }
            guard let lane else { continue }
            laneEnds[lane] = start + width
            placed.append(Label(text: text, width: width, kind: clipped.window.kind, lane: lane, minX: start))
        }
        return placed
    }

    /// The labels' height: one line per lane used.
    static func bandHeight(_ labels: [Label], metrics: TextMetrics) -> Double {
        let lanes = (labels.map(\.lane).max() ?? -1) + 1
        return Double(lanes) * metrics.lineHeight(size: ChartStyle.windowLabel.size)
    }

    static func labelItems(_ labels: [Label], top: Double, metrics: TextMetrics) -> [SceneItem] {
        let lineHeight = metrics.lineHeight(size: ChartStyle.windowLabel.size)
        return labels.map { label in
            var style = ChartStyle.windowLabel
            style.role = .chart(.windowLabel(label.kind))
            return .text(ChartText.block(label.text, width: label.width, style: style, alignment: .start,
                                         anchor: Point(x: label.minX, y: top + Double(label.lane) * lineHeight), metrics: metrics))
        }
    }
}
