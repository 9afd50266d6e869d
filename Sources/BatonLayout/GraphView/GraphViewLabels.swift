/// How the graph view words its nodes, edges and clusters: the one label policy of the view,
/// which the native layout draws and the DOT export hands to Graphviz (public for it), so that
/// both renderings of the view break and cut every label at the same places.
///
/// - A node shows the participant's display name, wrapped like every participant box
///   (`ParticipantBox.measure`: 13 px bold, at 150 px).
/// - An edge can stand for hundreds of interactions, and its label takes room in the drawing (a
///   layer's width, a gap between nodes), so it is kept short: its first `labelsPerEdge`
///   distinct labels, each wrapped at 170 px and cut to `linesPerLabel` lines (the last one
///   ending in "…"), then "(+N more)". The sequence view and the SVG's description still have
///   every label in full.
/// - A cluster's title is the group's display name, wrapped at 200 px.
public enum GraphViewLabels {
    typealias S = GraphViewStyle

    /// The lines of a node's name.
    public static func participantLines(_ name: String, metrics: TextMetrics = TextMetrics()) -> [String] {
        ParticipantBox.measure(name, metrics: metrics).lines
    }

    /// The lines of a merged edge's label, from its distinct labels in order; empty for an edge
    /// without labels. Only the labels shown are read (an edge may have thousands).
    public static func edgeLines(_ labels: some RandomAccessCollection<String>,
                                 metrics: TextMetrics = TextMetrics()) -> [String] {
        var lines: [String] = []
        for label in labels.prefix(S.labelsPerEdge) {
            lines += self.lines(label, metrics: metrics)
        }
        if labels.count > S.labelsPerEdge {
            lines.append("(+\(labels.count - S.labelsPerEdge) more)")
        }
        return lines
    }

    /// The lines of a cluster's title.
    public static func clusterLines(_ name: String, metrics: TextMetrics = TextMetrics()) -> [String] {
        measureCluster(name, metrics: metrics).lines
    }

    /// `edgeLines` and their size; empty for an edge without labels.
    static func measureEdge(_ labels: [String], metrics: TextMetrics) -> MeasuredText {
        let lines = edgeLines(labels, metrics: metrics)
        guard !lines.isEmpty else { return .empty }
        let style = S.edgeLabel
        var width = 0.0
        for line in lines { width = max(width, metrics.width(of: line, size: style.size, weight: style.weight)) }
        return MeasuredText(lines: lines, size: Size(width: width, height: Double(lines.count) * metrics.lineHeight(size: style.size)))
    }

    /// `clusterLines` and their size.
    static func measureCluster(_ name: String, metrics: TextMetrics) -> MeasuredText {
        let (lines, size) = metrics.measure(name, style: S.clusterLabel, maxWidth: S.clusterLabelMaxWidth)
        return MeasuredText(lines: lines, size: size)
    }

    /// One edge label, wrapped; when it needs more than `linesPerLabel` lines, the last one
    /// shown ends in an ellipsis.
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
