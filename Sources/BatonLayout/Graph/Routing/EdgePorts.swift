// Where every edge meets its nodes, and how far its straight end runs out. Decided once the
// order-axis coordinates are known and before the layers are spread along the rank axis, so that
// the gaps between layers can be made wide enough for the ends (see `gapSteps`).
//
// Edges meeting one side of a node get distinct ports spread along that side, sorted by where
// the edges go, so that edges of one node never cross each other and parallel edges run apart.
// Ends beyond what a side holds meet the node on its flanks (`FlankPorts`): out across the flow,
// then along it above or below the node.
//
// Ends leaving one side `portSpacing` apart and turning at the same place would run as close as a
// few pixels once they head steeply up or down across the gap. So the ends heading the same way
// turn one after the other, `edgeSeparation` apart (`steps`): of the ends heading up (towards
// −y) the highest turns first, of those heading down the lowest. Each then climbs (or drops) over
// the same short run and goes on from there (`EdgeRouter`), so their steep parts run side by
// side, a separation apart, instead of converging. The ends keep their order, so no crossing is
// added.
//
// All in layout space (layers are columns; "top" is towards −y).

struct EdgePorts {
    /// Where an edge end meets its node.
    enum Port {
        /// On the side facing the edge's neighbour in the next (or previous) layer, `offset` from
        /// the node's anchor along the order axis.
        case side(offset: Double)
        /// On the top (or bottom) flank, `along` from the node's centre along the rank axis,
        /// running `depth` out from the flank before turning along the flow.
        case flank(along: Double, depth: Double, top: Bool)
    }

    /// The port of each edge at its layout tail and at its layout head.
    var tail: [Port]
    var head: [Port]
    /// How many separations beyond `arrowRoom` each edge's straight end runs out at its layout
    /// tail and at its layout head before turning; nil for an end that is not staggered (it is
    /// the only one heading its way from its side, or it heads straight on).
    var tailSteps: [Int?]
    var headSteps: [Int?]
    /// What each gap (between layer `l` and `l + 1`) must make room for: the most steps of the
    /// ends leaving layer `l` into it and of the ends arriving from it into layer `l + 1`.
    var gaps: [Gap]
    /// The runs of staggered ends: the ends of one side of one node heading the same way.
    var groups: [Group]

    struct Group: Hashable {
        /// The gap the ends turn in (between layer `gap` and `gap + 1`).
        var gap: Int
        /// Whether they are the edges' layout tails (leaving layer `gap`) or heads.
        var tails: Bool
        var edges: [Int]
    }

    struct Gap: Hashable {
        var tailSteps = 0
        var headSteps = 0
    }

    /// The share of a node's side (around its middle) that edge ends spread over.
    static let usableSide = 0.7

    /// - Parameter sizes: every node's size in layout space (its frame is centred on its anchor).
    init(graph: ProperGraph, anchor: [Double], sizes: [Size], shapes: [BorderShape], flanks: FlankPorts, space: LayoutSpace,
         options: LayeredLayoutOptions) {
        let nodeCount = sizes.count
        var outgoing = Array(repeating: [(edge: Int, toward: Double)](), count: nodeCount)
        var incoming = Array(repeating: [(edge: Int, toward: Double)](), count: nodeCount)
        for (e, chain) in graph.chains.enumerated() where chain.count >= 2 {
            guard case .node(let t) = graph.vertices[chain[0]], case .node(let h) = graph.vertices[chain[chain.count - 1]] else { continue }
            outgoing[t].append((e, anchor[chain[1]]))
            incoming[h].append((e, anchor[chain[chain.count - 2]]))
        }
        let edgeCount = graph.chains.count
        tail = Array(repeating: .side(offset: 0), count: edgeCount)
        head = Array(repeating: .side(offset: 0), count: edgeCount)
        tailSteps = Array(repeating: nil, count: edgeCount)
        headSteps = Array(repeating: nil, count: edgeCount)
        gaps = Array(repeating: Gap(), count: max(0, graph.layerCount - 1))
        groups = []
        let spacing = options.portSpacing
        for v in 0..<nodeCount {
            // The node's frame along the order axis (its extent along the rank axis does not
            // matter here: flank ends are placed relative to its centre).
            let frame = Rect(x: -sizes[v].width / 2, y: anchor[v] - sizes[v].height / 2, width: sizes[v].width, height: sizes[v].height)
            let l = graph.layer[v]
            for (isTail, ends) in [(true, outgoing[v]), (false, incoming[v])] where !ends.isEmpty {
                let sorted = ends.sorted { $0.toward != $1.toward ? $0.toward < $1.toward : $0.edge < $1.edge }
                var ports = [Port](repeating: .side(offset: 0), count: sorted.count)
                // The outermost ends go to the flanks, as planned, as long as they head that way.
                var (top, bottom) = isTail ? flanks.after[v] : flanks.before[v]
                let inset = FlankPorts.inset(shapes[v], outgoing: isTail, space: space, spacing: spacing) ?? 0
                while top > 0 && sorted[top - 1].toward >= frame.minY { top -= 1 }
                while bottom > 0 && sorted[sorted.count - bottom].toward <= frame.maxY { bottom -= 1 }
                // Outgoing ends take the flank's half towards the later layers, incoming ones the
                // other; the innermost end sits nearest the corner, the outermost one furthest in
                // and farthest out.
                for i in 0..<top {
                    let k = top - 1 - i
                    ports[i] = .flank(along: FlankPorts.position(k, frame: frame, inset: inset, outgoing: isTail, spacing: spacing),
                                      depth: FlankPorts.depth(k, options), top: true)
                }
                for k in 0..<bottom {
                    ports[sorted.count - bottom + k] = .flank(along: FlankPorts.position(k, frame: frame, inset: inset, outgoing: isTail,
                                                                                            spacing: spacing),
                                                              depth: FlankPorts.depth(k, options), top: false)
                }
                let sideCount = sorted.count - top - bottom
                if sideCount > 0 {
                    // Ports spread around the anchor, within the part of the side edges may meet
                    // (all of it, except beside a person's head), moved as little as needed to fit.
                    let range = space.portRange(shapes[v], frame: frame)
                    let span = range.upperBound - range.lowerBound
                    let usable = Self.usableSide * min(frame.height, span)
                    let step = sideCount > 1 ? min(spacing, usable / Double(sideCount - 1)) : 0
                    let reach = step * Double(sideCount - 1) / 2
                    let margin = (span - usable) / 2
                    let low = range.lowerBound + margin + reach, high = range.upperBound - margin - reach
                    let center = low <= high ? min(max(anchor[v], low), high) : (range.lowerBound + range.upperBound) / 2
                    for i in 0..<sideCount {
                        ports[top + i] = .side(offset: center - anchor[v] + (Double(i) - Double(sideCount - 1) / 2) * step)
                    }
                }
                // Where each end runs along the flow, and which way it heads from there.
                let headings = sorted.indices.map { i -> Int in
                    let y: Double
                    switch ports[i] {
                    case .side(let offset): y = anchor[v] + offset
                    case .flank(_, let depth, let top): y = top ? frame.minY - depth : frame.maxY + depth
                    }
                    let rise = sorted[i].toward - y
                    return rise < -spacing ? -1 : rise > spacing ? 1 : 0
                }
                let steps = Self.steps(headings)
                for (i, end) in sorted.enumerated() {
                    if isTail {
                        tail[end.edge] = ports[i]
                        tailSteps[end.edge] = steps[i]
                    } else {
                        head[end.edge] = ports[i]
                        headSteps[end.edge] = steps[i]
                    }
                }
                let gap = isTail ? l : l - 1
                if gap >= 0 && gap < gaps.count {
                    for heading in [-1, 1] {
                        let run = sorted.indices.filter { steps[$0] != nil && headings[$0] == heading }
                        if !run.isEmpty { groups.append(Group(gap: gap, tails: isTail, edges: run.map { sorted[$0].edge })) }
                    }
                }
                let most = steps.lazy.compactMap { $0 }.max() ?? 0
                if isTail, l < gaps.count { gaps[l].tailSteps = max(gaps[l].tailSteps, most) }
                if !isTail, l > 0 { gaps[l - 1].headSteps = max(gaps[l - 1].headSteps, most) }
            }
        }
    }

    /// How many separations out each of a side's ends (in order) turns, given which way each
    /// heads (−1 up, 1 down, 0 level): the ends heading up from the first on, the highest
    /// turning first; those heading down from the last on, the lowest turning first. Nil for
    /// the ends not in such a run of two or more.
    static func steps(_ headings: [Int]) -> [Int?] {
        var steps = [Int?](repeating: nil, count: headings.count)
        var up = 0
        while up < headings.count && headings[up] < 0 { up += 1 }
        if up > 1 { for i in 0..<up { steps[i] = i } }
        var down = 0
        while down < headings.count - up && headings[headings.count - 1 - down] > 0 { down += 1 }
        if down > 1 { for j in 0..<down { steps[headings.count - 1 - j] = j } }
        return steps
    }
}
