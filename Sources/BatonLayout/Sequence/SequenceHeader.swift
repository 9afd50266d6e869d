import BatonModel

/// Everything around the steps: the title, the rows of group labels, the head boxes, the
/// lifelines and the group boxes. The header decides where the body starts; the body decides
/// how far lifelines and group boxes reach down.
struct SequenceHeader {
    typealias S = SequenceStyle

    let cast: SequenceCast
    let columns: SequenceColumns
    let heads: SequenceHeads
    let metrics: TextMetrics
    /// The title (and the flow's description under it), drawn from x = 0.
    let titleItems: [SceneItem]
    /// The top of each row of group labels, outermost level first.
    let rowTops: [Double]
    /// Where every head box stands, and lifelines begin.
    let headsBottom: Double

    /// Where the first step goes.
    var bodyTop: Double { headsBottom + S.bodyTopGap }

    init(title: String, subtitle: String?, cast: SequenceCast, columns: SequenceColumns, heads: SequenceHeads,
         metrics: TextMetrics) {
        self.cast = cast
        self.columns = columns
        self.heads = heads
        self.metrics = metrics

        // An empty title draws nothing (diagrams embedded in a page that has its own heading).
        var items: [SceneItem] = []
        var top = 0.0
        if !title.isEmpty {
            let titleText = metrics.measure(title, style: S.title, maxWidth: S.titleMaxWidth)
            let titleBlock = metrics.block(titleText.lines, size: titleText.size, style: S.title, alignment: .start,
                                           anchor: .zero)
            items.append(.text(titleBlock))
            top = titleBlock.frame.maxY
        }
        if let subtitle, !subtitle.isEmpty {
            let sub = metrics.measure(subtitle, style: S.subtitle, maxWidth: S.titleMaxWidth)
            let block = metrics.block(sub.lines, size: sub.size, style: S.subtitle, alignment: .start,
                                      anchor: Point(x: 0, y: top + (items.isEmpty ? 0 : 2)))
            items.append(.text(block))
            top = block.frame.maxY
        }
        titleItems = items
        if !items.isEmpty { top += S.titleGap }

        // One row of group labels per nesting level, as tall as its tallest label.
        var rowHeights = [Double](repeating: 0, count: cast.groupLevels)
        for (group, label) in zip(cast.groups, columns.groupLabels) {
            rowHeights[group.level] = max(rowHeights[group.level], label.size.height + 2 * S.groupLabelPadding)
        }
        var tops: [Double] = []
        for height in rowHeights {
            tops.append(top)
            top += height
        }
        rowTops = tops
        headsBottom = top + (rowHeights.isEmpty ? 0 : S.groupPadding / 2) + heads.rowHeight
    }

    /// The group boxes, outermost first so that inner ones paint over them, reaching down to
    /// `bottom` (the end of the lifelines, or of the repeated heads).
    func groupBoxes(bottom lifelineEnd: Double) -> [SceneItem] {
        var items: [SceneItem] = []
        for index in cast.groups.indices.reversed() {
            let group = cast.groups[index]
            let edges = columns.groupEdges[index]
            let label = columns.groupLabels[index]
            let top = rowTops[group.level]
            let bottom = lifelineEnd + S.groupBottomStep * Double(group.depth + 1)
            let frame = Rect(x: edges.left, y: top, width: edges.right - edges.left, height: bottom - top)
            let text = metrics.block(label.lines, size: label.size, style: S.groupLabel, alignment: .start,
                                     anchor: Point(x: edges.left + S.groupLabelPadding, y: top + S.groupLabelPadding))
            items.append(.group(SceneGroup(id: "g\(group.id.rawValue)", classes: "group", items: [
                .shape(SceneShape(.roundedRectangle(cornerRadius: 4), frame: frame, role: .groupBox)),
                .text(text),
            ])))
        }
        return items
    }

    /// One dashed line per column, from the head box down to `lifelineEnd`, or on to the top of
    /// the repeated head box when the row of heads is repeated below (`footer`).
    func lifelines(to lifelineEnd: Double, footer: Bool) -> [SceneItem] {
        columns.xs.enumerated().map { column, x in
            let lift = heads.lifts[column]
            let end = footer ? lifelineEnd + heads.rowHeight - lift - heads.sizes[column].height : lifelineEnd
            return .line(SceneLine(.polyline([Point(x: x, y: headsBottom - lift), Point(x: x, y: end)]), role: .lifeline))
        }
    }

    /// The head boxes, in a row whose lowest box stands on `bottom` and whose names share one
    /// line (`SequenceHeads.lifts`): each participant's box (`ParticipantBox.item`). `footer`
    /// marks the copy repeated under the lifelines of a long diagram.
    func headBoxes(model: Model, bottom: Double, footer: Bool = false) -> [SceneItem] {
        cast.columns.enumerated().map { column, id in
            let size = heads.sizes[column]
            let frame = Rect(x: columns.xs[column] - size.width / 2, y: bottom - heads.lifts[column] - size.height,
                             width: size.width, height: size.height)
            return heads.boxes[column].item(model[id], frame: frame, id: footer ? "p\(id.rawValue)-foot" : "p\(id.rawValue)",
                                            role: footer ? "participant-footer" : "participant", metrics: metrics)
        }
    }
}
