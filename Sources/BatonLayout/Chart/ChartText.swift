/// Single-line labels for the chart: a chart has no room for wrapped legend entries or axis
/// labels, so a label too wide for its place is cut with "…".
enum ChartText {
    /// `text` as drawn (see `TextMetrics.drawable`), on one line, cut with "…" to fit `maxWidth`.
    static func line(_ text: String, style: TextStyle, maxWidth: Double, metrics: TextMetrics) -> (text: String, width: Double) {
        let drawable = TextMetrics.drawable(text).split(whereSeparator: \.isNewline).joined(separator: " ")
        let width = metrics.width(of: drawable, size: style.size, weight: style.weight)
        if width <= maxWidth { return (drawable, width) }
        let ellipsis = "…"
        let room = maxWidth - metrics.width(of: ellipsis, size: style.size, weight: style.weight)
        var kept = ""
        var keptWidth = 0.0
        for character in drawable {
            let next = metrics.width(of: String(character), size: style.size, weight: style.weight)
            if keptWidth + next > room { break }
            kept.append(character)
            keptWidth += next
        }
        while kept.last?.isWhitespace == true { kept.removeLast() }
        let cut = kept + ellipsis
        return (cut, metrics.width(of: cut, size: style.size, weight: style.weight))
    }

    /// A one-line text block whose box has its top-left, top-centre or top-right corner at `anchor`.
    static func block(_ text: String, width: Double, style: TextStyle, alignment: TextBlock.Alignment,
                      anchor: Point, metrics: TextMetrics) -> TextBlock {
        metrics.block([text], size: Size(width: width, height: metrics.lineHeight(size: style.size)), style: style,
                      alignment: alignment, anchor: anchor)
    }
}
