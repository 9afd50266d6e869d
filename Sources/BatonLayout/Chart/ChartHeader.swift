/// A panel's header, above its plot: the title at the left (with the unit of a count beside
/// it, muted, since a count's ticks carry no unit), and the legend at the right on the title's
/// baseline — or, when it does not fit beside the title, in right-aligned rows below it. Either
/// way the header ends above the plot, so the legend never covers data.
enum ChartHeader {
    /// A panel's header: its title (and a count's unit) at `left`, the legend right-aligned at
    /// `right` beside it or, when there is no room beside it, in rows below. Returns the items
    /// and the header's height.
    static func layout(_ panel: ChartPanel, left: Double, right: Double, top: Double,
                       metrics: TextMetrics) -> (items: [SceneItem], height: Double) {
        let room = max(0, right - left)
        var items: [SceneItem] = []
        let titleStyle = ChartStyle.panelTitle
        let (title, titleWidth) = ChartText.line(panel.title, style: titleStyle, maxWidth: room, metrics: metrics)
        let titleBlock = ChartText.block(title, width: titleWidth, style: titleStyle, alignment: .start,
                                         anchor: Point(x: left, y: top), metrics: metrics)
        var used = titleWidth
        if !title.isEmpty { items.append(.text(titleBlock)) }
        if case .count(let noun) = panel.unit, !noun.allSatisfy(\.isWhitespace) {
            let gap = title.isEmpty ? 0 : ChartStyle.unitGap
            let style = ChartStyle.panelUnit
            let (unit, unitWidth) = ChartText.line(noun, style: style, maxWidth: max(0, room - used - gap), metrics: metrics)
            if unitWidth > 0, used + gap + unitWidth <= room {
                // On the title's baseline.
                let probe = ChartText.block("", width: 0, style: style, alignment: .start, anchor: .zero, metrics: metrics)
                let unitTop = titleBlock.baseline(ofLine: 0) - probe.baselineOffset
                items.append(.text(ChartText.block(unit, width: unitWidth, style: style, alignment: .start,
                                                   anchor: Point(x: left + used + gap, y: unitTop), metrics: metrics)))
                used += gap + unitWidth
            }
        }
        let titleHeight = metrics.lineHeight(size: titleStyle.size)
        let entries = ChartLegend.entries(panel.series, colors: ChartSeriesColors.assign(panel.series.map(\.role)), metrics: metrics)
        guard !entries.isEmpty else { return (items, titleHeight) }
        let rowHeight = ChartLegend.rowHeight(metrics: metrics)
        let probe = ChartText.block("", width: 0, style: ChartStyle.legendLabel, alignment: .start, anchor: .zero, metrics: metrics)
        let beside = ChartLegend.rows(entries, maxWidth: room - used - ChartStyle.legendTitleGap)
        let legendTop: Double
        let rows: [[ChartLegend.Entry]]
        if beside.count == 1, let row = beside.first, ChartLegend.rowWidth(row) <= room - used - ChartStyle.legendTitleGap {
            // One row beside the title, on its baseline.
            rows = beside
            legendTop = titleBlock.baseline(ofLine: 0) - probe.baselineOffset
        } else {
            rows = ChartLegend.rows(entries, maxWidth: room)
            legendTop = top + (used > 0 ? titleHeight + 2 : 0)
        }
        let legend = ChartLegend.items(rows, right: right, top: legendTop, metrics: metrics)
        items.append(.group(SceneGroup(id: nil, classes: "legend", items: legend)))
        let bottom = max(top + titleHeight, legendTop + Double(rows.count) * rowHeight)
        return (items, bottom - top)
    }
}
