import BatonLayout

/// A dash pattern laid along a polyline, as SVG's `stroke-dasharray` lays it: from the start of
/// each subpath, dash and gap in turn, an odd list repeated twice. What is left are the dashes,
/// each an open polyline for the stroker (a dash of length zero is one point, which round caps
/// turn into a dot).
enum RasterDash {
    /// A pattern shorter than this (device pixels) is drawn solid: dashes finer than a pixel
    /// would only show as a lighter line, and cost a piece per half pixel.
    static let finestPeriod = 1.0

    /// The lengths of a pattern as drawn, or nil when it draws a solid line (empty, negative,
    /// or too fine to see).
    static func pattern(_ lengths: [Double]) -> [Double]? {
        guard !lengths.isEmpty, lengths.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let pattern = lengths.count % 2 == 1 ? lengths + lengths : lengths
        guard pattern.reduce(0, +) >= finestPeriod else { return nil }
        return pattern
    }

    /// The dashes of one subpath. A closed subpath whose pattern is on at both its start and its
    /// end keeps those two dashes as one, joined at the start, as a continuous outline would be.
    static func dashes(_ points: [Point], closed: Bool, pattern: [Double]) -> [[Point]] {
        guard let first = points.first else { return [] }
        var path = points
        if closed { path.append(first) }
        var dashes: [[Point]] = []
        var index = 0, remaining = pattern[0], on = true
        var dash: [Point] = [first]
        for (a, b) in zip(path, path.dropFirst()) {
            let length = a.distance(to: b)
            guard length > 0 else { continue }
            var travelled = 0.0
            while length - travelled > remaining {
                travelled += remaining
                let point = a.interpolated(to: b, travelled / length)
                if on {
                    dash.append(point)
                    dashes.append(dash)
                    dash = []
                } else {
                    dash = [point]
                }
                on.toggle()
                index = (index + 1) % pattern.count
                remaining = pattern[index]
            }
            remaining -= length - travelled
            if on { dash.append(b) }
        }
        if on, !dash.isEmpty {
            if closed, dashes.count >= 1, pattern[0] > 0 {
                // The last dash runs into the first: one dash around the start.
                dashes[0] = dash + dashes[0].dropFirst()
            } else {
                dashes.append(dash)
            }
        }
        return dashes
    }
}
