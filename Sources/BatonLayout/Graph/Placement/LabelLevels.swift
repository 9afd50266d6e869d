// A label's edge runs along the label at the label vertex's anchor (see `EdgeRouter`), so a
// label vertex left above or below both its neighbours along the edge makes the edge dip out to
// the label and come back: a trough (or hump) whose only purpose is the label. Straightening
// (`OrderCoordinates.straightenEdges`) aims every dummy at the straight line between the edge's
// ends; where its neighbours in the layer stop a bend short of that line, the label vertex can be
// left beyond its neighbours along the edge. This moves each such label vertex back level with
// the nearer of them, as far as its own neighbours in the layer allow.

extension OrderCoordinates {
    static func levelLabels(_ y: inout [Double], graph: ProperGraph, layering: BorderedLayering,
                            before: [Double], after: [Double], spacing: OrderSpacing) {
        var index: [Int]?
        var layerOf: [Int] = []
        for chain in graph.chains where chain.count > 2 {
            for k in 1..<(chain.count - 1) {
                let d = chain[k]
                guard case .label = graph.vertices[d] else { continue }
                let a = y[chain[k - 1]], b = y[chain[k + 1]]
                let target = min(max(y[d], min(a, b)), max(a, b))
                guard target != y[d] else { continue }
                if index == nil {
                    var positions = Array(repeating: 0, count: layering.count)
                    layerOf = Array(repeating: 0, count: layering.count)
                    for (l, layer) in layering.layers.enumerated() {
                        for (i, v) in layer.enumerated() { positions[v] = i; layerOf[v] = l }
                    }
                    index = positions
                }
                guard let i = index?[d] else { continue }
                let (low, high) = room(of: d, at: i, in: layering.layers[layerOf[d]], y: y, layering: layering,
                                       before: before, after: after, spacing: spacing)
                guard low <= high else { continue }
                y[d] = min(max(target, low), high)
            }
        }
    }
}
