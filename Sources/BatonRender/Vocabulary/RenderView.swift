/// Which picture of the design.
public enum RenderView: String, Sendable, CaseIterable {
    /// One flow over time: lifelines, arrows, activations, fragments.
    case sequence
    /// The whole architecture: participants as nodes, merged interactions as edges.
    case graph
}
