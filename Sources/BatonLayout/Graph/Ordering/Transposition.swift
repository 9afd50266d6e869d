// Local improvement of crossing minimisation: swap adjacent vertices of a layer while that
// removes crossings (dot's `transpose`). Only vertices of the same innermost cluster are
// swapped, which keeps clusters contiguous.

extension OrderingState {
    /// Repeats passes over the layers that changed until no swap helps or the budget is spent.
    /// With `reverse`, swaps that leave the count unchanged are made too: they flip back and forth
    /// while other layers improve, which walks the plateaus and finds better orders (as in dot).
    /// `from`: the layers to start with (nil for all); their neighbours follow as they change.
    mutating func transpose(reverse: Bool, from layers: [Int]? = nil) {
        let layerCount = order.count
        guard layerCount > 0 else { return }
        var candidate = Array(repeating: layers == nil, count: layerCount)
        for l in layers ?? [] where l >= 0 && l < layerCount { candidate[l] = true }
        var budget = transposeBudget
        let cluster = graph.cluster
        let soleUpper = neighbours.soleUpper, soleLower = neighbours.soleLower
        var improved = true
        while improved && budget > 0 {
            improved = false
            for l in 0..<layerCount where candidate[l] {
                candidate[l] = false
                let size = order[l].count
                guard size > 1 else { continue }
                budget -= size
                var layer = order[l]
                neighbours.reset()
                var gain = 0
                for i in 0..<(size - 1) {
                    let v = layer[i], w = layer[i + 1]
                    guard cluster[v] == cluster[w] else { continue }
                    var kept = 0, swapped = 0
                    let uv = soleUpper[v], uw = soleUpper[w], lv = soleLower[v], lw = soleLower[w]
                    if uv >= -1 && uw >= -1 && lv >= -1 && lw >= -1 {
                        // At most one arc on each side (most vertices are dummies): compare directly.
                        if uv >= 0 && uw >= 0 {
                            let a = position[uv], b = position[uw]
                            if a > b { kept += 1 } else if a < b { swapped += 1 }
                        }
                        if lv >= 0 && lw >= 0 {
                            let a = position[lv], b = position[lw]
                            if a > b { kept += 1 } else if a < b { swapped += 1 }
                        }
                    } else {
                        (kept, swapped) = neighbours.pairCrossings(v, w, position: position)
                    }
                    if swapped < kept || (reverse && swapped == kept && kept > 0) {
                        layer[i] = w; layer[i + 1] = v
                        position[w] = i; position[v] = i + 1
                        gain += kept - swapped
                        candidate[l] = true
                        if l > 0 { candidate[l - 1] = true }
                        if l + 1 < layerCount { candidate[l + 1] = true }
                    }
                }
                order[l] = layer
                if gain > 0 { improved = true }
                if budget <= 0 { break }
            }
        }
    }
}
