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
        var children = Array(repeating: [InteractionID](), count: model.interactions.count)
        var roots: [InteractionID] = []
        // Fields are read through the array: binding each interaction copied it whole.
        let interactions = model.interactions
        for index in interactions.indices where interactions[index].arrow.isSynchronous {
            if let parent = interactions[index].parent, interactions[parent.rawValue].arrow.isSynchronous {
                children[parent.rawValue].append(InteractionID(index))
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
