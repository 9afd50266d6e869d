// Quality figures of a finished drawing, measured geometrically so that drawings made by
// different engines (this one, or Graphviz read back from `-Tplain`) are scored the same way.

public enum DrawingMetrics {
    /// The number of points where two different routes cross (pairs of segments crossing at a
    /// point interior to both; touching or overlapping segments do not count). A bucket grid
    /// keeps this near-linear for drawings whose segments are short compared with the drawing.
    public static func crossingCount(_ routes: [[Point]]) -> Int {
        var segments: [(route: Int, a: Point, b: Point)] = []
        for (r, route) in routes.enumerated() where route.count >= 2 {
            for i in 1..<route.count where route[i - 1] != route[i] { segments.append((r, route[i - 1], route[i])) }
        }
        guard segments.count > 1 else { return 0 }
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        for s in segments {
            minX = min(minX, s.a.x, s.b.x); maxX = max(maxX, s.a.x, s.b.x)
            minY = min(minY, s.a.y, s.b.y); maxY = max(maxY, s.a.y, s.b.y)
        }
        let side = max(1, Int(Double(segments.count).squareRoot() / 2))
        let cellWidth = max((maxX - minX) / Double(side), 1e-9), cellHeight = max((maxY - minY) / Double(side), 1e-9)
        func cell(_ x: Double, _ y: Double) -> (Int, Int) {
            (min(side - 1, max(0, Int((x - minX) / cellWidth))), min(side - 1, max(0, Int((y - minY) / cellHeight))))
        }
        var buckets = Array(repeating: [Int](), count: side * side)
        for (i, s) in segments.enumerated() {
            let (x0, y0) = cell(min(s.a.x, s.b.x), min(s.a.y, s.b.y))
            let (x1, y1) = cell(max(s.a.x, s.b.x), max(s.a.y, s.b.y))
            for cx in x0...x1 { for cy in y0...y1 { buckets[cy * side + cx].append(i) } }
        }
        var count = 0
        for (index, bucket) in buckets.enumerated() where bucket.count > 1 {
            for i in 0..<(bucket.count - 1) {
                let s = segments[bucket[i]]
                for j in (i + 1)..<bucket.count {
                    let t = segments[bucket[j]]
                    if s.route == t.route { continue }
                    guard let p = Polyline.intersection(s.a, s.b, t.a, t.b) else { continue }
                    // Count each crossing once: in the bucket its point falls in.
                    let (cx, cy) = cell(p.x, p.y)
                    if cy * side + cx == index { count += 1 }
                }
            }
        }
        return count
    }

    /// The total length of all routes.
    public static func totalLength(_ routes: [[Point]]) -> Double {
        routes.reduce(0) { $0 + Polyline.length($1) }
    }
}
