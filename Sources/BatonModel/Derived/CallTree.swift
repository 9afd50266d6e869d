/// Sync call trees (docs/language.md#13-derived-quantities): sync interactions nested through
/// blocks, fragments being transparent. An async interaction (`->>`, `~>`) ends a tree; sync
/// interactions in its block start new ones.
public struct CallTrees: Sendable {
    /// For each interaction: the sync interactions directly in its block (through fragments),
    /// in document order. Empty for async interactions.
    public let children: [[InteractionID]]
    /// Sync interactions that no sync interaction encloses, in document order.
    public let roots: [InteractionID]

    public init(_ model: Model) {
        // Fields are read through the array: binding each interaction copied it whole.
        let interactions = model.interactions
        /// The sync interaction that `index`, a sync interaction, is a child of.
        func syncParent(_ index: Int) -> Int? {
            guard let parent = interactions[index].parent, interactions[parent.rawValue].arrow.isSynchronous else { return nil }
            return parent.rawValue
        }
        var children = ListsByKey.reserved(ListsByKey.sizes(keys: interactions.count, over: interactions.count) {
            interactions[$0].arrow.isSynchronous ? syncParent($0) : nil
        }, of: InteractionID.self)
        var roots: [InteractionID] = []
        for index in interactions.indices where interactions[index].arrow.isSynchronous {
            if let parent = syncParent(index) {
                children[parent].append(InteractionID(index))
            } else {
                roots.append(InteractionID(index))
            }
        }
        self.children = children
        self.roots = roots
    }

    /// Every root-to-node path, visited depth first in document order; `body` gets the path
    /// (root first) and returns false to stop descending below that node.
    public func walkPaths(_ body: ([InteractionID]) -> Bool) {
        for root in roots {
            var stack: [[InteractionID]] = [[root]]
            while let path = stack.popLast() {
                guard body(path), let last = path.last else { continue }
                for child in children[last.rawValue].reversed() { stack.append(path + [child]) }
            }
        }
    }
}
