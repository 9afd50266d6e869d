import BatonModel

/// The laid-out graph as a Scene: the title above the drawing, then in paint order the cluster
/// boxes (outer before inner), the nodes, the edges with their labels (on top of the nodes, so
/// that a baton dot sitting on a node's outline is never hidden by the node's fill), and the
/// cluster titles.
enum GraphScene {
    typealias S = GraphViewStyle

    /// The title as the scene draws it (nil for no title).
    static func title(_ title: String, metrics: TextMetrics) -> (lines: [String], size: Size)? {
        title.isEmpty ? nil : metrics.measure(title, style: S.title, maxWidth: S.titleMaxWidth)
    }

    /// The canvas of a drawing of `drawing`'s size under `title`: the title stands where the
    /// drawing's margin begins, and the drawing moves down below it.
    static func canvasSize(drawing: Size, title: Size?) -> Size {
        guard let title else { return drawing }
        return Size(width: max(drawing.width, title.width + 2 * S.margin), height: drawing.height + (title.height + S.titleGap))
    }

    static func scene(model: Model, layout graphLayout: GraphLayout, title: String, description: String,
                      metrics: TextMetrics) -> Scene {
        let layout = graphLayout.layout
        var items: [SceneItem] = []
        let heading = Self.title(title, metrics: metrics)
        let canvas = canvasSize(drawing: layout.size, title: heading?.size)
        let dy = heading.map { $0.size.height + S.titleGap } ?? 0
        if let heading {
            items.append(.text(metrics.block(heading.lines, size: heading.size, style: S.title, alignment: .start,
                                             anchor: Point(x: S.margin, y: S.margin))))
        }
        func moved(_ r: Rect) -> Rect { r.offsetBy(dx: 0, dy: dy) }

        for (c, cluster) in graphLayout.clusters.enumerated() {
            let box = moved(layout.clusterFrames[c])
            items.append(.group(SceneGroup(id: "g\(cluster.group.rawValue)", classes: "group", items: [
                .shape(SceneShape(.roundedRectangle(cornerRadius: S.clusterCornerRadius), frame: box, role: .groupBox)),
            ])))
        }

        let nodes = graphLayout.nodes
        for node in nodes.ids.indices {
            items.append(nodes.items(node, frame: moved(layout.nodeFrames[node]), model: model, metrics: metrics))
        }

        let curves = graphLayout.content.edges.indices.map(graphLayout.curve)
        for (k, edge) in graphLayout.content.edges.enumerated() {
            let curve = curves[k].map { Point(x: $0.x, y: $0.y + dy) }
            guard curve.count >= 2 else { continue }
            // Drawn in the data direction: the baton where the initiator is, the arrowhead where
            // the data arrives (for a fetch, both at the initiator's end).
            let ends = LineEnd.interaction(edge.arrow)
            var edgeItems: [SceneItem] = [.line(SceneLine(.bezier(curve), start: ends.start, end: ends.end,
                                                          role: .line(for: edge.arrow)))]
            let label = graphLayout.edgeLabels[k]
            if let frame = layout.labelFrames[k], !label.isEmpty {
                let frame = moved(frame)
                let style = edge.arrow == .callback ? S.callbackLabel : S.edgeLabel
                edgeItems.append(.text(metrics.block(label.lines, size: label.size, style: style, alignment: .middle,
                                                     anchor: Point(x: frame.midX, y: frame.minY))))
            }
            items.append(.group(SceneGroup(id: "e\(k)", classes: "interaction \(SequenceBody.className(edge.arrow))",
                                           marker: .interactions(edge.interactions.sorted()), items: edgeItems)))
        }

        // Cluster titles last: where an edge has to cross one, it passes under the title's plate.
        let titles = GraphClusterTitles.frames(graphLayout, curves: curves)
        for (c, cluster) in graphLayout.clusters.enumerated() where !cluster.label.isEmpty {
            let frame = moved(titles.frames[c])
            var titleItems: [SceneItem] = []
            if titles.crossed[c] {
                titleItems.append(.shape(SceneShape(.rectangle, frame: frame.insetBy(-S.titlePlatePadding), role: .groupLabelBackground)))
            }
            titleItems.append(.text(metrics.block(cluster.label.lines, size: cluster.label.size, style: S.clusterLabel,
                                                  alignment: .start, anchor: frame.origin)))
            items.append(.group(SceneGroup(id: "g\(cluster.group.rawValue)-title", classes: "group-title", items: titleItems)))
        }

        let size = Size(width: canvas.width.rounded(.up), height: canvas.height.rounded(.up))
        return Scene(size: size, title: title.isEmpty ? "Graph diagram" : title, description: description,
                     roleDescription: "graph diagram", items: items)
    }
}
