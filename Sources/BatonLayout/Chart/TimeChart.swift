// The time chart: quantities over time in stacked panels that share one time axis, with shaded
// windows (a fault, a load spike) across all of them.
//
// It is the picture of a simulation run (`baton simulate --chart`), but nothing here knows about
// the simulator: a chart is titles, units, series of (time, value) pairs and windows, so the
// simulator only has to fill one in, and the layout (`ChartLayout`) and its tests need no
// simulation at all. The layout turns a chart into a `Scene`, like every other view.
//
// Times are seconds from the start of the run; values are in the panel's unit (`ChartUnit`).
// Nothing is trusted: NaN and infinite values are gaps, points outside the time range are cut
// off, and an empty or inverted range falls back to the data's own.

/// A chart of quantities over time: panels stacked top to bottom on one time axis.
public struct TimeChart: Hashable, Sendable {
    /// The chart's heading and accessible name.
    public var title: String
    /// A line under the title (what was run, with which seed), or empty.
    public var subtitle: String
    /// The time axis runs from `start` to `end`, in seconds.
    public var start: Double
    public var end: Double
    /// Top to bottom.
    public var panels: [ChartPanel]
    /// Shaded across every panel and labelled once, above the first.
    public var windows: [ChartWindow]

    public init(title: String, subtitle: String = "", start: Double, end: Double, panels: [ChartPanel],
                windows: [ChartWindow] = []) {
        self.title = title
        self.subtitle = subtitle
        self.start = start
        self.end = end
        self.panels = panels
        self.windows = windows
    }
}

/// One panel: a plot with its own value axis, title and legend.
public struct ChartPanel: Hashable, Sendable {
    public var title: String
    /// The unit of every series in the panel: it formats the value axis.
    public var unit: ChartUnit
    /// In paint order (later series are drawn on top) and legend order.
    public var series: [ChartSeries]

    public init(title: String, unit: ChartUnit, series: [ChartSeries]) {
        self.title = title
        self.unit = unit
        self.series = series
    }
}

/// What a panel's values measure, which decides how its axis is labelled.
public enum ChartUnit: Hashable, Sendable {
    /// Events per second: `0 20/s 40/s`, `1.5k/s`.
    case perSecond
    /// Durations in seconds: `0 500ms 1s 1.5s`, `1m30s`.
    case seconds
    /// Fractions 0…1 shown as percentages: `0 50% 100%`.
    case percent
    /// Plain numbers of something (`messages`, `runs`): `0 50 100`, `1.5k`. The noun is shown
    /// beside the panel's title rather than on every tick; empty for none.
    case count(String)
}
