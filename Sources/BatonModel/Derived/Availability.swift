/// composite availability(P) = availability(P) × Π availability(D) over every participant D
/// reachable from P in the sync dependency graph, each counted once (see docs/language.md,
/// derived quantities). Undeclared availability counts as 100%.
///
/// Only participants declared below 100% change a product, so reachability is computed for
/// them alone ("columns"), over the graph's strongly connected components, a pass of at most
/// `columnsPerPass` columns at a time: memory is O(components × columnsPerPass / 64) words
/// instead of a bit set of every participant per participant (100,000 participants took
/// 2.6 GB), and time stays O(columns × (V + E) / 64). Factors are multiplied in ascending
/// participant order, as a full bit set would list them, so every value is bit-for-bit what
/// multiplying over all dependencies gives (a factor of exactly 1 changes nothing).
///
/// That is still quadratic where the answer is: on a sync chain of n participants that all
/// declare an availability, participant i has n − i factors, n²/2 in all, so a chain of 40,000
/// takes about 7 s (release). Designs that size are generated, not written; no cap applies.
public struct CompositeAvailability: Sendable {
    /// Fractions in 0…1, indexed by participant.
    public let values: [Double]
    /// The sync graph's successors, to list dependencies when asked.
    private let successors: FlatSuccessors

    /// Columns per pass: 16 words of bits per component.
    static let columnsPerPass = 1_024

    public init(_ model: Model, graph: SyncGraph) {
        self.init(model, graph: graph, columnsPerPass: Self.columnsPerPass)
    }

    init(_ model: Model, graph: SyncGraph, columnsPerPass: Int) {
        successors = FlatSuccessors(graph)
        let participants = model.participants
        var values = participants.map { $0.attributes.availability ?? 1 }
        let columns = participants.indices.filter { (participants[$0].attributes.availability ?? 1) < 1 }
        guard !columns.isEmpty else {
            self.values = values
            return
        }
        var columnOf = Array(repeating: -1, count: participants.count)
        for (column, participant) in columns.enumerated() { columnOf[participant] = column }
        let components = graph.stronglyConnectedComponents()
        var componentOf = Array(repeating: 0, count: participants.count)
        for (index, component) in components.enumerated() {
            for member in component { componentOf[member.rawValue] = index }
        }
        let passWidth = max(1, columnsPerPass)
        let words = (passWidth + 63) / 64
        // Per component, the columns of this pass it reaches through at least one sync edge.
        var reach = Array(repeating: UInt64(0), count: components.count * words)
        for first in stride(from: 0, to: columns.count, by: passWidth) {
            let end = min(first + passWidth, columns.count)
            for index in reach.indices { reach[index] = 0 }
            // Components come sinks first, so every successor's bits are ready when needed.
            for (index, component) in components.enumerated() {
                let base = index * words
                for member in component {
                    for successor in graph.successors[member.rawValue] {
                        let column = columnOf[successor.rawValue]
                        if column >= first, column < end {
                            let bit = column - first
                            reach[base + (bit >> 6)] |= 1 << UInt64(bit & 63)
                        }
                        let other = componentOf[successor.rawValue]
                        if other != index {
                            let otherBase = other * words
                            for word in 0..<words { reach[base + word] |= reach[otherBase + word] }
                        }
                    }
                }
            }
            for participant in participants.indices {
                let base = componentOf[participant] * words
                for word in 0..<words {
                    var remaining = reach[base + word]
                    while remaining != 0 {
                        let member = columns[first + word * 64 + remaining.trailingZeroBitCount]
                        remaining &= remaining - 1
                        // A participant on a cycle reaches itself; its own factor is already in.
                        if member != participant { values[participant] *= participants[member].attributes.availability ?? 1 }
                    }
                }
            }
        }
        self.values = values
    }

    public subscript(id: ParticipantID) -> Double { values[id.rawValue] }

    /// The participants `id` depends on synchronously (reachable through at least one sync
    /// edge, itself excluded), ascending. A search per call: only the rules that explain a
    /// finding ask, for the participants they report.
    /// Marks in an array rather than a hashed set, and ascending order read off the marks when
    /// many are reached rather than sorted: a finding per participant of a long chain asks
    /// once per participant (10,000 searches of 5,000 participants on average).
    public func dependencies(of id: ParticipantID) -> [ParticipantID] {
        var seen = Array(repeating: false, count: successors.count)
        var reached: [Int] = []
        var stack = [id.rawValue]
        while let node = stack.popLast() {
            for index in successors.range(of: node) {
                let next = successors.targets[index].rawValue
                guard !seen[next] else { continue }
                seen[next] = true
                reached.append(next)
                stack.append(next)
            }
        }
        let ascending = reached.count > seen.count / 16 ? seen.indices.filter { seen[$0] } : reached.sorted()
        return ascending.filter { $0 != id.rawValue }.map(ParticipantID.init)
    }
}
