/// One quantity over time in a panel: a line, or an area filled down to zero.
public struct ChartSeries: Hashable, Sendable {
    /// The legend's text.
    public var name: String
    /// What the series is, which picks its colour (see `ChartSeriesRole`).
    public var role: ChartSeriesRole
    public var style: Style
    public var data: ChartSeriesData

    public enum Style: Hashable, Sendable {
        /// A line through the points.
        case line
        /// A line with the area between it and zero tinted: for a total that others are
        /// compared against (offered load), or a level that fills up (a waiting line).
        case area
    }

    public init(name: String, role: ChartSeriesRole, style: Style = .line, data: ChartSeriesData) {
        self.name = name
        self.role = role
        self.style = style
        self.data = data
    }
}

/// What a series measures. Roles, not colours: the theme paints each role in its own colour
/// from a colour-blind-safe palette, so "goodput" looks the same in every chart, and two series
/// of one role in one panel (the waiting lines of two participants) still get different colours.
public enum ChartSeriesRole: String, Hashable, Sendable, CaseIterable {
    /// Arrivals asked of the system (per second).
    case offered
    /// Runs that succeeded (per second).
    case goodput
    /// Attempts or runs that failed, timed out or were rejected.
    case failures
    /// Every attempt, retries included (per second).
    case attempts
    /// Response-time percentiles.
    case p50
    case p95
    case p99
    /// A station's waiting line.
    case waiting
    /// A channel's depth.
    case depth
    /// Anything else.
    case other
}

/// A (time, value) pair: seconds from the start, and a value in the panel's unit.
public struct ChartPoint: Hashable, Sendable {
    public var time: Double
    public var value: Double

    public init(_ time: Double, _ value: Double) {
        self.time = time
        self.value = value
    }
}

/// A series' values: points at any times, or one value per fixed step (what a simulator
/// measuring per interval produces, without repeating every time).
public enum ChartSeriesData: Hashable, Sendable {
    /// Points in time order (unordered points are sorted by time).
    case points([ChartPoint])
    /// `values[i]` belongs to the time `start + i × step`.
    case sampled(start: Double, step: Double, values: [Double])

    /// The number of values.
    public var count: Int {
        switch self {
        case .points(let points): points.count
        case .sampled(_, _, let values): values.count
        }
    }

    /// The points in time order. A NaN or infinite value stays (it is a gap in the line);
    /// a point whose time is not finite, or samples whose step is not a positive finite number,
    /// are dropped.
    public var orderedPoints: [ChartPoint] {
        switch self {
        case .points(let points):
            let finite = points.filter { $0.time.isFinite }
            var sorted = true
            for index in finite.indices.dropFirst() where finite[index - 1].time > finite[index].time {
                sorted = false
                break
            }
            if sorted { return finite }
            // Stable: points at the same time keep their order (a vertical step).
            return finite.enumerated().sorted { a, b in
                a.element.time != b.element.time ? a.element.time < b.element.time : a.offset < b.offset
            }.map(\.element)
        case .sampled(let start, let step, let values):
            guard start.isFinite, step.isFinite, step > 0 else { return [] }
            var out: [ChartPoint] = []
            out.reserveCapacity(values.count)
            for (index, value) in values.enumerated() {
                let time = start + Double(index) * step
                guard time.isFinite else { break }
                out.append(ChartPoint(time, value))
            }
            return out
        }
    }
}
