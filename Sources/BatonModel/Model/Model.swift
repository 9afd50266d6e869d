// The semantic model: what a design means, independent of how it was written.
//
// Built from syntax by `ModelBuilder` (name resolution, typed attributes, the misplaced-step
// rule). Everything is in arrays in declaration or document order, addressed by typed indices,
// so every consumer iterates deterministically. The model is never mutated by later stages:
// checks read it, layout reads it and produces a separate Scene.

import BatonSyntax

public struct Model: Hashable, Sendable {
    public var title: String?
    /// Declaration order (imports at the point of their `import`).
    public var participants: [Participant] = []
    public var groups: [ParticipantGroup] = []
    /// The default flow first (when the file has top-level steps), then named flows in order.
    public var flows: [Flow] = []
    /// Every interaction of every flow, in document order.
    public var interactions: [Interaction] = []
    /// Top-level groups, in declaration order.
    public var rootGroups: [GroupID] = []
    /// `scenario` blocks, in document order (docs/simulation.md).
    public var scenarios: [Scenario] = []

    public init() {}

    // Each lends the element in place (`_read`): `model[id].name` reads one field, where a
    // getter returned a copy of the whole participant or interaction, retaining every string
    // and array in it, for each of the rules' many lookups.
    public subscript(id: ParticipantID) -> Participant { _read { yield participants[id.rawValue] } }
    public subscript(id: InteractionID) -> Interaction { _read { yield interactions[id.rawValue] } }
    public subscript(id: GroupID) -> ParticipantGroup { _read { yield groups[id.rawValue] } }
    public subscript(id: FlowID) -> Flow { _read { yield flows[id.rawValue] } }

    public func participant(named name: String) -> Participant? {
        participants.first { $0.name == name }
    }

    public func scenario(named name: String) -> Scenario? {
        scenarios.first { $0.name == name }
    }

    public func flow(named name: String) -> Flow? {
        flows.first { $0.name == name }
    }

    /// The default flow of one file: its top-level steps, if it has any.
    public func defaultFlow(of file: FileID) -> FlowID? {
        flows.first { $0.isDefault && $0.span.file == file }?.id
    }

    /// Channels that are some channel's dead-letter queue.
    public var deadLetterChannels: Set<ParticipantID> {
        Set(participants.compactMap(\.attributes.dlq))
    }
}
