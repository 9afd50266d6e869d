/// A panel's legend: one entry per series — a swatch drawn with the series' own paint (a short
/// line, or a tinted box under a line for an area), then its name — in rows right-aligned to
/// the plot, above it, so the legend never covers data.
enum ChartLegend {
    struct Entry {
        var name: String
        var nameWidth: Double
        var line: StyleRole
        /// The tint under an area series, nil for a line.
        var area: StyleRole?

        var width: Double { ChartStyle.swatchWidth + ChartStyle.swatchGap + nameWidth }
    }

    /// The entries for a panel's series, names cut to the legend's width.
    static func entries(_ series: [ChartSeries], colors: [Int], metrics: TextMetrics) -> [Entry] {
        zip(series, colors).map { series, color in
            let (name, width) = ChartText.line(series.name, style: ChartStyle.legendLabel,
                                               maxWidth: ChartStyle.legendLabelMaxWidth, metrics: metrics)
            return Entry(name: name, nameWidth: width, line: .chart(.seriesLine(series.role, color: color)),
                         area: series.style == .area ? .chart(.seriesArea(series.role, color: color)) : nil)
        }
    }

    /// The entries in rows no wider than `maxWidth` (each row holds at least one entry).
    static func rows(_ entries: [Entry], maxWidth: Double) -> [[Entry]] {
        var rows: [[Entry]] = []
        var row: [Entry] = []
        var width = 0.0
        for entry in entries {
            let added = (row.isEmpty ? 0 : ChartStyle.legendSpacing) + entry.width
            if !row.isEmpty, width + added > maxWidth {
                rows.append(row)
                row = []
                width = 0
            }
            width += (row.isEmpty ? 0 : ChartStyle.legendSpacing) + entry.width
            row.append(entry)
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    static func rowWidth(_ row: [Entry]) -> Double {
        row.reduce(0) { $0 + $1.width } + ChartStyle.legendSpacing * Double(max(0, row.count - 1))
    }

    static func rowHeight(metrics: TextMetrics) -> Double {
        metrics.lineHeight(size: ChartStyle.legendLabel.size) + 2
    }

    /// The rows drawn right-aligned at `right`, the first row's box at `top`.
    static func items(_ rows: [[Entry]], right: Double, top: Double, metrics: TextMetrics) -> [SceneItem] {
        let style = ChartStyle.legendLabel
        var items: [SceneItem] = []
        var rowTop = top
        for row in rows {
            var x = right - rowWidth(row)
            let block = ChartText.block("", width: 0, style: style, alignment: .start, anchor: Point(x: 0, y: rowTop), metrics: metrics)
            // The middle of the name's capitals, where the swatch's line goes.
            let middle = block.baseline(ofLine: 0) - metrics.capHeight(size: style.size) / 2
            for entry in row {
                var swatch: [SceneItem] = []
                let lineY: Double
                if let area = entry.area {
                    let box = Rect(x: x, y: middle - ChartStyle.swatchHeight / 2, width: ChartStyle.swatchWidth,
                                   height: ChartStyle.swatchHeight)
                    swatch.append(.shape(SceneShape(.rectangle, frame: box, role: area)))
                    lineY = box.minY
                } else {
                    lineY = middle
                }
                swatch.append(.line(SceneLine(.polyline([Point(x: x, y: lineY), Point(x: x + ChartStyle.swatchWidth, y: lineY)]),
                                              role: entry.line)))
                let name = ChartText.block(entry.name, width: entry.nameWidth, style: style, alignment: .start,
                                           anchor: Point(x: x + ChartStyle.swatchWidth + ChartStyle.swatchGap, y: rowTop),
                                           metrics: metrics)
                items.append(.group(SceneGroup(id: nil, classes: "legend-entry", items: swatch + [.text(name)])))
                x += entry.width + ChartStyle.legendSpacing
            }
            rowTop += rowHeight(metrics: metrics)
        }
        return items
    }
}
