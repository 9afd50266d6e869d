// The graph view: the architecture of a design as a layered drawing, laid out by Baton itself
// (no Graphviz at run time).
//
// Phases, each a value in, a value out:
//   1. content — `GraphViewContent`: which participants, which merged edges (one per initiator,
//                passive end and arrow, in the data direction), which groups; shared with DOT;
//   2. measure — `GraphNodes` (each participant's box, `ParticipantBox`, around its wrapped
//                name) and `GraphViewLabels` (merged labels, wrapped and capped; cluster
//                titles); the label policy is shared with DOT too;
//   3. layout  — `GraphLayout`: the content as a `LayeredGraph` (sizes, outlines, clusters),
//                handed to `layoutLayered` (Graph/), which ranks, orders, places and routes, in
//                the direction given or, without one, the direction that fits a page
//                (`AutomaticDirection`);
//                with a limit (`GraphViewLimit`), the view is weighed first, by its counts and
//                then by the room its layering needs, and refused before anything big is built;
//   4. scene   — `GraphScene`: title, cluster boxes, nodes, edges as Bézier paths with the
//                baton and arrowhead at the right ends, labels in their frames.
//
// Invariants (checked by the tests on every sample and on generated designs): nodes do not
// overlap; labels overlap no node and no other label; every edge starts and ends on its nodes'
// outlines; a cluster's box holds its members and nested boxes and no other node; everything
// lies on the canvas; the same input gives the same scene. The model is only read.

import BatonModel

public enum GraphViewLayout {
    /// The graph view of the whole design (`flow` nil) or of one flow. `untitled` names a design
    /// without a title (the file's name, say; empty for no title at all). `direction` nil: the
    /// layout chooses (see `AutomaticDirection`).
    public static func scene(model: Model, flow: FlowID?, untitled: String = DesignName.untitled,
                             direction: LayoutDirection? = nil, metrics: TextMetrics = TextMetrics()) -> Scene {
        let content = GraphViewContent(model: model, flow: flow)
        let layout = GraphLayout(model: model, content: content, direction: direction,
                                 title: titleSize(model: model, flow: flow, untitled: untitled, metrics: metrics), metrics: metrics)
        return scene(model: model, flow: flow, untitled: untitled, layout: layout, metrics: metrics)
    }

    /// The same, unless the view weighs more than `limit` (see `GraphViewLimit`): then it is
    /// refused before it is laid out, first by its participants and connections, counted without
    /// building anything, then by the room its layering needs, known before that room is built.
    public static func scene(model: Model, flow: FlowID?, untitled: String = DesignName.untitled,
                             direction: LayoutDirection? = nil, metrics: TextMetrics = TextMetrics(),
                             limit: Int) throws(GraphViewTooLarge) -> Scene {
        let (participants, connections) = GraphViewContent.size(model: model, flow: flow)
        guard participants + connections <= limit else {
            throw GraphViewTooLarge(participants: participants, connections: connections, weight: participants + connections,
                                    limit: limit)
        }
        let content = GraphViewContent(model: model, flow: flow)
        let layout: GraphLayout
        do {
            layout = try GraphLayout(model: model, content: content, direction: direction,
                                     title: titleSize(model: model, flow: flow, untitled: untitled, metrics: metrics),
                                     metrics: metrics, vertexLimit: GraphViewLimit.vertices(limit))
        } catch {
            throw GraphViewTooLarge(participants: participants, connections: connections,
                                    weight: max(limit + 1, GraphViewLimit.weight(ofVertices: error.addedVertices)), limit: limit)
        }
        return scene(model: model, flow: flow, untitled: untitled, layout: layout, metrics: metrics)
    }

    /// The direction the graph view of the design (or of one flow) takes: `requested` when given,
    /// else the one `scene` would choose, chosen the same way (for the DOT and Mermaid exports,
    /// whose own layouts should run the same way as Baton's picture). A big view is not laid out
    /// for it: its direction comes from its layering alone, in time linear in its size. A view
    /// weighing more than `limit` participants and connections, which `scene` refuses to draw,
    /// runs left to right: there is no picture to agree with, and its layering would take long.
    public static func direction(_ requested: LayoutDirection?, model: Model, flow: FlowID?,
                                 untitled: String = DesignName.untitled, metrics: TextMetrics = TextMetrics(),
                                 limit: Int = GraphViewLimit.standard) -> LayoutDirection {
        if let requested { return requested }
        let (participants, connections) = GraphViewContent.size(model: model, flow: flow)
        guard participants + connections <= limit else { return .leftToRight }
        return GraphLayout.automaticDirection(model: model, content: GraphViewContent(model: model, flow: flow),
                                              title: titleSize(model: model, flow: flow, untitled: untitled, metrics: metrics),
                                              metrics: metrics)
    }

    /// The size of the title the scene draws above the drawing (nil without one).
    private static func titleSize(model: Model, flow: FlowID?, untitled: String, metrics: TextMetrics) -> Size? {
        GraphScene.title(GraphDescription.title(model: model, flow: flow.map { model[$0] }, untitled: untitled), metrics: metrics)?.size
    }

    private static func scene(model: Model, flow: FlowID?, untitled: String, layout: GraphLayout, metrics: TextMetrics) -> Scene {
        let title = GraphDescription.title(model: model, flow: flow.map { model[$0] }, untitled: untitled)
        let description = GraphDescription.describe(model: model, content: layout.content, title: title)
        return GraphScene.scene(model: model, layout: layout, title: title, description: description, metrics: metrics)
    }
}
