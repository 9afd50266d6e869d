// The graph view as Graphviz DOT: one node per participant, one edge per (initiator, passive
// end, arrow kind), groups as clusters, laid out left to right (or top to bottom).
//
// Edges run in the data direction, so Graphviz ranks producers before consumers; the baton (a
// dot) marks the initiator's end. Everything user-written is a quoted string (see
// `DOTEscaping`), node ids are the participants' names (which the grammar limits to letters,
// digits and `_`; names too long for Graphviz get a short derived id, and long labels are cut,
// see `DOTLimits`), and the output is deterministic: arrays in declaration and document order,
// never a dictionary walk. Node, edge and cluster labels follow the native graph view's policy
// (`GraphViewLabels`: the same wrapping, the same cut edge labels), after `DOTLimits` has cut
// text Graphviz could not take.

import BatonLayout
import BatonModel
import BatonSyntax

public struct DOTOptions: Hashable, Sendable {
    public var theme: Theme
    /// The graph's `id`: Graphviz prefixes the ids of its own SVG output with it.
    public var idPrefix: String
    /// Only this flow's interactions; nil for every flow.
    public var flow: FlowID?
    public var title: String
    /// Graphviz's `rankdir`: LR (the default) or TB, as the native graph view.
    public var direction: LayoutDirection

    public init(theme: Theme = .light, idPrefix: String, flow: FlowID? = nil, title: String,
                direction: LayoutDirection = .leftToRight) {
        self.theme = theme
        self.idPrefix = idPrefix
        self.flow = flow
        self.title = title
        self.direction = direction
    }
}

public enum DOTWriter {
    /// Labels are the graph view's (`GraphViewLabels`), measured like the SVG's, so both
    /// renderings of the view break and cut them at the same places.
    static let metrics = TextMetrics()

    public static func write(model: Model, options: DOTOptions) -> String {
        let content = GraphViewContent(model: model, flow: options.flow)
        let theme = options.theme
        var out = "// The graph view of a Baton design: edges point where the data goes; the dot marks who initiates.\n"
        out += "digraph baton {\n"
        out += "  graph [id=\(DOTEscaping.quoted(options.idPrefix)), label=\(DOTEscaping.quoted(DOTLimits.shortened(options.title))), "
            + "labelloc=t, labeljust=l, fontname=\"\(DOTStyle.font)\", fontsize=16, fontcolor=\"\(theme.ink)\", "
            + "bgcolor=\"\(theme.background)\", rankdir=\(options.direction.rawValue), "
            + (DOTStyle.needsNewRank(content) ? "newrank=true, " : "") + "nodesep=0.45, ranksep=0.9, pad=0.3];\n"
        out += "  node [fontname=\"\(DOTStyle.font)\", fontsize=12, fontcolor=\"\(theme.ink)\", penwidth=1.5, "
            + "margin=\"0.16,0.08\"];\n"
        out += "  edge [fontname=\"\(DOTStyle.font)\", fontsize=10, fontcolor=\"\(theme.ink)\", color=\"\(theme.ink)\", "
            + "penwidth=1.2, arrowsize=0.8];\n"
        for cluster in content.clusters {
            write(cluster, model: model, theme: theme, indent: "  ", into: &out)
        }
        for id in content.unclustered {
            out += "  " + node(model[id], theme: theme) + "\n"
        }
        for edge in content.edges {
            out += "  " + self.edge(edge, model: model, theme: theme) + "\n"
        }
        out += "}\n"
        return out
    }

    private static func write(_ cluster: GraphViewContent.Cluster, model: Model, theme: Theme, indent: String,
                              into out: inout String) {
        let group = model[cluster.group]
        out += indent + "subgraph \(DOTEscaping.quoted("cluster_\(DOTLimits.id(group.name))")) {\n"
        let inner = indent + "  "
        let label = lines(GraphViewLabels.clusterLines(DOTLimits.shortened(group.displayName), metrics: metrics))
        out += inner + "graph [label=\(DOTEscaping.quoted(label.joined(separator: "\n"))), style=\"rounded,filled\", "
            + "fillcolor=\"\(theme.groupFill)\", color=\"\(theme.groupStroke)\", fontcolor=\"\(theme.muted)\", "
            + "fontsize=12, labeljust=l];\n"
        for subcluster in cluster.subclusters {
            write(subcluster, model: model, theme: theme, indent: inner, into: &out)
        }
        for id in cluster.members {
            out += inner + node(model[id], theme: theme) + "\n"
        }
        out += indent + "}\n"
    }

    static func node(_ participant: Participant, theme: Theme) -> String {
        let colors = theme.colors(for: participant.kind)
        let label = lines(GraphViewLabels.participantLines(DOTLimits.shortened(participant.displayName), metrics: metrics))
        let shape = participant.kind.shape
        var attributes: [(String, String)] = []
        if let table = DOTStyle.table(shape) {
            attributes.append(("label", DOTStyle.tableLabel(label, table: table, fill: colors.fill, stroke: colors.stroke)))
            for (key, value) in DOTStyle.nodeAttributes(shape) { attributes.append((key, DOTEscaping.quoted(value))) }
        } else {
            attributes.append(("label", DOTEscaping.quoted(label.joined(separator: "\n"))))
            for (key, value) in DOTStyle.nodeAttributes(shape) { attributes.append((key, DOTEscaping.quoted(value))) }
            attributes.append(("fillcolor", DOTEscaping.quoted(colors.fill)))
            attributes.append(("color", DOTEscaping.quoted(colors.stroke)))
        }
        return DOTEscaping.quoted(DOTLimits.id(participant.name)) + " [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    static func edge(_ edge: GraphViewContent.Edge, model: Model, theme: Theme) -> String {
        var attributes: [(String, String)] = []
        let labelLines = GraphViewLabels.edgeLines(edge.labels.lazy.map { DOTLimits.shortened($0) }, metrics: metrics)
        if !labelLines.isEmpty {
            attributes.append(("label", DOTEscaping.quoted(labelLines.joined(separator: "\n"))))
        }
        for (key, value) in DOTStyle.edgeAttributes(edge.arrow) { attributes.append((key, DOTEscaping.quoted(value))) }
        if edge.arrow == .callback {
            attributes.append(("color", DOTEscaping.quoted(theme.callback)))
            attributes.append(("fontcolor", DOTEscaping.quoted(theme.callback)))
        }
        let from = DOTEscaping.quoted(DOTLimits.id(model[edge.dataSource].name))
        let to = DOTEscaping.quoted(DOTLimits.id(model[edge.dataTarget].name))
        return "\(from) -> \(to) [" + attributes.map { "\($0.0)=\($0.1)" }.joined(separator: ", ") + "];"
    }

    /// A node or cluster label's lines: at least one, empty for an empty name.
    static func lines(_ lines: [String]) -> [String] {
        lines.isEmpty ? [""] : lines
    }
}
