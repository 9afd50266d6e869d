// The shortest path through a sequence of vertical windows ("string pulling", the funnel
// algorithm for a monotone corridor): how a taut string from one point to another runs when it
// must pass every window in turn.

/// A vertical opening at `x`, from `low` to `high` (y grows downwards, so `low` is the top).
public struct Window: Hashable, Sendable {
    public var x: Double
    public var low: Double
    public var high: Double

    public init(x: Double, low: Double, high: Double) {
        self.x = x
        self.low = low
        self.high = high
    }
}

extension Polyline {
    /// The shortest polyline from `start` to `end` passing through every window, for windows
    /// with increasing `x` strictly between the two ends. It bends only at window corners, so
    /// two such paths over the same windows' x positions are straight between those positions.
    public static func shortestPath(from start: Point, to end: Point, through windows: [Window]) -> [Point] {
        var path = [start]
        var apex = start
        var next = 0
        while true {
            // Narrow the cone of slopes from the apex window by window; when a window falls
            // outside the cone, the path bends at the corner that last narrowed that side.
            var lowSlope = -Double.infinity, highSlope = Double.infinity
            var lowCorner: (point: Point, index: Int)?
            var highCorner: (point: Point, index: Int)?
            var bend: (point: Point, index: Int)?
            var j = next
            while j < windows.count {
                let w = windows[j]
                let dx = w.x - apex.x
                guard dx > 1e-9 else { j += 1; continue }
                let sLow = (w.low - apex.y) / dx, sHigh = (w.high - apex.y) / dx
                if sLow > highSlope, let corner = highCorner { bend = corner; break }
                if sHigh < lowSlope, let corner = lowCorner { bend = corner; break }
                if sLow > lowSlope { lowSlope = sLow; lowCorner = (Point(x: w.x, y: w.low), j) }
                if sHigh < highSlope { highSlope = sHigh; highCorner = (Point(x: w.x, y: w.high), j) }
                j += 1
            }
            if bend == nil {
                let dx = end.x - apex.x
                let s = dx > 1e-9 ? (end.y - apex.y) / dx : 0
                if s > highSlope, let corner = highCorner { bend = corner } else if s < lowSlope, let corner = lowCorner { bend = corner }
            }
            guard let corner = bend else { break }
            path.append(corner.point)
            apex = corner.point
            next = corner.index + 1
        }
        path.append(end)
        return path
    }
}
