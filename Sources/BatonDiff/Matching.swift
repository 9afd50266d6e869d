import BatonModel

/// Which element of one design is which of the other, with what each side calls its elements
/// and how it places and attributes its interactions: what the report (`Differ`) and the
/// diagram (`DiffDiagram`) both start from.
struct Matching: Sendable {
    let participants: ParticipantMatching
    let interactions: InteractionMatching
    /// The old design's names with renamed participants under their new names, for comparing.
    let oldNames: Naming
    /// The old design's own names, for showing what it said.
    let ownOldNames: Naming
    let newNames: Naming
    let oldPlaces: InteractionPlaces
    let newPlaces: InteractionPlaces
    /// Indexed by interaction, on each side.
    let oldLists: [ElementAttributes.List]
    let newLists: [ElementAttributes.List]

    init(old: DesignSide, new: DesignSide) {
        let oldModel = old.model, newModel = new.model
        participants = ParticipantMatching(old: oldModel, new: newModel)
        let oldNames = Naming(oldModel, renamed: participants.renamed)
        let newNames = Naming(newModel)
        let oldPlaces = InteractionPlaces(oldModel, logicalPaths: old.logicalPaths)
        let newPlaces = InteractionPlaces(newModel, logicalPaths: new.logicalPaths)
        let oldLists = oldModel.interactions.indices.map {
            ElementAttributes.interaction(InteractionID($0), in: oldModel, names: oldNames, places: oldPlaces)
        }
        let newLists = newModel.interactions.indices.map {
            ElementAttributes.interaction(InteractionID($0), in: newModel, names: newNames, places: newPlaces)
        }
        interactions = InteractionMatching(old: oldModel, new: newModel, participants: participants,
                                           oldLists: oldLists, newLists: newLists)
        self.oldNames = oldNames
        ownOldNames = Naming(oldModel)
        self.newNames = newNames
        self.oldPlaces = oldPlaces
        self.newPlaces = newPlaces
        self.oldLists = oldLists
        self.newLists = newLists
    }

    /// Whether an interaction both designs have differs in a place or an attribute.
    func interactionChanged(new id: InteractionID) -> Bool {
        guard let old = interactions.oldOf[id.rawValue] else { return false }
        return !newLists[id.rawValue].equals(oldLists[old.rawValue])
    }
}
