import BatonModel
import BatonSyntax

/// What the graph view shows, before anyone lays it out: its nodes, its merged edges and its
/// clusters. The DOT writer and the native layered layout both start from this, so the two
/// renderings of the graph view cannot disagree about content.
///
/// - Nodes: the participants declared in the root file, plus imported ones that take part in
///   an interaction (an imported catalogue should not flood every design with its unused
///   entries). With a flow: only the participants that take part in that flow.
/// - Edges: one per (initiator, passive end, arrow kind), in order of first appearance, with the
///   distinct labels of its interactions in order.
/// - Clusters: the groups, nested, holding shown participants; empty groups are left out.
public struct GraphViewContent: Hashable, Sendable {
    public struct Edge: Hashable, Sendable {
        /// Who initiates (holds the baton).
        public var initiator: ParticipantID
        public var passive: ParticipantID
        public var arrow: Arrow
        /// Distinct labels, in document order.
        public var labels: [String]
        public var interactions: [InteractionID]

        /// Edges are drawn in the data direction: from here...
        public var dataSource: ParticipantID { arrow == .fetch ? passive : initiator }
        /// ...to here.
        public var dataTarget: ParticipantID { arrow == .fetch ? initiator : passive }
    }

    public struct Cluster: Hashable, Sendable {
        public var group: GroupID
        /// Shown direct members, in declaration order.
        public var members: [ParticipantID]
        public var subclusters: [Cluster]
    }

    /// In declaration order.
    public var nodes: [ParticipantID]
    public var edges: [Edge]
    /// Top-level clusters.
    public var clusters: [Cluster]
    /// Shown participants outside every cluster, in declaration order.
    public var unclustered: [ParticipantID]

    public init(model: Model, flow: FlowID? = nil) {
        let (shown, interactions) = Self.select(model: model, flow: flow)
        nodes = model.participants.indices.filter { shown[$0] }.map { ParticipantID($0) }

        var index: [EdgeKey: Int] = [:]
        // Labels already listed, per edge: one edge may stand for thousands of interactions.
        var listed: [Set<String>] = []
        edges = []
        for interaction in interactions {
            let key = EdgeKey(interaction)
            let position: Int
            if let existing = index[key] {
                position = existing
            } else {
                position = edges.count
                index[key] = position
                edges.append(Edge(initiator: interaction.from, passive: interaction.to, arrow: interaction.arrow,
                                  labels: [], interactions: []))
                listed.append([])
            }
            edges[position].interactions.append(interaction.id)
            if let label = interaction.label, !label.isEmpty, listed[position].insert(label).inserted {
                edges[position].labels.append(label)
            }
        }

        var clustered = [Bool](repeating: false, count: model.participants.count)
        func cluster(_ id: GroupID) -> Cluster? {
            let group = model[id]
            let members = group.members.filter { shown[$0.rawValue] }
            for member in members { clustered[member.rawValue] = true }
            let subclusters = group.subgroups.compactMap(cluster)
            guard !members.isEmpty || !subclusters.isEmpty else { return nil }
            return Cluster(group: id, members: members, subclusters: subclusters)
        }
        clusters = model.rootGroups.compactMap(cluster)
        unclustered = nodes.filter { !clustered[$0.rawValue] }
    }

    /// How many nodes and edges the content of `model` (or of one flow) has, counted without
    /// building it: a size check can then refuse a huge design cheaply.
    public static func size(model: Model, flow: FlowID? = nil) -> (participants: Int, connections: Int) {
        let (shown, interactions) = select(model: model, flow: flow)
        var keys = Set<EdgeKey>(minimumCapacity: min(interactions.count, 1 << 20))
        for interaction in interactions { keys.insert(EdgeKey(interaction)) }
        return (shown.reduce(0) { $0 + ($1 ? 1 : 0) }, keys.count)
    }

    /// What makes two interactions one edge.
    private struct EdgeKey: Hashable {
        var from: ParticipantID, to: ParticipantID, arrow: Arrow

        init(_ interaction: Interaction) {
            from = interaction.from
            to = interaction.to
            arrow = interaction.arrow
        }
    }

    /// Which participants are shown (indexed by raw id) and the interactions drawn, in order.
    private static func select(model: Model, flow: FlowID?) -> (shown: [Bool], interactions: [Interaction]) {
        var shown: [Bool]
        var interactions: [Interaction] = []
        if let flow {
            let steps = model[flow].steps
            shown = model.participantsTakingPart(in: steps)
            model.forEachInteraction(in: steps) { interactions.append(model[$0]) }
        } else {
            shown = [Bool](repeating: false, count: model.participants.count)
            for participant in model.participants where !participant.isImported { shown[participant.id.rawValue] = true }
            interactions = model.interactions
            for interaction in interactions {
                shown[interaction.from.rawValue] = true
                shown[interaction.to.rawValue] = true
            }
        }
        return (shown, interactions)
    }
}
