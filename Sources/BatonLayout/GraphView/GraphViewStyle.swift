/// The graph view's measurements, in pixels, in one place: changing the look of the graph means
/// changing these numbers, never the layout code. Text styles match the sequence view's, and
/// nodes are measured like its head boxes (`ParticipantBox`), so a participant's name reads the
/// same in both pictures.
enum GraphViewStyle {
    // Canvas
    static let margin = 20.0
    static let title = TextStyle(size: 18, weight: .bold, role: .title)
    static let titleMaxWidth = 900.0
    static let titleGap = 14.0

    // Nodes (their names and the padding around them: `ParticipantBox`)
    static let nodeMinWidth = 64.0

    // Edge labels
    static let edgeLabel = TextStyle(size: 12, role: .interactionLabel)
    /// A callback's label: as any edge label, in the callback's colour (as the DOT export has it).
    static let callbackLabel = TextStyle(size: 12, role: .callbackLabel)
    static let edgeLabelMaxWidth = 170.0
    /// A merged edge lists this many of its labels (as the DOT export does), then says how many
    /// more there are.
    static let labelsPerEdge = 4
    /// Each label shows at most this many lines, the last one ending in an ellipsis when cut.
    static let linesPerLabel = 2

    // Clusters
    static let clusterLabel = TextStyle(size: 12, weight: .bold, role: .groupLabel)
    static let clusterLabelMaxWidth = 200.0
    static let clusterCornerRadius = 4.0
    /// How far the plate behind a title that edges pass under reaches beyond the text.
    static let titlePlatePadding = 2.0

    /// The layered layout's distances, tuned for Baton's marks: the straight end of every edge
    /// holds an arrowhead (10 px) after a baton dot (radius 4), and neighbouring ports are far
    /// enough apart that two batons do not merge.
    static func layoutOptions(direction: LayoutDirection) -> LayeredLayoutOptions {
        var options = LayeredLayoutOptions(direction: direction)
        options.nodeSeparation = 20
        options.edgeSeparation = 11
        options.layerSeparation = 56
        options.clusterPadding = 12
        options.clusterSeparation = 12
        options.labelGap = 5
        options.arrowRoom = 15
        options.bendRadius = 14
        options.portSpacing = 11
        options.selfLoopSize = 22
        options.margin = margin
        return options
    }
}
