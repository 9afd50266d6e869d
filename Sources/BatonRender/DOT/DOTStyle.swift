import BatonLayout
import BatonSyntax

/// How participants and interactions look in Graphviz, in one place (the legend in
/// docs/rendering.md describes the same choices).
enum DOTStyle {
    static let font = "Arial"

    /// Node attributes for a participant of `kind`, except its label (and, for channels, except
    /// everything: they are HTML-like tables, see `channelLabel`).
    static func nodeAttributes(_ kind: ParticipantKind) -> [(String, String)] {
        switch kind {
        case .client: [("shape", "box"), ("style", "rounded,filled,bold")]
        case .service: [("shape", "box"), ("style", "rounded,filled")]
        case .external: [("shape", "box"), ("style", "dashed,filled")]
        case .queue, .topic: [("shape", "plain")]
        case .store: [("shape", "cylinder"), ("style", "filled")]
        case .driver: [("shape", "hexagon"), ("style", "filled")]
        }
    }

    /// The label of a queue or topic: an HTML-like table with the name, then message slots.
    ///
    /// Graphviz has no horizontal cylinder (`orientation` does not rotate `cylinder`), so a queue
    /// is a box with three slots, read left to right like the graph, and a topic ends in three
    /// parallel lanes: one message, a copy for every subscriber. Tables rather than `record`
    /// shapes, because records break Graphviz's routing of edges between neighbours on one rank
    /// ("flat edge between adjacent nodes one of which has a record shape").
    static func channelLabel(_ lines: [String], kind: ParticipantKind, fill: String, stroke: String) -> String {
        let name = lines.map(DOTEscaping.html).joined(separator: "<BR/>")
        let table = "<TABLE BORDER=\"1\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"6\" COLOR=\"\(stroke)\" BGCOLOR=\"\(fill)\">"
        let slot = "<TD BORDER=\"1\" SIDES=\"L\" WIDTH=\"10\"></TD>"
        if kind == .topic {
            let lane = { (sides: String) in "<TD BORDER=\"1\" SIDES=\"\(sides)\" WIDTH=\"14\" HEIGHT=\"8\"></TD>" }
            return "<\(table)<TR><TD ROWSPAN=\"3\">\(name)</TD><TD ROWSPAN=\"3\" BORDER=\"1\" SIDES=\"L\" WIDTH=\"10\"></TD>"
                + "\(lane("LB"))</TR><TR>\(lane("LB"))</TR><TR>\(lane("L"))</TR></TABLE>>"
        }
        return "<\(table)<TR><TD>\(name)</TD>\(slot)\(slot)\(slot)</TR></TABLE>>"
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
