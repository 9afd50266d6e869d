/// A sync graph's successors in one array: participant `p`'s, ascending, are
/// `targets[starts[p]..<starts[p + 1]]`. A search that reads them at every step touches no
/// reference counts, where taking a participant's own array (`SyncGraph.successors[p]`)
/// retained and released it each time (`sync-cycle`'s search did about 190,000 times on a
/// 1 MB design).
public struct FlatSuccessors: Sendable {
    public let starts: [Int]
    public let targets: [ParticipantID]

    public init(_ graph: SyncGraph) {
        var starts: [Int] = [0]
        starts.reserveCapacity(graph.count + 1)
        var targets: [ParticipantID] = []
        targets.reserveCapacity(graph.successors.reduce(0) { $0 + $1.count })
        for list in graph.successors {
            targets.append(contentsOf: list)
            starts.append(targets.count)
        }
        self.starts = starts
        self.targets = targets
    }

    /// How many participants the graph has.
    @inlinable public var count: Int { starts.count - 1 }

    /// Where participant `index`'s successors are in `targets`. The starts never decrease, as
    /// they are made, so the range's bounds are not checked again. (`sync-cycle`'s search reads
    /// `starts` itself, through its buffer: it asks at every step.)
    @inlinable
    public func range(of index: Int) -> Range<Int> { Range(uncheckedBounds: (starts[index], starts[index + 1])) }
}
