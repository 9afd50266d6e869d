/// Where cluster titles go. The layout reserves a band along the top of each cluster's box for
/// its title and puts the title at the band's left end. Edges may cross that band on their way
/// into the cluster (mostly top to bottom, where they enter through the top), so a title that an
/// edge would cross slides along its band to the first place no edge crosses and nothing else
/// covers. When there is none, it stays put and is drawn over the edges on a plate of the
/// cluster's fill, so it stays readable and the edges pass under it.
///
/// The work is bounded for huge drawings: edges are sampled one at a time and each piece is only
/// tested against the bands at its height (`StripIndex`), and the pieces kept for sliding, and the
/// tests made while sliding, have budgets. A title past them stays put on its plate; everyday
/// drawings are far below both.
enum GraphClusterTitles {
    /// How far apart the places tried along the band are.
    static let step = 4.0
    /// Curves are checked as polylines with this many pieces per Bézier segment.
    static let samples = 6
    /// The most pieces of edges kept, over all the titles that slide (each is two points).
    static let pieceBudget = 2_000_000
    /// The most tests of a piece against a place, over all the titles that slide.
    static let testBudget = 50_000_000

    /// One title frame per cluster, indexed like `graph.clusters`, in the layout's coordinates,
    /// and whether edges still cross it.
    static func frames(_ graph: GraphLayout, curves: [[Point]]) -> (frames: [Rect], crossed: [Bool]) {
        let layout = graph.layout
        var frames = layout.clusterLabelFrames
        var stillCrossed = [Bool](repeating: false, count: frames.count)
        guard !frames.isEmpty else { return (frames, stillCrossed) }
        // Each title's band: the strip along the top of its box where the title may slide.
        var bands = [Rect?](repeating: nil, count: frames.count)
        for c in frames.indices {
            let title = frames[c], box = layout.clusterFrames[c]
            guard title.width > 0, title.height > 0 else { continue }
            bands[c] = Rect(x: box.minX, y: title.minY, width: box.width, height: title.height)
        }
        let index = StripIndex(bands.enumerated().compactMap { c, band in band.map { (c, $0.minY, $0.maxY) } })
        // Calls `body(c, a, b)` for every piece `a`–`b` of an edge in band `c` (among `wanted`).
        func forEachPiece(in wanted: [Bool], _ body: (Int, Point, Point) -> Void) {
            for curve in curves {
                let line = Polyline.sampleCubicBezier(curve, steps: samples)
                guard line.count >= 2 else { continue }
                for i in 1..<line.count {
                    let a = line[i - 1], b = line[i]
                    index.forEachItem(minY: min(a.y, b.y), maxY: max(a.y, b.y)) { c in
                        guard wanted[c], let band = bands[c] else { return }
                        if max(a.x, b.x) > band.minX && min(a.x, b.x) < band.maxX && max(a.y, b.y) > band.minY && min(a.y, b.y) < band.maxY {
                            body(c, a, b)
                        }
                    }
                }
            }
        }

        // Which titles edges cross, and how many pieces each band holds.
        var crossedTitle = [Bool](repeating: false, count: frames.count)
        var pieces = [Int](repeating: 0, count: frames.count)
        forEachPiece(in: bands.map { $0 != nil }) { c, a, b in
            pieces[c] += 1
            if !crossedTitle[c] && frames[c].isCrossed(by: a, b) { crossedTitle[c] = true }
        }
        // The crossed ones slide, in order, while their pieces fit the budget.
        var slides = [Bool](repeating: false, count: frames.count)
        var kept = 0
        for c in frames.indices where crossedTitle[c] {
            stillCrossed[c] = true
            if kept + pieces[c] <= pieceBudget { slides[c] = true; kept += pieces[c] }
        }
        var segments = Array(repeating: [(Point, Point)](), count: frames.count)
        forEachPiece(in: slides) { c, a, b in segments[c].append((a, b)) }
        // What a title must not cover: nodes and edge labels in its band...
        var inBand = Array(repeating: [Rect](), count: frames.count)
        for frame in layout.nodeFrames + layout.labelFrames.compactMap({ $0 }) {
            index.forEachItem(minY: frame.minY, maxY: frame.maxY) { c in
                if slides[c], let band = bands[c], frame.overlaps(band) { inBand[c].append(frame) }
            }
        }
        // ...other titles and nested boxes.
        var children = Array(repeating: [Int](), count: frames.count)
        for (d, cluster) in graph.clusters.enumerated() { if let p = cluster.parent, p >= 0, p < frames.count { children[p].append(d) } }

        var tests = 0
        for c in frames.indices where slides[c] {
            guard let band = bands[c] else { continue }
            let title = frames[c], box = layout.clusterFrames[c]
            func crossed(_ r: Rect) -> Bool { segments[c].contains { r.isCrossed(by: $0.0, $0.1) } }
            var obstacles = inBand[c]
            var nested: [Int] = []
            var stack = children[c]
            while let d = stack.popLast() { nested.append(d); stack.append(contentsOf: children[d]) }
            var near = nested
            index.forEachItem(minY: band.minY, maxY: band.maxY) { near.append($0) }
            near.sort()
            var previous = -1
            for d in near where d != previous {
                previous = d
                if d != c && (frames[d].overlaps(band) || isWithin(d, c, graph.clusters)) {
                    obstacles.append(frames[d])
                    if isWithin(d, c, graph.clusters) { obstacles.append(layout.clusterFrames[d]) }
                }
            }
            let inset = title.minX - box.minX
            var x = title.minX + step
            while x + title.width <= box.maxX - inset && tests <= testBudget {
                tests += segments[c].count
                let candidate = Rect(x: x, y: title.minY, width: title.width, height: title.height)
                if !crossed(candidate) && !obstacles.contains(where: { $0.overlaps(candidate) }) {
                    frames[c] = candidate
                    stillCrossed[c] = false
                    break
                }
                x += step
            }
        }
        return (frames, stillCrossed)
    }

    /// Whether cluster `d` is nested (at any depth) in cluster `c`.
    static func isWithin(_ d: Int, _ c: Int, _ clusters: [GraphLayout.Cluster]) -> Bool {
        var parent = clusters[d].parent
        while let p = parent {
            if p == c { return true }
            parent = clusters[p].parent
        }
        return false
    }
}
