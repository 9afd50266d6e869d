import BatonModel

/// The nodes of the graph view, measured: for every shown participant its box (`ParticipantBox`,
/// as in the sequence view) and the size of the shape around it.
struct GraphNodes {
    typealias S = GraphViewStyle

    /// Shown participants, in declaration order (`GraphViewContent.nodes`).
    var ids: [ParticipantID]
    var boxes: [ParticipantBox]
    var sizes: [Size]
    /// The node index of each participant (indexed by `ParticipantID.rawValue`), nil if not shown.
    var index: [Int?]

    init(model: Model, content: GraphViewContent, metrics: TextMetrics) {
        ids = content.nodes
        boxes = []
        sizes = []
        index = [Int?](repeating: nil, count: model.participants.count)
        let oneLine = metrics.lineHeight(size: ParticipantBox.label.size)
        for (node, id) in ids.enumerated() {
            index[id.rawValue] = node
            let box = ParticipantBox(model[id], metrics: metrics)
            // Every node is at least one line high, even with an empty name.
            let height = box.height(labelHeight: max(box.label.size.height, oneLine))
            boxes.append(box)
            sizes.append(Size(width: box.width(height: height, minWidth: S.nodeMinWidth), height: height))
        }
    }

    /// Makes node `node` long enough on the sides edges meet (left and right when edges run left
    /// to right, top and bottom when they run down) for the ends each side keeps to lie
    /// `spacing` apart, so that neighbouring batons and arrowheads never merge into a blob. Ends
    /// beyond what a side holds go to the node's flanks where its outline takes them
    /// (`FlankPorts`, which the layout follows with the same counts), so a hub grows only for
    /// the ends its flanks cannot take. The bottom flank is the self-loops' (`hasLoop`).
    mutating func makeRoom(_ node: Int, forEnds ends: (before: Int, after: Int), hasLoop: Bool, spacing: Double,
                           direction: LayoutDirection) {
        let space = LayoutSpace(direction: direction)
        func kept(_ count: Int, outgoing: Bool) -> Int {
            let flanks = FlankPorts.allocation(ends: count, outgoing: outgoing, shape: outline(node), size: space.size(sizes[node]),
                                               bottomFree: !hasLoop, space: space, spacing: spacing)
            return count - flanks.top - flanks.bottom
        }
        let kept = max(kept(ends.before, outgoing: false), kept(ends.after, outgoing: true))
        let frame = space.rect(Rect(origin: .zero, size: sizes[node]))
        let range = space.portRange(outline(node), frame: frame)
        guard kept > FlankPorts.sideCapacity(span: min(frame.height, range.upperBound - range.lowerBound), spacing: spacing) else { return }
        let needed = Double(kept - 1) * spacing / EdgePorts.usableSide
        let size = sizes[node]
        switch direction {
        case .leftToRight:
            // Edges meet a person's body, below the head: the head comes on top of what is needed.
            let range = outline(node).portRange(vertical: true, in: Rect(origin: .zero, size: size))
            let height = needed + size.height - (range.upperBound - range.lowerBound)
            guard height > size.height else { return }
            sizes[node] = Size(width: max(size.width, boxes[node].width(height: height, minWidth: S.nodeMinWidth)), height: height)
        case .topToBottom:
            sizes[node].width = max(size.width, needed)
        }
    }

    /// The outline edges are clipped to, for node `node`.
    func outline(_ node: Int) -> BorderShape {
        boxes[node].shape.outline(size: sizes[node])
    }

    /// Node `node` drawn in `frame` (`ParticipantBox.item`).
    func items(_ node: Int, frame: Rect, model: Model, metrics: TextMetrics) -> SceneItem {
        boxes[node].item(model[ids[node]], frame: frame, id: "p\(ids[node].rawValue)", metrics: metrics)
    }
}
