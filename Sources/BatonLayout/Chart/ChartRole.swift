/// What an item of a time chart is (the payload of `StyleRole.chart`): the theme turns each
/// into paint, so the same chart renders in the light and the dark theme.
public enum ChartRole: Hashable, Sendable {
    /// A panel's title, and the unit beside it.
    case panelTitle
    case panelUnit
    /// A legend entry's name.
    case legendLabel
    /// Tick labels on either axis.
    case axisLabel
    /// A light line across a plot at a tick.
    case gridLine
    /// The line at zero along the bottom of a plot.
    case baseline
    /// A window's shading, and its label at the top.
    case window(ChartWindow.Kind)
    case windowLabel(ChartWindow.Kind)
    /// A series' line, and the tint under an area series. `color` is an index into the theme's
    /// chart palette, chosen by the layout from the series' role so that series sharing a
    /// panel never share a colour; indices beyond the palette repeat it with dashes.
    case seriesLine(ChartSeriesRole, color: Int)
    case seriesArea(ChartSeriesRole, color: Int)
}
