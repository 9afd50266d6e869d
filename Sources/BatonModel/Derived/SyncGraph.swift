/// The sync dependency graph (docs/language.md#13-derived-quantities): an edge initiator →
/// passive end for every sync interaction (`->` and `<-`) anywhere in the model. Successors are
/// kept sorted and distinct.
public struct SyncGraph: Sendable {
    /// Distinct successors of each participant, ascending.
    public let successors: [[ParticipantID]]
    /// For each participant, the sync interactions it initiates, in document order.
    public let outgoing: [[InteractionID]]

    public init(_ model: Model) {
        // Fields are read through the array: binding each interaction copied it whole.
        let interactions = model.interactions
        let sizes = ListsByKey.sizes(keys: model.participants.count, over: interactions.count) {
            interactions[$0].arrow.isSynchronous ? interactions[$0].from.rawValue : nil
        }
        var successors = ListsByKey.reserved(sizes, of: ParticipantID.self)
        var outgoing = ListsByKey.reserved(sizes, of: InteractionID.self)
        for index in interactions.indices where interactions[index].arrow.isSynchronous {
            let from = interactions[index].from.rawValue
            successors[from].append(interactions[index].to)
            outgoing[from].append(InteractionID(index))
        }
        for index in successors.indices where successors[index].count > 1 {
            successors[index].sort()
            successors[index] = Self.distinct(successors[index])
        }
        self.successors = successors
        self.outgoing = outgoing
    }

    /// A sorted array without repeats.
    static func distinct(_ sorted: [ParticipantID]) -> [ParticipantID] {
        var result: [ParticipantID] = []
        result.reserveCapacity(sorted.count)
        for id in sorted where result.last != id { result.append(id) }
        return result
    }

    public var count: Int { successors.count }

    /// fan-out(P): how many distinct participants P calls or fetches from synchronously.
    public func fanOut(_ participant: ParticipantID) -> Int { successors[participant.rawValue].count }

    /// Strongly connected components (Tarjan, iterative so deep graphs cannot overflow the
    /// stack), in reverse topological order: every component comes after the ones it reaches.
    public func stronglyConnectedComponents() -> [[ParticipantID]] {
        let count = successors.count
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var components: [[ParticipantID]] = []
        var nextIndex = 0
        for start in 0..<count where index[start] < 0 {
            // Each frame: node and the position of the next successor to visit.
            var frames: [(node: Int, next: Int)] = [(start, 0)]
            index[start] = nextIndex
            lowLink[start] = nextIndex
            nextIndex += 1
            stack.append(start)
            onStack[start] = true
            while let frame = frames.last {
                let node = frame.node
                let edges = successors[node]
                if frame.next < edges.count {
                    frames[frames.count - 1].next += 1
                    let successor = edges[frame.next].rawValue
                    if index[successor] < 0 {
                        index[successor] = nextIndex
                        lowLink[successor] = nextIndex
                        nextIndex += 1
                        stack.append(successor)
                        onStack[successor] = true
                        frames.append((successor, 0))
                    } else if onStack[successor] {
                        lowLink[node] = min(lowLink[node], index[successor])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last {
                    lowLink[parent.node] = min(lowLink[parent.node], lowLink[node])
                }
                if lowLink[node] == index[node] {
                    var component: [ParticipantID] = []
                    while let member = stack.popLast() {
                        onStack[member] = false
                        component.append(ParticipantID(member))
                        if member == node { break }
                    }
                    components.append(component.sorted())
                }
            }
        }
        return components
    }
}
