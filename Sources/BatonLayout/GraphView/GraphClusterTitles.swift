/// Where cluster titles go. The layout reserves a band along the top of each cluster's box for
/// its title and puts the title at the band's left end. Edges may cross that band on their way
/// into the cluster (mostly top to bottom, where they enter through the top), so a title that an
/// edge would cross slides along its band to the first place no edge crosses and nothing else
/// covers. When there is none, it stays put and is drawn over the edges on a plate of the
/// cluster's fill, so it stays readable and the edges pass under it.
enum GraphClusterTitles {
    /// How far apart the places tried along the band are.
    static let step = 4.0
    /// Curves are checked as polylines with this many pieces per Bézier segment.
    static let samples = 6

    /// One title frame per cluster, indexed like `graph.clusters`, in the layout's coordinates,
    /// and whether edges still cross it.
    static func frames(_ graph: GraphLayout, curves: [[Point]]) -> (frames: [Rect], crossed: [Bool]) {
        let layout = graph.layout
        var frames = layout.clusterLabelFrames
        var stillCrossed = [Bool](repeating: false, count: frames.count)
        guard !frames.isEmpty else { return (frames, stillCrossed) }
        let polylines = curves.map { Polyline.sampleCubicBezier($0, steps: samples) }
        for c in frames.indices {
            let title = frames[c], box = layout.clusterFrames[c]
            guard title.width > 0, title.height > 0 else { continue }
            let band = Rect(x: box.minX, y: title.minY, width: box.width, height: title.height)
            var segments: [(Point, Point)] = []
            for line in polylines where line.count >= 2 {
                for i in 1..<line.count {
                    let a = line[i - 1], b = line[i]
                    if max(a.x, b.x) > band.minX && min(a.x, b.x) < band.maxX && max(a.y, b.y) > band.minY && min(a.y, b.y) < band.maxY {
                        segments.append((a, b))
                    }
                }
            }
            func crossed(_ r: Rect) -> Bool { segments.contains { r.isCrossed(by: $0.0, $0.1) } }
            guard crossed(title) else { continue }
            // What a title must not cover: nodes, edge labels, other titles and nested boxes.
            var obstacles = layout.nodeFrames.filter { $0.overlaps(band) }
            obstacles += layout.labelFrames.compactMap { $0 }.filter { $0.overlaps(band) }
            for d in frames.indices where d != c && (frames[d].overlaps(band) || isWithin(d, c, graph.clusters)) {
                obstacles.append(frames[d])
                if isWithin(d, c, graph.clusters) { obstacles.append(layout.clusterFrames[d]) }
            }
            let inset = title.minX - box.minX
            var x = title.minX + step
            stillCrossed[c] = true
            while x + title.width <= box.maxX - inset {
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
