/// composite availability(P) = availability(P) × Π availability(D) over every participant D
/// reachable from P in the sync dependency graph, each counted once (SPEC §6). Undeclared
/// availability counts as 100%.
///
/// Reachability is computed once for all participants with bit sets over the graph's strongly
/// connected components, so the cost is O(V·E/64) rather than one search per participant.
public struct CompositeAvailability: Sendable {
    /// Fractions in 0…1, indexed by participant.
    public let values: [Double]
    /// The participants each one depends on synchronously (excluding itself), ascending.
    private let reach: [BitSet]

    public init(_ model: Model, graph: SyncGraph) {
        let count = model.participants.count
        let components = graph.stronglyConnectedComponents()
        var componentOf = Array(repeating: 0, count: count)
        for (index, component) in components.enumerated() {
            for member in component { componentOf[member.rawValue] = index }
        }
        // Components come sinks first, so every successor's set is ready when needed.
        var componentReach = Array(repeating: BitSet(count: count), count: components.count)
        for (index, component) in components.enumerated() {
            var set = BitSet(count: count)
            for member in component {
                for successor in graph.successors[member.rawValue] {
                    set.insert(successor.rawValue)
                    let other = componentOf[successor.rawValue]
                    if other != index { set.formUnion(componentReach[other]) }
                }
            }
            componentReach[index] = set
        }
        var values = Array(repeating: 1.0, count: count)
        var reach: [BitSet] = []
        reach.reserveCapacity(count)
        for participant in model.participants {
            var set = componentReach[componentOf[participant.id.rawValue]]
            set.remove(participant.id.rawValue)
            var product = participant.attributes.availability ?? 1
            for member in set.members() {
                product *= model.participants[member].attributes.availability ?? 1
            }
            values[participant.id.rawValue] = product
            reach.append(set)
        }
        self.values = values
        self.reach = reach
    }

    public subscript(id: ParticipantID) -> Double { values[id.rawValue] }

    /// The participants `id` depends on synchronously, ascending.
    public func dependencies(of id: ParticipantID) -> [ParticipantID] {
        reach[id.rawValue].members().map(ParticipantID.init)
    }
}

/// A fixed-size set of small integers.
struct BitSet: Sendable, Hashable {
    private var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ value: Int) { words[value >> 6] |= 1 << UInt64(value & 63) }
    mutating func remove(_ value: Int) { words[value >> 6] &= ~(1 << UInt64(value & 63)) }
    func contains(_ value: Int) -> Bool { words[value >> 6] & (1 << UInt64(value & 63)) != 0 }

    mutating func formUnion(_ other: BitSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Members in ascending order.
    func members() -> [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                let bit = remaining.trailingZeroBitCount
                result.append(index * 64 + bit)
                remaining &= remaining - 1
            }
        }
        return result
    }
}
