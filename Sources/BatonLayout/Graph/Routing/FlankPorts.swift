// Edge ends on a node's flanks. Edges meet a node on the side facing their layer's neighbours
// (left and right in left-to-right drawings, top and bottom top to bottom), `portSpacing` apart.
// A hub with more ends on a side than the side holds would have to grow into a tall bar; instead
// the ends beyond what the side holds go to its flanks (the sides along the flow: top and bottom
// left to right, left and right top to bottom), as a node in Graphviz dot is met all around.
//
// The outermost ends move — the first in the side's order to the top flank, the last to the
// bottom one, as many to each — since those are the edges that head furthest up or down. On a
// flank an end leaves (or arrives) across the flow, runs out (`depth`) and turns along the flow
// above (or below) the node; outgoing ends take the flank's half towards the later layers,
// incoming ends the half towards the earlier ones, the innermost end nearest the corner and the
// outer ones further in and farther out, so that no two cross. The node keeps the room above and
// below it for them.
//
// Not every outline takes flank ends (see `inset` and `topFree`). A node whose ends do not fit its side and
// flanks grows, as before, for the rest (`GraphNodes.makeRoom`, with the same counts as here).
//
// All in layout space (layers are columns; "top" is towards −y).

struct FlankPorts {
    /// How many of each node's ends on the side facing the later layers go to its top and
    /// bottom flank, and the same for the side facing the earlier layers.
    var after: [(top: Int, bottom: Int)]
    var before: [(top: Int, bottom: Int)]
    /// The room each node keeps above and below itself for its flank ends (layout space).
    var topReserve: [Double]
    var bottomReserve: [Double]

    init(graph: ProperGraph, nodeSizes: [Size], shapes: [BorderShape], loops: SelfLoopPlan, space: LayoutSpace,
         options: LayeredLayoutOptions) {
        let nodeCount = nodeSizes.count
        var endsAfter = Array(repeating: 0, count: nodeCount), endsBefore = Array(repeating: 0, count: nodeCount)
        for chain in graph.chains where chain.count >= 2 {
            guard case .node(let t) = graph.vertices[chain[0]], case .node(let h) = graph.vertices[chain[chain.count - 1]] else { continue }
            endsAfter[t] += 1
            endsBefore[h] += 1
        }
        after = Array(repeating: (0, 0), count: nodeCount)
        before = Array(repeating: (0, 0), count: nodeCount)
        topReserve = Array(repeating: 0, count: nodeCount)
        bottomReserve = Array(repeating: 0, count: nodeCount)
        for v in 0..<nodeCount where max(endsAfter[v], endsBefore[v]) > 1 {
            let bottomFree = loops.loops[v].isEmpty
            after[v] = Self.allocation(ends: endsAfter[v], outgoing: true, shape: shapes[v], size: nodeSizes[v], bottomFree: bottomFree,
                                       space: space, spacing: options.portSpacing)
            before[v] = Self.allocation(ends: endsBefore[v], outgoing: false, shape: shapes[v], size: nodeSizes[v],
                                        bottomFree: bottomFree, space: space, spacing: options.portSpacing)
            let top = max(after[v].top, before[v].top), bottom = max(after[v].bottom, before[v].bottom)
            if top > 0 { topReserve[v] = Self.depth(top - 1, options) }
            if bottom > 0 { bottomReserve[v] = Self.depth(bottom - 1, options) }
        }
    }

    /// How many of `ends` on one side of a node of `size` (layout space) and outline `shape` go
    /// to its top and bottom flank (`outgoing`: the side facing the later layers).
    /// `GraphNodes.makeRoom` sizes nodes by the same counts.
    static func allocation(ends: Int, outgoing: Bool, shape: BorderShape, size: Size, bottomFree: Bool, space: LayoutSpace,
                           spacing: Double) -> (top: Int, bottom: Int) {
        guard ends > 1, let inset = inset(shape, outgoing: outgoing, space: space, spacing: spacing) else { return (0, 0) }
        let frame = Rect(origin: .zero, size: size)
        // On a flank too short to keep the nearest end off the outline's slant or cap, that end
        // would land among the side's ends, and meet one of them: such a node takes none.
        guard nearest(inset, width: frame.width, spacing: spacing) >= slant(shape, space: space) else { return (0, 0) }
        let range = space.portRange(shape, frame: frame)
        let side = sideCapacity(span: min(frame.height, range.upperBound - range.lowerBound), spacing: spacing)
        return split(ends: ends, sideCapacity: side, flankCapacity: flankCapacity(width: frame.width, inset: inset, spacing: spacing),
                     topFree: topFree(shape, space: space), bottomFree: bottomFree)
    }

    /// How far from the corner (along the rank axis, layout space) the nearest flank end of a
    /// side of `shape` sits, clear of the ends on the side and of the outline's slants and caps;
    /// nil when ends of that side may not meet it on its flanks: a topic's copies leave through
    /// the fan on its side, and an ellipse has no flank (its flank ends would land among its
    /// side ends).
    static func inset(_ shape: BorderShape, outgoing: Bool, space: LayoutSpace, spacing: Double) -> Double? {
        let across = space.direction == .topToBottom
        switch shape {
        case .rectangle, .cylinder, .person: return spacing
        case .roundedRectangle(let radius): return max(spacing, radius + spacing / 2)
        case .hexagon(let inset): return across ? 1.5 * spacing : inset + spacing
        case .horizontalCylinder(let cap): return across ? spacing : 2 * cap + spacing / 2
        case .fannedCylinder(let cap, _, _): return outgoing ? nil : across ? spacing : 2 * cap + spacing / 2
        case .ellipse: return nil
        }
    }

    /// How far the outline of `shape` slants or curves in from the corner along its flanks (left
    /// to right, the hexagon's points and the horizontal cylinder's caps lie along the flow).
    static func slant(_ shape: BorderShape, space: LayoutSpace) -> Double {
        guard space.direction == .leftToRight else { return 0 }
        switch shape {
        case .hexagon(let inset): return inset
        case .horizontalCylinder(let cap), .fannedCylinder(let cap, _, _): return 2 * cap
        default: return 0
        }
    }

    /// Whether ends may meet `shape` on its top flank: not a person's, left to right, where its
    /// head sits.
    static func topFree(_ shape: BorderShape, space: LayoutSpace) -> Bool {
        if case .person = shape { return space.direction == .topToBottom }
        return true
    }

    /// How many ends fit on a side whose port range is `span` long, about `spacing` apart
    /// (within `EdgePorts.usableSide` of it, as the ports are spread; they may close up by a
    /// pixel: a node one line high then holds three ends on a side, not two).
    static func sideCapacity(span: Double, spacing: Double) -> Int {
        guard spacing > 1 else { return Int.max }
        return Int((EdgePorts.usableSide * max(0, span) / (spacing - 1) + 1e-9).rounded(.down)) + 1
    }

    /// How many ends fit on one half of a flank of a node `width` long across the layers, a
    /// spacing apart: from `inset` off the corner (less on a short flank, down to half a
    /// spacing, so that it holds one) to half a spacing short of the middle.
    static func flankCapacity(width: Double, inset: Double, spacing: Double) -> Int {
        guard spacing > 0 else { return 0 }
        let room = width / 2 - nearest(inset, width: width, spacing: spacing) - spacing / 2
        return room < 0 ? 0 : Int((room / spacing + 1e-9).rounded(.down)) + 1
    }

    /// How far from the corner the nearest flank end sits on a flank `width` long.
    static func nearest(_ inset: Double, width: Double, spacing: Double) -> Double {
        max(spacing / 2, min(inset, width / 2 - spacing / 2))
    }

    /// Where flank end `k` (0 nearest the node) of a side sits along the rank axis: the nearest
    /// `inset` from the corner on the side's end of the node, the next ones towards the middle.
    static func position(_ k: Int, frame: Rect, inset: Double, outgoing: Bool, spacing: Double) -> Double {
        let offset = nearest(inset, width: frame.width, spacing: spacing) + spacing * Double(k)
        return outgoing ? frame.maxX - offset : frame.minX + offset
    }

    /// How many of a side's `ends` go to its top and bottom flank: those beyond what the side
    /// holds, half to each (the odd one on top), as many as each holds; a flank that is not
    /// free (a person's head on top, a self-loop below) takes none.
    static func split(ends: Int, sideCapacity: Int, flankCapacity: Int, topFree: Bool = true,
                      bottomFree: Bool) -> (top: Int, bottom: Int) {
        let over = ends - sideCapacity
        guard over > 0, flankCapacity > 0 else { return (0, 0) }
        let topCapacity = topFree ? flankCapacity : 0, bottomCapacity = bottomFree ? flankCapacity : 0
        var bottom = min(over / 2, bottomCapacity)
        let top = min(over - bottom, topCapacity)
        bottom = min(over - top, bottomCapacity)
        return (top, bottom)
    }

    /// How far the flank end `i` (0 nearest the node) runs out before it turns: room for the
    /// straight end piece and a round bend, then `portSpacing` for each end nearer the node.
    static func depth(_ i: Int, _ options: LayeredLayoutOptions) -> Double {
        options.arrowRoom + options.portSpacing * Double(i + 1)
    }
}
