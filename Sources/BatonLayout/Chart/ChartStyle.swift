/// The time chart's measurements, in pixels, in one place: changing the look of the chart
/// means changing these numbers, never the layout code.
enum ChartStyle {
    // Canvas
    static let margin = 24.0
    static let topMargin = 20.0
    static let bottomMargin = 16.0
    static let minWidth = 320.0
    static let maxWidth = 10_000.0
    static let minPlotHeight = 40.0
    static let maxPlotHeight = 2_000.0

    // Title
    static let title = TextStyle(size: 18, weight: .bold, role: .title)
    static let subtitle = TextStyle(size: 13, role: .subtitle)
    static let subtitleGap = 2.0
    /// Below the title (and subtitle) before the window labels or the first panel.
    static let titleGap = 14.0

    // Windows
    static let windowLabel = TextStyle(size: 11, weight: .bold, role: .chart(.windowLabel(.fault)))
    static let windowLabelMaxWidth = 200.0
    /// Between two labels on one lane.
    static let windowLabelSpacing = 12.0
    /// Labels that do not fit beside each other go on another lane below, up to this many.
    static let windowLabelLanes = 3
    /// Below the last lane of labels, before the first panel's header.
    static let windowBandGap = 6.0
    /// The narrowest shading drawn: a five-second spike on a ten-minute axis is under a pixel.
    static let windowMinWidth = 2.0

    // Panels
    static let panelTitle = TextStyle(size: 13, weight: .bold, role: .chart(.panelTitle))
    static let panelUnit = TextStyle(size: 12, role: .chart(.panelUnit))
    static let unitGap = 6.0
    /// Between the header (title and legend) and the plot.
    static let headerGap = 8.0
    /// Between one plot's bottom and the next panel's header.
    static let panelGap = 24.0

    // Legend
    static let legendLabel = TextStyle(size: 12, role: .chart(.legendLabel))
    static let legendLabelMaxWidth = 220.0
    static let swatchWidth = 16.0
    static let swatchHeight = 9.0
    static let swatchGap = 5.0
    /// Between two entries on a row.
    static let legendSpacing = 16.0
    /// Between the panel's title and a legend beside it.
    static let legendTitleGap = 24.0

    // Axes
    static let axisLabel = TextStyle(size: 11, role: .chart(.axisLabel))
    /// Between a value label's right end and the plot.
    static let valueLabelGap = 8.0
    /// Between the last plot's bottom and the time labels' top: clear of the value label at zero.
    static let timeLabelGap = 8.0
    /// Wanted pixels between time ticks, and between value ticks.
    static let timeTickSpacing = 90.0
    static let valueTickSpacing = 32.0
}
