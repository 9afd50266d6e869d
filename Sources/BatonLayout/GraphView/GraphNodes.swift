import BatonModel

/// The nodes of the graph view, measured: for every shown participant its shape (the same as in
/// the sequence view), its name wrapped and measured, and the size of the shape around it.
struct GraphNodes {
    typealias S = GraphViewStyle

    /// Shown participants, in declaration order (`GraphViewContent.nodes`).
    var ids: [ParticipantID]
    var shapes: [ShapeKind]
    var labels: [MeasuredText]
    var sizes: [Size]
    /// The node index of each participant (indexed by `ParticipantID.rawValue`), nil if not shown.
    var index: [Int?]

    init(model: Model, content: GraphViewContent, metrics: TextMetrics) {
        ids = content.nodes
        shapes = []
        labels = []
        sizes = []
        index = [Int?](repeating: nil, count: model.participants.count)
        for (node, id) in ids.enumerated() {
            index[id.rawValue] = node
            let shape = ShapeKind.participant(model[id].kind.shape)
            let (lines, size) = metrics.measure(model[id].displayName, style: S.nodeLabel, maxWidth: S.nodeMaxLabelWidth)
            let label = MeasuredText(lines: lines, size: size)
            // Every node is at least one line high, even with an empty name.
            var height = max(label.size.height, metrics.lineHeight(size: S.nodeLabel.size)) + 2 * S.nodePaddingY
            height += shape.labelInsets(height: height).vertical
            shapes.append(shape)
            labels.append(label)
            sizes.append(Size(width: Self.width(label, shape: shape, height: height), height: height))
        }
    }

    /// The width that fits `label` in `shape` at `height` (a hexagon's points grow with it).
    static func width(_ label: MeasuredText, shape: ShapeKind, height: Double) -> Double {
        max(label.size.width + 2 * S.nodePaddingX + shape.labelInsets(height: height).horizontal, S.nodeMinWidth)
    }

    /// Makes node `node` long enough on the sides edges meet (left and right when edges run left
    /// to right, top and bottom when they run down) for `ends` edge ends on one side to lie
    /// `spacing` apart, so that neighbouring batons and arrowheads never merge into a blob.
    mutating func makeRoom(_ node: Int, forEnds ends: Int, spacing: Double, direction: LayoutDirection) {
        guard ends > 1 else { return }
        let needed = Double(ends - 1) * spacing / EdgeRouter.usableSide
        let size = sizes[node]
        switch direction {
        case .leftToRight:
            // Edges meet a person's body, below the head: the head comes on top of what is needed.
            let range = outline(node).portRange(vertical: true, in: Rect(origin: .zero, size: size))
            let height = needed + size.height - (range.upperBound - range.lowerBound)
            guard height > size.height else { return }
            sizes[node] = Size(width: max(size.width, Self.width(labels[node], shape: shapes[node], height: height)), height: height)
        case .topToBottom:
            sizes[node].width = max(size.width, needed)
        }
    }

    /// The outline edges are clipped to, for node `node`.
    func outline(_ node: Int) -> BorderShape {
        shapes[node].outline(size: sizes[node])
    }

    /// Node `node` drawn in `frame`: its shape, and its name centred in the shape's body.
    func items(_ node: Int, frame: Rect, model: Model, metrics: TextMetrics) -> SceneItem {
        let shape = shapes[node]
        let label = labels[node]
        let insets = shape.labelInsets(height: frame.height)
        let center = Point(x: frame.minX + insets.left + (frame.width - insets.horizontal) / 2,
                           y: frame.minY + insets.top + (frame.height - insets.vertical) / 2)
        let text = metrics.block(label.lines, size: label.size, style: S.nodeLabel, alignment: .middle,
                                 anchor: Point(x: center.x, y: center.y - label.size.height / 2))
        let participant = model[ids[node]]
        return .group(SceneGroup(id: "p\(participant.id.rawValue)", classes: "participant " + participant.kind.rawValue, items: [
            .shape(SceneShape(shape, frame: frame, role: .participant(participant.kind))),
            .text(text),
        ]))
    }
}
