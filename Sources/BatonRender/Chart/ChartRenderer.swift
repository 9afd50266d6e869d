// Time charts as SVG: `ChartLayout` lays the chart out as a Scene, and the same SVG writer as
// the diagrams' draws it, so a chart keeps every promise of docs/rendering.md (plain SVG 1.1,
// presentation attributes, prefixed ids, role="img" with a title and description, one element
// per line, escaped text, deterministic bytes) in both themes.

import BatonLayout

public enum ChartRenderer {
    /// The chart as an SVG document.
    public static func svg(chart: TimeChart, options: SVGOptions, layout: ChartLayoutOptions = ChartLayoutOptions()) -> String {
        SVGWriter.write(ChartLayout.scene(chart, options: layout), options: options)
    }

    /// An id prefix derived from everything the picture shows: `c-` and the first 10 hex digits
    /// of the SHA-256 of the chart drawn with a fixed prefix. Different charts, or one chart in
    /// both themes, inlined on one page therefore never share an id.
    public static func idPrefix(chart: TimeChart, theme: Theme, layout: ChartLayoutOptions = ChartLayoutOptions()) -> String {
        let probe = svg(chart: chart, options: SVGOptions(theme: theme, idPrefix: "c"), layout: layout)
        return "c-" + String(SHA256.hex(SHA256.hash(Array(probe.utf8))).prefix(10))
    }
}
