// The last step: from layout space back to the drawing's orientation, moved so that everything
// (loops and titles included) lies inside the margin, with the origin at the top-left.

enum DrawingFrame {
    static func place(space: LayoutSpace, margin: Double, nodeFrames: [Rect], routes: [[Point]], curves: [[Point]],
                      labelFrames: [Rect?], clusterFrames: [Rect], titleFrames: [Rect]) -> LayeredLayout {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        func include(_ r: Rect) {
            minX = min(minX, r.minX); minY = min(minY, r.minY); maxX = max(maxX, r.maxX); maxY = max(maxY, r.maxY)
        }
        for r in nodeFrames { include(r) }
        for r in labelFrames { if let r { include(r) } }
        for r in clusterFrames { include(r) }
        for r in titleFrames { include(r) }
        for route in routes { for p in route { include(Rect(origin: p, size: .zero)) } }
        if !minX.isFinite { minX = 0; minY = 0; maxX = 0; maxY = 0 }
        let dx = margin - minX, dy = margin - minY
        func move(_ r: Rect) -> Rect { space.rect(r.offsetBy(dx: dx, dy: dy)) }
        func move(_ p: Point) -> Point { space.point(Point(x: p.x + dx, y: p.y + dy)) }
        let size = space.size(Size(width: maxX - minX + 2 * margin, height: maxY - minY + 2 * margin))
        return LayeredLayout(
            size: size,
            nodeFrames: nodeFrames.map(move),
            edgeRoutes: routes.map { $0.map(move) },
            edgeCurves: curves.map { $0.map(move) },
            labelFrames: labelFrames.map { $0.map(move) },
            clusterFrames: clusterFrames.map(move),
            clusterLabelFrames: titleFrames.map(move))
    }
}
