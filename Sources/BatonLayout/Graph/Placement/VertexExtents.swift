// How much room every vertex of the proper graph takes, in layout space: along the rank axis
// (its thickness, centred on its layer) and along the order axis on either side of its anchor
// (where its edge passes, for dummies).

struct VertexExtents {
    /// Extent along the order axis before and after the anchor.
    var before: [Double]
    var after: [Double]
    /// Extent along the rank axis.
    var thickness: [Double]

    init(graph: ProperGraph, nodeSizes: [Size], labelSizes: [Size?], loops: SelfLoopPlan, options: LayeredLayoutOptions) {
        let n = graph.vertexCount
        before = Array(repeating: 0, count: n)
        after = Array(repeating: 0, count: n)
        thickness = Array(repeating: 0, count: n)
        for v in 0..<n {
            switch graph.vertices[v] {
            case .node(let i):
                let s = nodeSizes[i]
                before[v] = s.height / 2
                after[v] = s.height / 2 + loops.reserve[i]
                thickness[v] = max(s.width, loops.labelThickness[i])
            case .label(let e):
                let s = labelSizes[e] ?? .zero
                after[v] = options.labelGap + s.height
                thickness[v] = s.width
            case .bend, .filler:
                break
            }
        }
    }
}
