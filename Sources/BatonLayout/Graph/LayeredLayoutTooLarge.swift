// What `rankLayered(_:options:vertexLimit:)` throws when a graph would take too much memory to lay out.

/// The layering of a graph needs more vertices than the caller allowed. Every phase after the
/// layering works on its vertices (a bend wherever a long edge crosses a layer, fillers and
/// borders of clusters), so their number predicts the layout's time and memory; it is known,
/// and checked, before any of them is built.
public struct LayeredLayoutTooLarge: Error, Hashable, Sendable {
    /// The vertices the layering would add to the nodes (at most: cluster fillers and borders
    /// are counted for every layer a cluster spans).
    public var addedVertices: Int
    /// The most that were allowed.
    public var limit: Int

    public init(addedVertices: Int, limit: Int) {
        self.addedVertices = addedVertices
        self.limit = limit
    }
}
