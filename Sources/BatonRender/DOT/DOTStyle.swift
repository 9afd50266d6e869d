import BatonSyntax

/// How participants and interactions look in Graphviz, in one place (the legend in
/// docs/rendering.md describes the same choices).
enum DOTStyle {
    static let font = "Arial"

    /// Node attributes for a participant of `kind`, except its label.
    ///
    /// Graphviz has no horizontal cylinder (`orientation` does not rotate `cylinder`), so queues
    /// are records with message slots, read left to right like the graph, and topics end in
    /// three parallel lanes: one message, a copy for every subscriber.
    static func nodeAttributes(_ kind: ParticipantKind) -> [(String, String)] {
        switch kind {
        case .client: [("shape", "box"), ("style", "rounded,filled,bold")]
        case .service: [("shape", "box"), ("style", "rounded,filled")]
        case .external: [("shape", "box"), ("style", "dashed,filled")]
        case .queue, .topic: [("shape", "record"), ("style", "filled")]
        case .store: [("shape", "cylinder"), ("style", "filled")]
        case .driver: [("shape", "hexagon"), ("style", "filled")]
        }
    }

    /// The record label of a queue or topic: the name, then its slots.
    static func recordLabel(_ lines: [String], kind: ParticipantKind) -> String {
        let name = lines.map(DOTEscaping.recordField).joined(separator: "\\n")
        return kind == .topic ? "{\(name)|\\ |{\\ |\\ |\\ }}" : "{\(name)|\\ |\\ |\\ }"
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
