import BatonModel
import BatonSyntax

/// The numbers behind the coupling rules, per participant and per sync call tree
/// (`baton metrics`). Pure function of the model.
public struct DesignMetrics: Sendable {
    public struct ParticipantRow: Sendable, Hashable {
        public var name: String
        public var kind: ParticipantKind
        /// Sync interactions (`->`, `<-`) it is the passive end of / initiates.
        public var syncIn: Int
        public var syncOut: Int
        /// Async interactions (`->>`, `~>`) it is the passive end of / initiates.
        public var asyncIn: Int
        public var asyncOut: Int
        /// Distinct participants it calls or fetches from synchronously.
        public var fanOut: Int
        /// Its own declared availability, if any.
        public var availability: Double?
        /// Its availability times that of everything it reaches synchronously.
        public var compositeAvailability: Double
    }

    public struct CallTreeRow: Sendable, Hashable {
        public var root: InteractionID
        public var description: String
        public var span: Span
        /// The deepest chain of sync interactions in the tree.
        public var depth: Int
        /// Worst-case wait of the root interaction, in seconds (docs/language.md#13-derived-quantities).
        public var worstCaseWait: Double
        /// The largest product of attempts along one path of the tree (`AttemptProducts`): how
        /// many requests one call of the root can send to the bottom of the tree; infinite with
        /// an unbounded retry.
        public var amplification: Double = 1
    }

    public var participants: [ParticipantRow]
    public var callTrees: [CallTreeRow]

    public init(_ model: Model) {
        self.init(CheckContext(model))
    }

    /// The metrics from a context already made (a caller that also checks the design).
    public init(_ context: CheckContext) {
        let model = context.model
        let availability = CompositeAvailability(model, graph: context.syncGraph)
        var rows = model.participants.map { participant in
            ParticipantRow(name: participant.name, kind: participant.kind, syncIn: 0, syncOut: 0, asyncIn: 0, asyncOut: 0,
                           fanOut: context.syncGraph.fanOut(participant.id), availability: participant.attributes.availability,
                           compositeAvailability: availability[participant.id])
        }
        for index in model.interactions.indices {
            let from = model.interactions[index].from.rawValue
            let to = model.interactions[index].to.rawValue
            if model.interactions[index].arrow.isSynchronous {
                rows[from].syncOut += 1
                rows[to].syncIn += 1
            } else {
                rows[from].asyncOut += 1
                rows[to].asyncIn += 1
            }
        }
        participants = rows
        // The depth of a tree is the largest depth of its members; members follow their root.
        // So is its amplification, the largest product of attempts of its members.
        var treeDepth: [InteractionID: Int] = [:]
        var treeAmplification: [InteractionID: Double] = [:]
        for index in model.interactions.indices where model.interactions[index].arrow.isSynchronous {
            var root = InteractionID(index)
            while let parent = context.syncParent[root.rawValue] { root = parent }
            treeDepth[root] = max(treeDepth[root] ?? 0, context.syncDepth[index])
            treeAmplification[root] = max(treeAmplification[root] ?? 1, context.attemptProducts.values[index] ?? 1)
        }
        callTrees = context.callTrees.roots.map { root in
            CallTreeRow(root: root, description: context.describe(root), span: model[root].span,
                        depth: treeDepth[root] ?? 1, worstCaseWait: context.waits[root] ?? 0,
                        amplification: treeAmplification[root] ?? 1)
        }
    }
}
