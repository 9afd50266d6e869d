// Self-loops never enter the layered graph: each is a small loop on the node's side facing
// the next vertex of its layer (below it in left-to-right drawings, to its right top-to-bottom),
// with room reserved there for the loops and their labels.

struct SelfLoopPlan {
    /// Self-loop edges of each node, in edge order.
    var loops: [[Int]]
    /// Extra room each node needs after its anchor along the order axis (layout space).
    var reserve: [Double]
    /// The thickest loop label of each node along the rank axis (layout space).
    var labelThickness: [Double]

    init(nodeCount: Int, edges: [LayeredGraph.Edge], labelSizes: [Size?], options: LayeredLayoutOptions) {
        loops = Array(repeating: [], count: nodeCount)
        for (e, edge) in edges.enumerated() where edge.from == edge.to && edge.from >= 0 && edge.from < nodeCount {
            loops[edge.from].append(e)
        }
        reserve = Array(repeating: 0, count: nodeCount)
        labelThickness = Array(repeating: 0, count: nodeCount)
        for v in 0..<nodeCount where !loops[v].isEmpty {
            var r = Self.depth(loops[v].count - 1, options)
            for e in loops[v] {
                if let s = labelSizes[e] {
                    r += options.labelGap + s.height
                    labelThickness[v] = max(labelThickness[v], s.width)
                }
            }
            reserve[v] = r
        }
    }

    /// How far loop number `i` of a node reaches out of the node's frame.
    static func depth(_ i: Int, _ options: LayeredLayoutOptions) -> Double {
        options.selfLoopSize + Double(i) * options.portSpacing
    }

    /// The routes and label frames of node `v`'s loops, in layout space, given its frame.
    func routes(node v: Int, frame: Rect, shape: BorderShape, labelSizes: [Size?], space: LayoutSpace,
                options: LayeredLayoutOptions) -> [(edge: Int, route: [Point], label: Rect?)] {
        var out: [(edge: Int, route: [Point], label: Rect?)] = []
        let bottom = frame.maxY
        var labelCursor = bottom + Self.depth(loops[v].count - 1, options) + options.labelGap
        for (i, e) in loops[v].enumerated() {
            let d = Self.depth(i, options)
            // Loops keep to the middle of the node's side (at most 60% of the half-width out),
            // clear of the ports on the sides, which stay within 70% of the half-height.
            let a = frame.width / 2 * min(0.6, 0.3 + 0.1 * Double(i))
            let x0 = frame.midX - a, x1 = frame.midX + a
            let outer = bottom + d
            let start = space.exitPoint(shape, frame: frame, from: Point(x: x0, y: frame.midY), toward: Point(x: x0, y: outer))
            let end = space.exitPoint(shape, frame: frame, from: Point(x: x1, y: frame.midY), toward: Point(x: x1, y: outer))
            let route = [start, Point(x: x0, y: outer), Point(x: x1, y: outer), end]
            var label: Rect?
            if let s = labelSizes[e] {
                label = Rect(x: frame.midX - s.width / 2, y: labelCursor, width: s.width, height: s.height)
                labelCursor += s.height + options.labelGap
            }
            out.append((e, route, label))
        }
        return out
    }
}
