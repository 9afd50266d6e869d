import BatonLayout
import BatonModel
import BatonSyntax

/// How participants and interactions look in Graphviz, in one place (the legend in
/// docs/rendering.md describes the same choices).
enum DOTStyle {
    static let font = "Arial"

    /// Node attributes for a participant drawn as `shape`, except its label and colours (and,
    /// for the shapes drawn as tables, except everything but `plain`: see `table`).
    static func nodeAttributes(_ shape: ParticipantShape) -> [(String, String)] {
        switch shape {
        case .person: [("shape", "box"), ("style", "rounded,filled,bold")]
        case .roundedBox: [("shape", "box"), ("style", "rounded,filled")]
        case .dashedBox: [("shape", "box"), ("style", "dashed,filled")]
        case .pipe, .fannedPipe: [("shape", "plain")]
        case .cylinder: [("shape", "cylinder"), ("style", "filled")]
        case .hexagon: [("shape", "hexagon"), ("style", "filled")]
        }
    }

    /// The HTML-like tables that stand in for shapes Graphviz lacks.
    enum Table {
        /// The name, then three message slots.
        case slots
        /// The name, then a slot and three parallel lanes.
        case lanes
    }

    /// The table a participant drawn as `shape` is, nil for the shapes Graphviz draws itself.
    ///
    /// Graphviz has no horizontal cylinder (`orientation` does not rotate `cylinder`), so a pipe
    /// (a queue) is a box with three slots, read left to right like the graph, and a fanned pipe
    /// (a topic) ends in three parallel lanes: one message, a copy for every subscriber. Tables
    /// rather than `record` shapes, because records break Graphviz's routing of edges between
    /// neighbours on one rank ("flat edge between adjacent nodes one of which has a record shape").
    static func table(_ shape: ParticipantShape) -> Table? {
        switch shape {
        case .pipe: .slots
        case .fannedPipe: .lanes
        case .person, .roundedBox, .dashedBox, .cylinder, .hexagon: nil
        }
    }

    /// The label of a participant drawn as `table`: the name's lines, then its slots or lanes.
    static func tableLabel(_ lines: [String], table: Table, fill: String, stroke: String) -> String {
        let name = lines.map(DOTEscaping.html).joined(separator: "<BR/>")
        let open = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\" COLOR=\"\(stroke)\" BGCOLOR=\"\(fill)\">"
        let slot = "<TD BORDER=\"1\" SIDES=\"L\" WIDTH=\"10\"></TD>"
        if case .lanes = table {
            let lane = { (sides: String) in "<TD BORDER=\"1\" SIDES=\"\(sides)\" WIDTH=\"14\" HEIGHT=\"8\"></TD>" }
            return "<\(open)<TR><TD ROWSPAN=\"3\">\(name)</TD><TD ROWSPAN=\"3\" BORDER=\"1\" SIDES=\"L\" WIDTH=\"10\"></TD>"
                + "\(lane("LB"))</TR><TR>\(lane("LB"))</TR><TR>\(lane("L"))</TR></TABLE>>"
        }
        return "<\(open)<TR><TD>\(name)</TD>\(slot)\(slot)\(slot)</TR></TABLE>>"
    }

    /// Whether to ask Graphviz for its newer ranking (`newrank=true`).
    ///
    /// Graphviz's classic ranking gives the tidiest pictures, but on clustered graphs with many
    /// labelled edges it fails ("trouble in init_rank", edges lost): on generated designs the
    /// smallest failing graph had 67 edges. The newer ranking never failed there, but it draws the
    /// two edges of a pair (A to B and B to A) on top of each other when they cross a cluster's
    /// border. So: the classic ranking for small graphs, the robust one beyond 40 edges.
    static func needsNewRank(_ content: GraphViewContent) -> Bool {
        !content.clusters.isEmpty && content.edges.count > 40
    }

    /// Edge attributes for an interaction kind, drawn in the data direction: the baton (a dot)
    /// at the initiator's end, the arrowhead at the data's destination. For a fetch both are at
    /// the initiator, so the head end carries `dotnormal` (the dot touching the node, the
    /// arrowhead pointing into it).
    static func edgeAttributes(_ arrow: Arrow) -> [(String, String)] {
        switch arrow {
        case .call: [("dir", "both"), ("arrowtail", "dot"), ("arrowhead", "normal")]
        case .send: [("style", "dashed"), ("dir", "both"), ("arrowtail", "dot"), ("arrowhead", "onormal")]
        case .callback: [("style", "dotted"), ("dir", "both"), ("arrowtail", "dot"), ("arrowhead", "onormal")]
        case .fetch: [("arrowhead", "dotnormal")]
        }
    }
}
