// The graph view as a Mermaid `flowchart`, so that the architecture too can be pasted where
// only Mermaid runs (GitHub renders it natively).
//
// It starts from `GraphViewContent`, like the DOT export and the native layout, and words its
// labels with `GraphViewLabels`, so the three renderings of the view show the same nodes, edges
// and clusters, broken at the same places. Mapping (also in docs/rendering.md):
//
//   a participant   p<n>  with a shape by its `ParticipantShape` and its name as a quoted label
//   a group         subgraph g<n>["label"] … end   (nested as the groups are)
//   call            source --> target              solid
//   send            source -.-> target             dashed, as in the SVG
//   callback        source -.-> target             dashed, in the callback colour (`linkStyle`)
//   fetch           passive --> initiator          solid, in the data direction like the SVG
//
// Ids are generated (`p0`, `g0`): names could be words Mermaid reserves (`end`, `graph`,
// `subgraph`) or start with `o`/`x`, which Mermaid reads as an arrow's end after `--`. Every
// label is a quoted string escaped with Mermaid's entity codes (see `MermaidEscaping`).
// Mermaid cannot draw the baton: read the initiator as the start of every edge but a fetch's.

import BatonLayout
import BatonModel
import BatonSyntax

public enum MermaidFlowchartWriter {
    /// Labels are the graph view's, measured like the SVG's.
    static let metrics = TextMetrics()

    /// The Mermaid flowchart of the graph view (only `flow`'s part of it when one is given).
    public static func write(model: Model, flow: FlowID?, direction: LayoutDirection, theme: Theme,
                             title: String, description: String) -> String {
        let content = GraphViewContent(model: model, flow: flow)
        var out = "flowchart \(direction.rawValue)\n"
        let titleText = MermaidEscaping.text(title, lineBreaks: false, flowchart: true)
        if !titleText.isEmpty { out += "    accTitle: \(titleText)\n" }
        let descriptionText = MermaidEscaping.text(description, lineBreaks: false, flowchart: true)
        if !descriptionText.isEmpty { out += "    accDescr: \(descriptionText)\n" }
        for cluster in content.clusters {
            write(cluster, model: model, depth: 1, into: &out)
        }
        for id in content.unclustered {
            out += "    " + node(model[id]) + "\n"
        }
        var callbacks: [Int] = []
        for (index, edge) in content.edges.enumerated() {
            out += "    " + self.edge(edge) + "\n"
            if edge.arrow == .callback { callbacks.append(index) }
        }
        let external = content.nodes.filter { model[$0].kind.shape == .dashedBox }
        if !external.isEmpty {
            out += "    classDef external stroke-dasharray:5 5\n"
            out += "    class " + external.map(id).joined(separator: ",") + " external\n"
        }
        if !callbacks.isEmpty {
            out += "    linkStyle " + callbacks.map(String.init).joined(separator: ",")
                + " stroke:\(theme.callback),color:\(theme.callback)\n"
        }
        return out
    }

    static func id(_ participant: ParticipantID) -> String { "p\(participant.rawValue)" }
    static func id(_ group: GroupID) -> String { "g\(group.rawValue)" }

    private static func write(_ cluster: GraphViewContent.Cluster, model: Model, depth: Int, into out: inout String) {
        let indent = String(repeating: "    ", count: depth)
        let label = quoted(GraphViewLabels.clusterLines(model[cluster.group].displayName, metrics: metrics))
        out += indent + "subgraph \(id(cluster.group))[\(label)]\n"
        for subcluster in cluster.subclusters {
            write(subcluster, model: model, depth: depth + 1, into: &out)
        }
        for member in cluster.members {
            out += indent + "    " + node(model[member]) + "\n"
        }
        out += indent + "end\n"
    }

    /// `p3[("Orders DB")]`: the id, then the label inside the shape's brackets.
    static func node(_ participant: Participant) -> String {
        let label = quoted(GraphViewLabels.participantLines(participant.displayName, metrics: metrics))
        let (open, close) = brackets(participant.kind.shape)
        return id(participant.id) + open + label + close
    }

    /// The closest shape Mermaid's classic flowchart syntax has (the one every renderer knows).
    static func brackets(_ shape: ParticipantShape) -> (String, String) {
        switch shape {
        case .person: ("([", "])")           // stadium: the rounded body of a person
        case .roundedBox: ("(", ")")         // rounded box
        case .dashedBox: ("[", "]")          // box; dashed by the `external` class
        case .pipe: ("[[", "]]")             // box with doubled sides: slots a message passes
        case .fannedPipe: (">", "]")         // a flag: one end fans out to the subscribers
        case .cylinder: ("[(", ")]")         // upright cylinder
        case .hexagon: ("{{", "}}")          // hexagon
        }
    }

    static func edge(_ edge: GraphViewContent.Edge) -> String {
        let arrow: String
        switch edge.arrow {
        case .call, .fetch: arrow = "-->"
        case .send, .callback: arrow = "-.->"
        }
        let lines = GraphViewLabels.edgeLines(edge.labels, metrics: metrics)
        let label = lines.isEmpty ? "" : "|\(quoted(lines))|"
        return "\(id(edge.dataSource)) \(arrow)\(label) \(id(edge.dataTarget))"
    }

    /// `"line<br/>line"`, every line escaped; a non-breaking space for no text, since Mermaid
    /// needs something between the quotes.
    static func quoted(_ lines: [String]) -> String {
        let text = lines.map { MermaidEscaping.text($0, lineBreaks: false, flowchart: true) }
            .filter { !$0.isEmpty }.joined(separator: "<br/>")
        return "\"" + (text.isEmpty ? "#160;" : text) + "\""
    }
}
