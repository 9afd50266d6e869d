// How much room every vertex of the proper graph takes, in layout space: along the rank axis
// (its thickness, centred on its layer) and along the order axis on either side of its anchor
// (where its edge passes, for dummies).

struct VertexExtents {
    /// Extent along the order axis before and after the anchor.
    var before: [Double]
    var after: [Double]
    /// Extent along the rank axis.
    var thickness: [Double]

    /// A label takes room on one side of its edge (`labelSides`): the gap to its edge, itself,
    /// and as much again beyond it, so that the next edge stays farther from the label than its
    /// own edge is.
    /// A node keeps room above and below it for the ends on its flanks (`flanks`).
    init(graph: ProperGraph, nodeSizes: [Size], labelSizes: [Size?], labelSides: LabelSides, loops: SelfLoopPlan,
         flanks: FlankPorts, options: LayeredLayoutOptions) {
        let n = graph.vertexCount
        before = Array(repeating: 0, count: n)
        after = Array(repeating: 0, count: n)
        thickness = Array(repeating: 0, count: n)
        for v in 0..<n {
            switch graph.vertices[v] {
            case .node(let i):
                let s = nodeSizes[i]
                before[v] = s.height / 2 + flanks.topReserve[i]
                after[v] = s.height / 2 + loops.reserve[i] + flanks.bottomReserve[i]
                thickness[v] = max(s.width, loops.labelThickness[i])
            case .label(let e):
                let s = labelSizes[e] ?? .zero
                let room = 2 * options.labelGap + s.height
                if labelSides.before[e] { before[v] = room } else { after[v] = room }
                thickness[v] = s.width
            case .bend, .filler:
                break
            }
        }
    }
}
