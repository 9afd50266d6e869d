// The sequence view: one flow as a UML-style sequence diagram.
//
// Phases, each a value in, a value out:
//   1. cast     — which participants get a lifeline, in declaration order, and their groups;
//   2. plan     — walk the flow once: measure every label, track activation depths, collect the
//                 horizontal constraints labels impose between lifelines;
//   3. columns  — solve those constraints left to right: the x of every lifeline;
//   4. body     — walk the flow again from top to bottom: arrows, bars, fragments, notes;
//   5. assemble — title, group boxes, lifelines and head boxes around the body, in paint order,
//                 shifted so that everything lies inside the canvas.
//
// Cost is linear in the number of steps plus the number of constraints, so a 1,000-message flow
// lays out in a few milliseconds. The model is only read.

import BatonModel
import BatonSyntax

public enum SequenceLayout {
    /// The sequence diagram of `flow` (nil: every participant, no steps). `untitled` names a
    /// diagram whose design has neither a title nor a flow (the file's name, say).
    public static func scene(model: Model, flow: FlowID?, untitled: String = "Participants",
                             metrics: TextMetrics = TextMetrics()) -> Scene {
        typealias S = SequenceStyle
        let flowValue = flow.map { model[$0] }
        let cast = SequenceCast(model: model, flow: flowValue)
        var planner = SequencePlanner(model: model, cast: cast, metrics: metrics)
        let steps = flowValue.map { planner.plan($0.steps, home: 0) } ?? []
        let heads = SequenceHeads(model: model, cast: cast, metrics: metrics)
        let columns = SequenceColumns(heads: heads, cast: cast, model: model, planner: &planner, metrics: metrics)
        let xs = columns.xs

        // Title.
        let title = SequenceDescription.title(model: model, flow: flowValue, untitled: untitled)
        var top = 0.0
        let titleText = metrics.measure(title, style: S.title, maxWidth: S.titleMaxWidth)
        let titleBlock = metrics.block(titleText.lines, size: titleText.size, style: S.title, alignment: .start,
                                       anchor: Point(x: 0, y: top))
        top = titleBlock.frame.maxY
        var titleItems: [SceneItem] = [.text(titleBlock)]
        if let description = flowValue?.description, !description.isEmpty {
            let sub = metrics.measure(description, style: S.subtitle, maxWidth: S.titleMaxWidth)
            let subBlock = metrics.block(sub.lines, size: sub.size, style: S.subtitle, alignment: .start,
                                         anchor: Point(x: 0, y: top + 2))
            titleItems.append(.text(subBlock))
            top = subBlock.frame.maxY
        }
        top += S.titleGap

        // Group label rows, outermost first, then the head boxes.
        let levels = cast.groupLevels
        var rowHeights = [Double](repeating: 0, count: levels)
        for (group, label) in zip(cast.groups, columns.groupLabels) {
            rowHeights[group.level] = max(rowHeights[group.level], label.size.height + 2 * S.groupLabelPadding)
        }
        var rowTops: [Double] = []
        var rowY = top
        for height in rowHeights {
            rowTops.append(rowY)
            rowY += height
        }
        let headsTop = rowY + (levels > 0 ? S.groupPadding / 2 : 0)
        let headsBottom = headsTop + heads.rowHeight

        // The body.
        var body = SequenceBody(xs: xs, top: headsBottom + S.bodyTopGap, metrics: metrics)
        body.lay(steps)
        let lifelineEnd = body.y - S.stepGap + S.lifelineTail + (steps.isEmpty ? S.stepGap : 0)

        // Group boxes, outermost first so inner ones paint over them.
        var groupItems: [SceneItem] = []
        for index in cast.groups.indices.reversed() {
            let group = cast.groups[index]
            let edges = columns.groupEdges[index]
            let label = columns.groupLabels[index]
            let boxTop = rowTops[group.level]
            let boxBottom = lifelineEnd + S.groupBottomStep * Double(group.depth + 1)
            let frame = Rect(x: edges.left, y: boxTop, width: edges.right - edges.left, height: boxBottom - boxTop)
            let text = metrics.block(label.lines, size: label.size, style: S.groupLabel, alignment: .start,
                                     anchor: Point(x: edges.left + S.groupLabelPadding, y: boxTop + S.groupLabelPadding))
            groupItems.append(.group(SceneGroup(id: "g\(group.id.rawValue)", classes: "group", items: [
                .shape(SceneShape(.roundedRectangle(cornerRadius: 4), frame: frame, role: .groupBox)),
                .text(text),
            ])))
        }

        // Lifelines and heads.
        var lifelines: [SceneItem] = []
        var headItems: [SceneItem] = []
        for (column, id) in cast.columns.enumerated() {
            let x = xs[column]
            lifelines.append(.line(SceneLine(.polyline([Point(x: x, y: headsBottom), Point(x: x, y: lifelineEnd)]),
                                             role: .lifeline)))
            let size = heads.sizes[column]
            let frame = Rect(x: x - size.width / 2, y: headsBottom - size.height, width: size.width, height: size.height)
            let shape = heads.shapes[column]
            let insets = shape.labelInsets(height: size.height)
            let label = heads.labels[column]
            let labelCenter = Point(x: frame.minX + insets.left + (frame.width - insets.horizontal) / 2,
                                    y: frame.minY + insets.top + (frame.height - insets.vertical) / 2)
            let text = metrics.block(label.lines, size: label.size, style: S.head, alignment: .middle,
                                     anchor: Point(x: labelCenter.x, y: labelCenter.y - label.size.height / 2))
            let participant = model[id]
            headItems.append(.group(SceneGroup(id: "p\(id.rawValue)", classes: "participant \(participant.kind.rawValue)",
                                               items: [.shape(SceneShape(shape, frame: frame, role: .participant(participant.kind))),
                                                       .text(text)])))
        }

        var items = groupItems + lifelines
        items += body.bars.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }
            .map(\.element.item)
        items += body.frames + body.messages + body.notes + headItems

        // The title starts where the drawing does; then everything moves right of the margin
        // and the canvas is sized around it.
        var minX = 0.0, maxX = 0.0, maxY = lifelineEnd
        for item in items {
            let bounds = item.bounds
            minX = min(minX, bounds.minX)
            maxX = max(maxX, bounds.maxX)
            maxY = max(maxY, bounds.maxY)
        }
        titleItems = titleItems.map { $0.offsetBy(dx: minX, dy: 0) }
        for item in titleItems { maxX = max(maxX, item.bounds.maxX) }
        items = titleItems + items
        let dx = S.margin - minX
        let shifted = items.map { $0.offsetBy(dx: dx, dy: S.margin) }
        let size = Size(width: (maxX - minX + 2 * S.margin).rounded(.up), height: (maxY + 2 * S.margin).rounded(.up))
        return Scene(size: size, title: title,
                     description: SequenceDescription.describe(model: model, flow: flowValue, cast: cast),
                     roleDescription: "sequence diagram", items: shifted)
    }
}
