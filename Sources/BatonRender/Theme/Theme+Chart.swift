// The time chart's paint (`ChartLayout`), kept beside the diagrams' so that each theme is one
// look across all views.
//
// Series take the Okabe–Ito colours (Okabe & Ito, "Color Universal Design", 2002), the set
// designed to stay distinct for readers with protanopia, deuteranopia or tritanopia; the dark
// theme uses lighter versions of the same hues so that lines keep their contrast on a dark
// canvas. The offered load is a neutral grey: it is the reference the other lines are read
// against. Grid lines are barely there; faults are tinted a soft vermillion and spikes a soft
// blue, translucent so overlapping windows deepen and the grid shows through.

import BatonLayout

/// The colours of a time chart in one theme.
public struct ChartColors: Hashable, Sendable {
    /// In the order of `ChartSeriesColors`: neutral grey, blue, vermillion, bluish green,
    /// orange, reddish purple, sky blue, yellow.
    public var series: [String]
    public var grid: String
    public var baseline: String
    /// How opaque the tint under an area series is.
    public var areaOpacity: Double
    public var fault: String
    public var faultOpacity: Double
    public var faultLabel: String
    public var spike: String
    public var spikeOpacity: Double
    public var spikeLabel: String

    public static let light = ChartColors(
        series: ["#8c959f", "#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7", "#56b4e9", "#b8a300"],
        grid: "#eaeef2", baseline: "#8c959f", areaOpacity: 0.16,
        fault: "#d55e00", faultOpacity: 0.11, faultLabel: "#a63c00",
        spike: "#0072b2", spikeOpacity: 0.08, spikeLabel: "#1f5f8b")

    public static let dark = ChartColors(
        series: ["#8b949e", "#58a6ff", "#f26b3a", "#2ebd8e", "#f0b429", "#e58fc4", "#a5d8f7", "#f0e442"],
        grid: "#21262d", baseline: "#6e7681", areaOpacity: 0.2,
        fault: "#f26b3a", faultOpacity: 0.13, faultLabel: "#ff9d6e",
        spike: "#58a6ff", spikeOpacity: 0.12, spikeLabel: "#8cc4ff")
}

extension Theme {
    /// The chart colours of this theme.
    public var chart: ChartColors {
        switch name {
        case .light: .light
        case .dark: .dark
        }
    }

    /// A series' colour: its palette entry, the palette repeating beyond its end.
    func chartSeriesColor(_ index: Int) -> String {
        let series = chart.series
        guard !series.isEmpty else { return ink }
        return series[((index % series.count) + series.count) % series.count]
    }

    func chartShapePaint(_ role: ChartRole) -> ShapePaint {
        let colors = chart
        switch role {
        case .window(.fault):
            return ShapePaint(fill: colors.fault, stroke: "none", strokeWidth: 0, dash: nil, fillOpacity: colors.faultOpacity)
        case .window(.spike):
            return ShapePaint(fill: colors.spike, stroke: "none", strokeWidth: 0, dash: nil, fillOpacity: colors.spikeOpacity)
        case .seriesArea(_, let color):
            return ShapePaint(fill: chartSeriesColor(color), stroke: "none", strokeWidth: 0, dash: nil,
                              fillOpacity: colors.areaOpacity)
        default:
            return ShapePaint(fill: "none", stroke: muted, strokeWidth: 1, dash: nil)
        }
    }

    func chartLinePaint(_ role: ChartRole) -> LinePaint {
        switch role {
        case .gridLine:
            return LinePaint(stroke: chart.grid, width: 1, dash: nil, roundCaps: false)
        case .baseline:
            return LinePaint(stroke: chart.baseline, width: 1, dash: nil, roundCaps: false)
        case .seriesLine(let role, let color):
            // Past the palette, colours repeat dashed, so no two series of a panel look alike.
            let dash = color >= ChartSeriesColors.paletteSize ? "6 3" : nil
            return LinePaint(stroke: chartSeriesColor(color), width: role == .offered ? 1.5 : 2, dash: dash,
                             roundCaps: dash == nil, roundJoins: true)
        default:
            return LinePaint(stroke: muted, width: 1, dash: nil, roundCaps: false)
        }
    }

    func chartTextColor(_ role: ChartRole) -> String {
        switch role {
        case .panelUnit, .axisLabel: muted
        case .windowLabel(.fault): chart.faultLabel
        case .windowLabel(.spike): chart.spikeLabel
        default: ink
        }
    }
}
