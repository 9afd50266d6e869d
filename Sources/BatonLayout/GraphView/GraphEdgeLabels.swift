/// The text of a merged edge: its distinct labels, one under the other.
///
/// An edge of the graph view can stand for hundreds of interactions, and its label takes room
/// in the drawing (a layer's width, a gap between nodes), so it is kept short: the first
/// `labelsPerEdge` labels, each wrapped and cut to `linesPerLabel` lines, then "(+N more)" as in
/// the DOT export. The sequence view and the SVG's description still have every label in full.
enum GraphEdgeLabels {
    typealias S = GraphViewStyle

    /// The lines of an edge's label and their size; empty for an edge without labels.
    static func measure(_ labels: [String], metrics: TextMetrics) -> MeasuredText {
        var lines: [String] = []
        for label in labels.prefix(S.labelsPerEdge) {
            lines += self.lines(label, metrics: metrics)
        }
        if labels.count > S.labelsPerEdge {
            lines.append("(+\(labels.count - S.labelsPerEdge) more)")
        }
        guard !lines.isEmpty else { return .empty }
        let style = S.edgeLabel
        var width = 0.0
        for line in lines { width = max(width, metrics.width(of: line, size: style.size, weight: style.weight)) }
        return MeasuredText(lines: lines, size: Size(width: width, height: Double(lines.count) * metrics.lineHeight(size: style.size)))
    }

    /// One label, wrapped; when it needs more than `linesPerLabel` lines, the last one shown
    /// ends in an ellipsis.
    static func lines(_ label: String, metrics: TextMetrics) -> [String] {
        let style = S.edgeLabel
        let wrapped = metrics.measure(label, style: style, maxWidth: S.edgeLabelMaxWidth).lines
        guard wrapped.count > S.linesPerLabel else { return wrapped }
        var shown = Array(wrapped.prefix(S.linesPerLabel))
        var last = Array(shown[shown.count - 1])
        while !last.isEmpty,
              metrics.width(of: String(last) + "\u{2026}", size: style.size, weight: style.weight) > S.edgeLabelMaxWidth {
            last.removeLast()
        }
        while last.last == " " { last.removeLast() }
        shown[shown.count - 1] = String(last) + "\u{2026}"
        return shown
    }
}
