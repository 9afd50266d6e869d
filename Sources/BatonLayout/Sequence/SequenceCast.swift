import BatonModel

/// Who appears in a sequence diagram, in which column, and which groups box them in.
///
/// Only the participants that take part in the flow (as an end of an interaction or under a
/// note) get a lifeline: a flow is a story about some of the system, and empty lifelines would
/// only push the actors apart. Columns keep declaration order. When the model has no flow at
/// all, every participant is shown, so that a catalogue of declarations still draws.
struct SequenceCast {
    /// The participant in each column, left to right.
    var columns: [ParticipantID]
    /// The column of each participant (indexed by `ParticipantID.rawValue`), nil if not shown.
    var columnOf: [Int?]
    /// Groups with at least one shown member, innermost first.
    var groups: [Group]

    struct Group {
        var id: GroupID
        var first: Int
        var last: Int
        /// Shown groups around it.
        var level: Int
        /// Shown groups nested inside it, counted in levels (0 when it has none).
        var depth: Int
    }

    init(model: Model, flow: Flow?) {
        let shown = flow.map { model.participantsTakingPart(in: $0.steps) }
            ?? [Bool](repeating: true, count: model.participants.count)
        columns = model.participants.indices.filter { shown[$0] }.map { ParticipantID($0) }
        columnOf = [Int?](repeating: nil, count: model.participants.count)
        for (column, id) in columns.enumerated() { columnOf[id.rawValue] = column }
        groups = []
        for root in model.rootGroups {
            collectGroups(root, model: model, level: 0)
        }
        // Innermost first (deepest level), then declaration order.
        groups.sort { $0.level != $1.level ? $0.level > $1.level : $0.id < $1.id }
    }

    /// Adds the group and its shown subgroups; returns its span of columns and its depth.
    @discardableResult
    private mutating func collectGroups(_ id: GroupID, model: Model, level: Int) -> (ClosedRange<Int>, Int)? {
        let group = model[id]
        var low = Int.max, high = Int.min
        for member in group.members {
            if let column = columnOf[member.rawValue] { low = min(low, column); high = max(high, column) }
        }
        var depth = 0
        for sub in group.subgroups {
            if let (range, subDepth) = collectGroups(sub, model: model, level: level + 1) {
                low = min(low, range.lowerBound)
                high = max(high, range.upperBound)
                depth = max(depth, subDepth + 1)
            }
        }
        guard low <= high else { return nil }
        groups.append(Group(id: id, first: low, last: high, level: level, depth: depth))
        return (low...high, depth)
    }

    /// The deepest nesting of shown groups (0 without groups).
    var groupLevels: Int { (groups.map(\.level).max() ?? -1) + 1 }
}
