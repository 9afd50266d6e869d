/// The chart's text alternative (`<desc>`): what a reader would take from looking at it — the
/// range of every series and where it ended, and the shaded windows — for screen readers and
/// for anyone reading the SVG's source.
enum ChartDescription {
    /// At most this many series and windows are spelled out; the rest are counted.
    static let limit = 20

    static func describe(title: String, start: Double, end: Double, panels: [ClippedPanel], windows: [ChartWindows.Clipped]) -> String {
        let span = NiceTicks.time(start: start, end: end, count: 8).step
        func time(_ t: Double) -> String { ChartFormat.duration(t, step: span / 10) }
        var parts: [String] = []
        let count = panels.count == 1 ? "1 panel" : "\(panels.count) panels"
        parts.append("Time chart “\(title)” from \(time(start)) to \(time(end)) in \(count).")
        var described = 0, omitted = 0
        for panel in panels {
            var series: [String] = []
            for (item, runs) in zip(panel.panel.series, panel.runs) {
                guard described < limit else {
                    omitted += 1
                    continue
                }
                described += 1
                let unit = panel.panel.unit
                func value(_ v: Double) -> String { ChartFormat.value(v, unit: unit, step: panel.ticks.step / 10) }
                if let range = ChartRuns.valueRange(runs), let last = runs.last?.last {
                    let low = value(range.min), high = value(range.max)
                    series.append(low == high ? "\(item.name) at \(low) throughout"
                                  : "\(item.name) from \(low) to \(high), at \(value(last.value)) at the end")
                } else {
                    series.append("\(item.name) without data")
                }
            }
            var heading = panel.panel.title
            if case .count(let noun) = panel.panel.unit, !noun.isEmpty { heading += " (\(noun))" }
            parts.append(series.isEmpty ? "\(heading)." : "\(heading): \(series.joined(separator: "; ")).")
        }
        if omitted > 0 { parts.append("And \(omitted) more series.") }
        if !windows.isEmpty {
            let shown = windows.prefix(limit).map { clipped in
                "\(clipped.window.kind.rawValue) “\(clipped.window.displayLabel)” from \(time(clipped.from)) to \(time(clipped.to))"
            }
            let more = windows.count > limit ? "; and \(windows.count - limit) more" : ""
            parts.append("Shaded: \(shown.joined(separator: "; "))\(more).")
        }
        return parts.joined(separator: " ")
    }
}
