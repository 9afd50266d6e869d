/// Fewer points for the same picture: a series with more points than its plot has pixels
/// across draws the same line with far fewer, so a 100-minute run sampled every 100 ms (60,000
/// points a series) gives a chart of kilobytes, not megabytes.
///
/// Within every bucket of `bucketWidth` pixels only the lowest and the highest point are kept,
/// in the order they occur: a line drawn through them covers the same pixels in that bucket as
/// the full line, so peaks survive (a one-sample spike in p99 is the point of the chart, and
/// averaging would hide it). With two points per two-pixel bucket a series never has many more
/// points than its plot has pixels across.
enum Downsampling {
    /// Two points per bucket, plus the first and the last point.
    static let bucketWidth = 2.0

    /// `points` (in pixels, sorted by x) reduced to the lowest and the highest of each bucket of
    /// `bucketWidth` pixels counted from `originX`, with the first and the last point kept
    /// exactly, so the line still starts and ends where the data does.
    static func minMax(_ points: [Point], originX: Double, bucketWidth: Double = bucketWidth) -> [Point] {
        guard points.count > 2, bucketWidth > 0 else { return points }
        var out: [Point] = [points[0]]
        var bucket = Int.min
        var low = points[0], high = points[0], lowIndex = 0, highIndex = 0
        func flush() {
            guard bucket != Int.min else { return }
            // The two in the order they occur; one when they are the same point.
            if lowIndex == highIndex {
                out.append(low)
            } else if lowIndex < highIndex {
                out.append(low)
                out.append(high)
            } else {
                out.append(high)
                out.append(low)
            }
        }
        let last = points.count - 1
        for index in 1..<last {
            let point = points[index]
            let offset = ((point.x - originX) / bucketWidth).rounded(.down)
            let key = offset.isFinite ? Int(max(-1e9, min(1e9, offset))) : 0
            if key != bucket {
                flush()
                bucket = key
                low = point
                high = point
                lowIndex = index
                highIndex = index
                continue
            }
            // y grows downwards: the highest value has the smallest y.
            if point.y > low.y { low = point; lowIndex = index }
            if point.y < high.y { high = point; highIndex = index }
        }
        flush()
        out.append(points[last])
        return out
    }

    /// `points` without the ones that draw nothing once coordinates are written with two
    /// decimals: repeats, and the inner points of a horizontal or vertical run (a series that
    /// stays at zero for an hour is one segment).
    static func simplified(_ points: [Point]) -> [Point] {
        func rounded(_ p: Point) -> Point { Point(x: (p.x * 100).rounded() / 100, y: (p.y * 100).rounded() / 100) }
        var out: [Point] = []
        out.reserveCapacity(points.count)
        for point in points.map(rounded) {
            if let previous = out.last, previous == point { continue }
            if out.count >= 2 {
                let a = out[out.count - 2], b = out[out.count - 1]
                if (a.y == b.y && b.y == point.y && (a.x <= b.x) == (b.x <= point.x))
                    || (a.x == b.x && b.x == point.x && (a.y <= b.y) == (b.y <= point.y)) {
                    out[out.count - 1] = point
                    continue
                }
            }
            out.append(point)
        }
        return out
    }
}
