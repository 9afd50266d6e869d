// The sequence view: one flow as a UML-style sequence diagram.
//
// Phases, each a value in, a value out:
//   1. cast     — which participants get a lifeline, in declaration order, and their groups;
//   2. plan     — walk the flow once: measure every label, track activation depths, collect the
//                 horizontal constraints labels impose between lifelines;
//   3. columns  — solve those constraints left to right: the x of every lifeline (again with
//                 tighter heads when the row would be wider than a page);
//   4. body     — walk the flow again from top to bottom: arrows, bars, fragments, notes;
//   5. header   — title, group label rows, head boxes, lifelines and group boxes around the body;
//   6. plates   — a plate under every label or guard a lifeline, bar or border would run through;
//   7. fit      — everything in paint order, shifted inside the margins, the canvas sized to it.
//
// Cost is linear in the number of steps plus the number of constraints (the plates look up only
// the lines near each text), so a 1,000-message flow lays out in a few milliseconds. The model is
// only read.

import BatonModel
import BatonSyntax

public enum SequenceLayout {
    /// The sequence diagram of `flow` (nil: every participant, no steps). `untitled` names a
    /// diagram whose design has neither a title nor a flow (the file's name, see `DesignName`).
    ///
    /// `annotations` adds step numbers and timing brackets (none by default: the scene is then
    /// what it was before they existed).
    public static func scene(model: Model, flow: FlowID?, untitled: String = DesignName.untitled,
                             annotations: SequenceAnnotations = .none, metrics: TextMetrics = TextMetrics()) -> Scene {
        scene(model: model, flow: flow, untitled: untitled, annotations: annotations, spacing: nil, metrics: metrics)
    }

    /// The scene with the heads spaced as `spacing` says (nil: comfortable unless the row is
    /// too wide, as `scene` does), so tests can compare both.
    static func scene(model: Model, flow: FlowID?, untitled: String = DesignName.untitled,
                      annotations: SequenceAnnotations = .none, spacing: SequenceSpacing?,
                      metrics: TextMetrics = TextMetrics()) -> Scene {
        typealias S = SequenceStyle
        let flowValue = flow.map { model[$0] }
        let cast = SequenceCast(model: model, flow: flowValue)
        var planner = SequencePlanner(model: model, cast: cast, metrics: metrics)
        let steps = flowValue.map { planner.plan($0.steps, home: 0) } ?? []
        // Heads spaced comfortably, unless that makes the row wider than a page: then tighter
        // (`SequenceSpacing`). Labels keep their room either way: their constraints are the same.
        var heads = SequenceHeads(model: model, cast: cast, spacing: .comfortable, metrics: metrics)
        var comfortable = planner
        var columns = SequenceColumns(heads: heads, cast: cast, model: model, spacing: .comfortable,
                                      planner: &comfortable, metrics: metrics)
        let chosen = spacing ?? (columns.headsWidth(heads) > S.wideCastWidth ? .tight : .comfortable)
        if chosen == .tight {
            heads = SequenceHeads(model: model, cast: cast, spacing: .tight, metrics: metrics)
            columns = SequenceColumns(heads: heads, cast: cast, model: model, spacing: .tight, planner: &planner,
                                      metrics: metrics)
        }
        let title = SequenceDescription.title(model: model, flow: flowValue, untitled: untitled)
        let header = SequenceHeader(title: title, subtitle: flowValue?.description, cast: cast, columns: columns,
                                    heads: heads, metrics: metrics)
        var body = SequenceBody(xs: columns.xs, top: header.bodyTop, metrics: metrics)
        body.lay(steps)
        let lifelineEnd = body.y - S.stepGap + S.lifelineTail + (steps.isEmpty ? S.stepGap : 0)
        // A long diagram repeats the head boxes under the lifelines, so the reader at the bottom
        // still knows whose lifeline is whose.
        let repeatsHeads = lifelineEnd - header.bodyTop > S.repeatHeadsBelow
        let bottom = repeatsHeads ? lifelineEnd + heads.rowHeight : lifelineEnd

        // Paint order: groups behind everything, then lifelines, bars (outer before nested),
        // frames, interactions, notes, and the head boxes on top.
        var items = header.groupBoxes(bottom: bottom) + header.lifelines(to: lifelineEnd, footer: repeatsHeads)
        items += body.bars.enumerated().sorted { ($0.element.level, $0.offset) < ($1.element.level, $1.offset) }
            .map(\.element.item)
        items += body.frames + body.messages + body.notes
        items += annotations.items(model: model, body: body, metrics: metrics)
        items = SequencePlates.add(to: items)
        items += header.headBoxes(model: model, bottom: header.headsBottom)
        if repeatsHeads {
            items += header.headBoxes(model: model, bottom: bottom, footer: true)
        }
        let description = SequenceDescription.describe(model: model, flow: flowValue, cast: cast)
        return fitted(items, title: header.titleItems, bottom: bottom, titleText: title, description: description)
    }

    /// The scene with everything moved inside the margins: the title starts where the drawing
    /// does (the leftmost item may lie left of the first lifeline), and the canvas fits all.
    static func fitted(_ items: [SceneItem], title: [SceneItem], bottom: Double, titleText: String,
                       description: String) -> Scene {
        typealias S = SequenceStyle
        var minX = 0.0, maxX = 0.0, maxY = bottom
        for item in items {
            let bounds = item.bounds
            minX = min(minX, bounds.minX)
            maxX = max(maxX, bounds.maxX)
            maxY = max(maxY, bounds.maxY)
        }
        let title = title.map { $0.offsetBy(dx: minX, dy: 0) }
        for item in title { maxX = max(maxX, item.bounds.maxX) }
        let dx = S.margin - minX
        let shifted = (title + items).map { $0.offsetBy(dx: dx, dy: S.margin) }
        let size = Size(width: (maxX - minX + 2 * S.margin).rounded(.up), height: (maxY + 2 * S.margin).rounded(.up))
        return Scene(size: size, title: titleText.isEmpty ? "Sequence diagram" : titleText, description: description,
                     roleDescription: "sequence diagram",
                     items: shifted)
    }
}
