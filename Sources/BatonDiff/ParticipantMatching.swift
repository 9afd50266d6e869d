import BatonModel

/// Which participant of the old design is which of the new one.
///
/// Participants are the same when they have the same name. A participant only the old design
/// has and one only the new design has are one participant **renamed** when the rename is
/// evident: they are of the same kind, every other attribute is the same (the label may differ,
/// and is then reported as a change), they take part in at least one interaction, and their
/// interactions are the same — same arrows, labels and other ends, the participant itself
/// standing in for its own name — and no other removed or added participant looks the same.
/// Anything less evident is reported as a removal and an addition. (Two neighbours renamed at
/// once are therefore not recognised: each one's interactions name the other's new name.)
struct ParticipantMatching: Sendable {
    /// Indexed by old participant: its counterpart in the new design.
    var newOf: [ParticipantID?]
    /// Indexed by new participant: its counterpart in the old design.
    var oldOf: [ParticipantID?]
    /// Old name → new name, for the renamed ones.
    var renamed: [String: String]

    init(old: Model, new: Model) {
        newOf = [ParticipantID?](repeating: nil, count: old.participants.count)
        oldOf = [ParticipantID?](repeating: nil, count: new.participants.count)
        renamed = [:]
        var newByName: [String: ParticipantID] = [:]
        for participant in new.participants { newByName[participant.name] = participant.id }
        var removed: [ParticipantID] = []
        for participant in old.participants {
            if let match = newByName[participant.name] {
                newOf[participant.id.rawValue] = match
                oldOf[match.rawValue] = participant.id
            } else {
                removed.append(participant.id)
            }
        }
        let added = new.participants.indices.filter { oldOf[$0] == nil }.map(ParticipantID.init)
        guard !removed.isEmpty, !added.isEmpty else { return }
        // Evident renames: one removed and one added participant with the same signature.
        let oldNames = Naming(old)
        let newNames = Naming(new)
        let oldEdges = Self.edges(of: Set(removed), in: old, names: oldNames)
        let newEdges = Self.edges(of: Set(added), in: new, names: newNames)
        var candidates: [String: (old: [ParticipantID], new: [ParticipantID])] = [:]
        for id in removed where !oldEdges[id, default: []].isEmpty {
            candidates[Self.signature(id, in: old, names: oldNames, edges: oldEdges[id, default: []]), default: ([], [])].old.append(id)
        }
        for id in added where !newEdges[id, default: []].isEmpty {
            candidates[Self.signature(id, in: new, names: newNames, edges: newEdges[id, default: []]), default: ([], [])].new.append(id)
        }
        // In the old design's order, so the result does not depend on the dictionary's.
        for id in removed {
            guard let signature = oldEdges[id].map({ Self.signature(id, in: old, names: oldNames, edges: $0) }),
                  let pair = candidates[signature], pair.old.count == 1, pair.new.count == 1, let match = pair.new.first
            else { continue }
            newOf[id.rawValue] = match
            oldOf[match.rawValue] = id
            renamed[old[id].name] = new[match].name
        }
    }

    /// What a participant is, apart from its name and label: its kind, its attributes and its
    /// interactions (sorted), in one string.
    static func signature(_ id: ParticipantID, in model: Model, names: Naming, edges: [String]) -> String {
        let attributes = ElementAttributes.participant(model[id], in: model, names: names).entries.filter { $0.key != "label" }
        return (attributes.map { "\($0.key)=\($0.value ?? "\u{0}")" } + edges.sorted()).joined(separator: "\u{1}")
    }

    /// The interactions of each participant in `ids`, written with the participant itself as `•`.
    static func edges(of ids: Set<ParticipantID>, in model: Model, names: Naming) -> [ParticipantID: [String]] {
        var edges: [ParticipantID: [String]] = [:]
        for interaction in model.interactions where ids.contains(interaction.from) || ids.contains(interaction.to) {
            for end in Set([interaction.from, interaction.to]) where ids.contains(end) {
                let from = interaction.from == end ? "•" : names.names[interaction.from.rawValue]
                let to = interaction.to == end ? "•" : names.names[interaction.to.rawValue]
                edges[end, default: []].append("\(from) \(interaction.arrow.rawValue) \(to) : \(interaction.label ?? "")")
            }
        }
        return edges
    }
}
